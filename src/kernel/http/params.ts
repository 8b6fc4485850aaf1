import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** Parses route params with a Zod schema; malformed ids are simply not found (404). */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw AppError.notFound();
  return result.data;
}

export const partnershipParams = z.object({ id: z.uuid() });
export const partnershipChildParams = z.object({ id: z.uuid(), childId: z.uuid() });
