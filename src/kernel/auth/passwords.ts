import argon2 from "argon2";

// argon2id with the library's defaults (64 MiB, t=3) — OWASP's recommended family; the
// work runs on libuv's thread pool, so it does not block the event loop.
const STRONG = { type: argon2.argon2id } as const;
// Tests only: with the defaults each sign-in costs ~0.3 s and each hash ~0.8 s, which made
// hashing a large share of CI. The test runners set PASSWORD_HASH_COST=test; it is honoured
// only when NODE_ENV is "test", so a deployment always hashes with the strong parameters.
const TEST_ONLY = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 } as const;

/** The argon2 options in force for this process (see TEST_ONLY for when they are cheap). */
export function passwordHashOptions(env: NodeJS.ProcessEnv = process.env): typeof STRONG | typeof TEST_ONLY {
  return env.NODE_ENV === "test" && env.PASSWORD_HASH_COST === "test" ? TEST_ONLY : STRONG;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, passwordHashOptions());
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so response time does not reveal unknown emails.
    await argon2.hash(password, passwordHashOptions());
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
