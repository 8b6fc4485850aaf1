import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

const booleanFromEnv = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Optional: the key TOTP secrets are encrypted with, instead of one derived from SESSION_SECRET. */
  MFA_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  COOKIE_SECURE: booleanFromEnv.default(true),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" }).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(8 * 60),
  /** Requests a minute to /api/v1 per token (or per address without one). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Optional: with SMTP_URL and MAIL_FROM, invitations are also emailed. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587")
    .optional(),
  MAIL_FROM: z.email("must be an email address, e.g. child-poverty-hub@example.org").optional(),
  /** GET /metrics on the app's port answers only with this as a bearer token. */
  METRICS_TOKEN: z
    .string()
    .min(32, "must be at least 32 characters")
    .regex(/^\S+$/, "must not contain spaces")
    .optional(),
  /** Serve /metrics on this port (on HOST) instead, for a scraper on the internal network. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** OpenID Connect single sign-on (all three together, with PUBLIC_URL); see README. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's https:// issuer address" }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_LABEL: z.string().trim().min(1).max(80, "must be 80 characters or fewer").optional(),
  OIDC_EMAIL_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_:./-]{1,100}$/, "must be a claim name, e.g. email or preferred_username")
    .default("email"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** TOTP secrets are sealed under this when set (older ones, under SESSION_SECRET, still open). */
  mfaEncryptionKey: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: Env["LOG_LEVEL"];
  publicUrl: string | undefined;
  sessionIdleMinutes: number;
  apiRateLimitPerMinute: number;
  /** Email delivery; undefined when SMTP is not configured (invitation links are shown instead). */
  mail: { smtpUrl: string; from: string } | undefined;
  /** With a token, /metrics answers on the app's port to that bearer token only; unset, not at all. */
  metricsToken: string | undefined;
  /** A separate port for /metrics (no token), when set. */
  metricsPort: number | undefined;
  /** OpenID Connect single sign-on; undefined when not configured (no button). */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  emailClaim: string;
  /** PUBLIC_URL + /sign-in/oidc/callback, registered with the provider. */
  redirectUri: string;
  /** Plain http to the provider: only ever in tests (a local provider). */
  allowHttp: boolean;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once at start; throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings come from `VAR=` in shells and .env files: treat them as unset.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
    throw new ConfigError(["SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)"]);
  }
  if (Boolean(env.SMTP_URL) !== Boolean(env.MAIL_FROM)) {
    throw new ConfigError([
      env.SMTP_URL ? "MAIL_FROM: required with SMTP_URL (the sender address)" : "SMTP_URL: required with MAIL_FROM",
    ]);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const oidc = oidcConfig(env);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? localSecret(dataDir),
    mfaEncryptionKey: env.MFA_ENCRYPTION_KEY,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    publicUrl: env.PUBLIC_URL,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    mail: env.SMTP_URL && env.MAIL_FROM ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : undefined,
    metricsToken: env.METRICS_TOKEN,
    metricsPort: env.METRICS_PORT,
    oidc,
  };
}

export const OIDC_DEFAULT_LABEL = "Sign in with your organisation account";

function oidcConfig(env: Env): OidcConfig | undefined {
  const given = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (given.every((value) => value === undefined)) return undefined;
  const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (name) =>
          `${name}: required for single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together)`,
      ),
    );
  }
  if (!env.PUBLIC_URL) {
    throw new ConfigError(["PUBLIC_URL: required with OIDC_ISSUER (the sign-in callback address is made from it)"]);
  }
  const allowHttp = env.NODE_ENV === "test";
  if (!allowHttp && !env.OIDC_ISSUER!.startsWith("https://")) {
    throw new ConfigError(["OIDC_ISSUER: must be an https:// address"]);
  }
  return {
    issuer: env.OIDC_ISSUER!,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    label: env.OIDC_LABEL ?? OIDC_DEFAULT_LABEL,
    emailClaim: env.OIDC_EMAIL_CLAIM,
    redirectUri: `${env.PUBLIC_URL.replace(/\/+$/, "")}/sign-in/oidc/callback`,
    allowHttp,
  };
}

// Outside production a secret is kept in the data directory so sessions survive restarts
// without anyone having to configure one.
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
