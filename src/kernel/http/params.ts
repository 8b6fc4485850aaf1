import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

const uuid = z.uuid();

/**
 * Parses route params with a Zod schema; malformed ids are simply not found (404).
 * @deprecated Use `needs(path, …)` (kernel/http/pipeline.ts) with the path from the domain's paths.ts.
 */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw AppError.notFound();
  return result.data;
}

export const partnershipParams = z.object({ id: z.uuid() });
export const partnershipChildParams = z.object({ id: z.uuid(), childId: z.uuid() });

/**
 * A record id from the path; anything that is not a UUID cannot exist, so it is a 404.
 * @deprecated Use `needs(path, …)` (kernel/http/pipeline.ts): it parses every path parameter.
 */
export function idParam(value: unknown): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw AppError.notFound();
  return parsed.data;
}

export { fieldErrorsOf } from "./forms.ts";

/**
 * Route ids that are not UUIDs can't exist: 404 rather than a database error.
 * @deprecated Declare the path in the domain's paths.ts and use `needs(path, …)` from
 * kernel/http/pipeline.ts, which parses every parameter and types `request.params`.
 */
export function parseIds<K extends string>(params: unknown, ...keys: K[]): Record<K, string> {
  const shape = Object.fromEntries(keys.map((key) => [key, z.uuid()])) as Record<K, z.ZodUUID>;
  const parsed = z.object(shape).safeParse(params);
  if (!parsed.success) throw AppError.notFound();
  return parsed.data as Record<K, string>;
}
