import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 defaults, the ones every authenticator app reads: SHA-1, 6 digits, 30 seconds. */
const PERIOD_SECONDS = 30;
const ISSUER = "Child Poverty Action Hub";

const totpFor = (secret: string, label = "") =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

/** A new 160-bit secret, base32 (what people type into an app that cannot scan). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The 30-second step a moment falls in. */
export const stepAt = (timestampMs: number) => Math.floor(timestampMs / 1000 / PERIOD_SECONDS);

/** The code an app shows for a step (tests and the demo's helpers compute codes with it too). */
export function totpCode(secret: string, timestampMs = Date.now()): string {
  return totpFor(secret).generate({ timestamp: timestampMs });
}

/**
 * The step of a matching code, allowing one step either side for clock drift, or null. The caller
 * refuses a step already used (a code seen once must not work again within its window).
 */
export function matchTotp(secret: string, code: string, timestampMs = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: timestampMs, window: 1 });
  return delta === null ? null : stepAt(timestampMs) + delta;
}

/** What an app scans: the otpauth:// URI as an SVG QR code in a data URI (no script, no request). */
export async function enrolmentQr(secret: string, email: string): Promise<{ uri: string; qrDataUri: string }> {
  const uri = totpFor(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

// Recovery codes: 10 characters from 32 letters and digits that cannot be confused (no 0/o, 1/l).
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Spaces, hyphens and case do not matter when a recovery code is typed. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

export const hashRecoveryCode = (code: string) =>
  createHash("sha256")
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest("base64url");

/**
 * TOTP secrets are encrypted at rest with AES-256-GCM, so a copy of the database alone does not
 * give anyone the codes. The key is derived (HKDF) from MFA_ENCRYPTION_KEY when it is set, else
 * from SESSION_SECRET. A sealed secret says which ("m1." or "v1."), so one sealed before
 * MFA_ENCRYPTION_KEY was set still opens (under SESSION_SECRET) and is sealed again under the new
 * key the next time its owner enters a correct code (mfa-service.ts). Once everyone has signed
 * in, SESSION_SECRET can be rotated without anyone having to enrol again.
 */
function keyFrom(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "cpah", purpose, 32));
}

const TOTP_KEY = "totp-secret-v1";
const TOTP_MFA_KEY = "totp-secret-m1";
/** Recovery codes ride once, sealed, in a short-lived cookie from the enrolment to the page that shows them. */
export const RECOVERY_KEY = "recovery-codes-v1";

function seal(key: Buffer, version: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

function open(key: Buffer, version: string, sealed: string): string | null {
  const [given, iv, tag, body] = sealed.split(".");
  if (given !== version || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Seals a value under a key derived from SESSION_SECRET (recovery codes in their cookie). */
export function sealSecret(sessionSecret: string, secret: string, purpose = TOTP_KEY): string {
  return seal(keyFrom(sessionSecret, purpose), "v1", secret);
}

/** The value, or null if it was sealed under another key or altered. */
export function openSecret(sessionSecret: string, sealed: string, purpose = TOTP_KEY): string | null {
  return open(keyFrom(sessionSecret, purpose), "v1", sealed);
}

/** What TOTP secrets are sealed with: the service's Config has both. */
export interface TotpKeys {
  sessionSecret: string;
  mfaEncryptionKey?: string | undefined;
}

/** Seals a TOTP secret under MFA_ENCRYPTION_KEY when set, else under SESSION_SECRET. */
export function sealTotpSecret(keys: TotpKeys, secret: string): string {
  return keys.mfaEncryptionKey
    ? seal(keyFrom(keys.mfaEncryptionKey, TOTP_MFA_KEY), "m1", secret)
    : sealSecret(keys.sessionSecret, secret);
}

/**
 * A TOTP secret, or null if no key given opens it. `stale`: sealed under SESSION_SECRET while
 * MFA_ENCRYPTION_KEY is set, so the caller seals it again once a code has shown it is right.
 */
export function openTotpSecret(keys: TotpKeys, sealed: string): { secret: string; stale: boolean } | null {
  if (sealed.startsWith("m1.")) {
    const secret = keys.mfaEncryptionKey ? open(keyFrom(keys.mfaEncryptionKey, TOTP_MFA_KEY), "m1", sealed) : null;
    return secret === null ? null : { secret, stale: false };
  }
  const secret = openSecret(keys.sessionSecret, sealed);
  return secret === null ? null : { secret, stale: Boolean(keys.mfaEncryptionKey) };
}
