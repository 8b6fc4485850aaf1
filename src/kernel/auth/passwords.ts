import argon2 from "argon2";

// argon2id with the library's defaults (64 MiB, t=3) — OWASP's recommended family; the
// work runs on libuv's thread pool, so it does not block the event loop.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so response time does not reveal unknown emails.
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const passwordRules = {
  minLength: 12,
  maxLength: 256,
};
