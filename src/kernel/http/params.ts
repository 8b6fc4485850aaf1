import { z } from "zod";
import { AppError, type FieldError } from "../errors/app-error.ts";

const uuid = z.uuid();

/** Parses route params with a Zod schema; malformed ids are simply not found (404). */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw AppError.notFound();
  return result.data;
}

export const partnershipParams = z.object({ id: z.uuid() });
export const partnershipChildParams = z.object({ id: z.uuid(), childId: z.uuid() });

/** A record id from the path; anything that is not a UUID cannot exist, so it is a 404. */
export function idParam(value: unknown): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw AppError.notFound();
  return parsed.data;
}

/** The field errors of a validation failure from a service, or null for any other error. */
export function fieldErrorsOf(error: unknown): FieldError[] | null {
  if (error instanceof AppError && error.code === "VALIDATION" && error.details.fieldErrors?.length) {
    return error.details.fieldErrors;
  }
  return null;
}
