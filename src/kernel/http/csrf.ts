import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors/app-error.ts";

export const PRE_SESSION_COOKIE = "cpah_pre";

/**
 * Synchroniser tokens without server state: the token is an HMAC of the session (or, before
 * sign-in, of a random pre-session cookie), so it changes when the session does.
 */
export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac("sha256", secret).update(`csrf:${binding}`).digest("base64url");
}

export function csrfBinding(request: FastifyRequest): string | null {
  if (request.sessionToken) return `s:${request.sessionToken}`;
  const pre = request.cookies[PRE_SESSION_COOKIE];
  return pre ? `p:${pre}` : null;
}

/** Gets (creating a pre-session cookie if needed) the token to embed in forms. */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, secret: string, secure: boolean): string {
  let binding = csrfBinding(request);
  if (!binding) {
    const pre = randomBytes(24).toString("base64url");
    reply.setCookie(PRE_SESSION_COOKIE, pre, { path: "/", httpOnly: true, sameSite: "lax", secure });
    request.cookies[PRE_SESSION_COOKIE] = pre;
    binding = `p:${pre}`;
  }
  return csrfTokenFor(secret, binding);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === "string") return field;
  // @fastify/multipart with attachFieldsToBody gives fields as { value } objects
  if (field && typeof field === "object" && "value" in field && typeof field.value === "string") return field.value;
  return undefined;
}

export function verifyCsrf(request: FastifyRequest, secret: string): void {
  const binding = csrfBinding(request);
  const submitted = submittedToken(request);
  if (!binding || !submitted) throw new AppError("CSRF", "The form could not be accepted");
  const expected = Buffer.from(csrfTokenFor(secret, binding));
  const given = Buffer.from(submitted);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError("CSRF", "The form could not be accepted");
  }
}
