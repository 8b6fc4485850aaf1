import type { FastifyReply, FastifyRequest } from "fastify";

export const FLASH_COOKIE = "cpah_flash";

/**
 * A one-off message for the next page ("The assessment has been saved"), carried in a short-lived
 * signed cookie rather than the URL: it survives the redirect on any app node (nothing is kept in
 * memory), cannot be forged into a link, and is shown once by the layout.
 */
export function setFlash(reply: FastifyReply, message: string, secure: boolean): void {
  const value = Buffer.from(message, "utf8").toString("base64url");
  reply.setCookie(FLASH_COOKIE, value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    signed: true,
    maxAge: 300,
  });
}

/** The pending message, if any; reading it clears it, so it is shown on one page only. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  delete request.cookies[FLASH_COOKIE];
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  return Buffer.from(unsigned.value, "base64url").toString("utf8") || undefined;
}
