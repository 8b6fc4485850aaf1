import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.ts";

const NUL = "\u0000";
const MAX_DEPTH = 6;

export const nulMessage = (field: string) =>
  `“${field}” contains a character that cannot be saved (a NUL, byte 0): remove it and try again`;

/**
 * The name of the first field whose text holds a NUL, or null. Query strings and urlencoded
 * bodies are flat; @fastify/multipart's parts carry a circular `fields` link, so only their
 * value (a field) or file name (a file) is read: file contents are the importers' business.
 */
export function fieldWithNul(value: unknown, name = "form", depth = 0): string | null {
  if (typeof value === "string") return value.includes(NUL) ? name : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  const part = value as { type?: unknown; fieldname?: unknown; value?: unknown; filename?: unknown };
  if ((part.type === "field" || part.type === "file") && typeof part.fieldname === "string") {
    return part.type === "field"
      ? fieldWithNul(part.value, name, depth + 1)
      : fieldWithNul(part.filename, name, depth + 1);
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = fieldWithNul(item, name, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return key.replaceAll(NUL, "\\0");
    const found = fieldWithNul(inner, key, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000 (the database refuses the whole statement), and no person
 * means to type one. So a NUL anywhere in a query string, path or form is refused up front as
 * bad input (400, the field named), for every route, before any handler or CSRF check reads it.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    for (const source of [request.query, request.params, request.body]) {
      const field = fieldWithNul(source);
      if (field) throw AppError.validation([{ field, message: nulMessage(field) }], nulMessage(field));
    }
  });
}
