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
 * TOTP secrets are encrypted at rest with AES-256-GCM under a key derived (HKDF) from
 * SESSION_SECRET, so a copy of the database alone does not give anyone the codes. Changing
 * SESSION_SECRET therefore makes existing enrolments unreadable: people enrol again.
 */
function keyFrom(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", sessionSecret, "cpah", purpose, 32));
}

const TOTP_KEY = "totp-secret-v1";
/** Recovery codes ride once, sealed, in a short-lived cookie from the enrolment to the page that shows them. */
export const RECOVERY_KEY = "recovery-codes-v1";

export function sealSecret(sessionSecret: string, secret: string, purpose = TOTP_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(sessionSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The secret, or null if it was sealed under another key or altered. */
export function openSecret(sessionSecret: string, sealed: string, purpose = TOTP_KEY): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(sessionSecret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
