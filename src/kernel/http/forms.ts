import type { z } from "zod";
import { AppError, type FieldError } from "../errors/app-error.ts";

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldError[]; values: Record<string, unknown> };

/** Everything a form post carries besides its fields. */
const RESERVED = new Set(["_csrf"]);

/** What the person submitted, to fill the form again: the fields without the CSRF token. */
export function submittedValues(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object") return {};
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key]) => !RESERVED.has(key)));
}

/**
 * Parses a form body with a Zod schema. Errors come back keyed by the field's id so the
 * GOV.UK error summary can link to it; the submitted values come back to re-fill the form.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const values = submittedValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join("-") : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

/**
 * The field errors of a validation failure from a service (`AppError.validation`), or null for
 * any other error. The form route (kernel/forms/form-route.ts) does this for every form.
 */
export function fieldErrorsOf(error: unknown): FieldError[] | null {
  if (error instanceof AppError && error.code === "VALIDATION" && error.details.fieldErrors?.length) {
    return error.details.fieldErrors;
  }
  return null;
}
