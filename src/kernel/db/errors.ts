/**
 * True when a query failed on a unique constraint (SQLSTATE 23505). Services check for
 * duplicates first; this covers the race where two requests insert the same name at once.
 * Drizzle wraps driver errors, so the code may be on the error or its cause.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current === "object" && "code" in current && (current as { code: unknown }).code === "23505")
      return true;
    current = typeof current === "object" && "cause" in current ? (current as { cause: unknown }).cause : undefined;
  }
  return false;
}
