import { createHash, randomBytes } from "node:crypto";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { versionsNow } from "../indicators/index.ts";
import {
  type ApiTokenRow,
  countActiveTokens,
  findTokenByHash,
  findTokenOfUser,
  insertToken,
  markRevoked,
  TOUCH_TOKEN_EVERY_MS,
  touchToken,
} from "./token-repository.ts";

export const TOKEN_PREFIX = "cpah_";
/** How long a token may live, in days: no token lives for ever. */
export const TOKEN_LIFETIMES = [7, 30, 90, 365] as const;
/** Enough for every script a person runs; more suggests tokens created and forgotten. */
export const MAX_ACTIVE_TOKENS = 20;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Public view of a token row: never the hash. */
export function tokenSummary(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

/** Creates a token and returns its secret: the only time it exists outside the caller's hands. */
export async function createToken(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  input: { name: string; days: number },
  now = new Date(),
): Promise<{ secret: string; token: ApiTokenRow }> {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  return db.transaction(async (tx) => {
    if ((await countActiveTokens(tx, actor.userId)) >= MAX_ACTIVE_TOKENS) {
      throw AppError.validation([
        { field: "name", message: `You have ${MAX_ACTIVE_TOKENS} active tokens: revoke one you no longer use first` },
      ]);
    }
    const token = await insertToken(tx, {
      userId: actor.userId,
      name: input.name,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      expiresAt,
    });
    await recordAudit(tx, audit, {
      action: "api-token.created",
      entityType: "api-token",
      entityId: token.id,
      after: tokenSummary(token),
    });
    return { secret, token };
  });
}

export async function revokeToken(db: Db, audit: AuditContext, actor: Actor, id: string): Promise<ApiTokenRow> {
  return db.transaction(async (tx) => {
    const before = await findTokenOfUser(tx, actor.userId, id);
    if (!before) throw AppError.notFound();
    if (before.revokedAt) return before;
    const after = (await markRevoked(tx, id))!;
    await recordAudit(tx, audit, {
      action: "api-token.revoked",
      entityType: "api-token",
      entityId: id,
      before: tokenSummary(before),
      after: tokenSummary(after),
    });
    return after;
  });
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** A caller with an API token: who, and the versions read with it (for the request's cached reads). */
export interface BearerCaller {
  actor: Actor;
  /** SHA-256 of the secret, as stored: the rate limit's key, never the secret itself. */
  tokenHash: string;
  versions: { dataVersion: string; accessVersion: string };
}

interface CachedCaller {
  token: { id: string; expiresAt: Date; lastUsedAt: Date | null };
  actor: Actor;
}

/**
 * Callers by token hash, kept while the access version stays the same (migration 0028: any
 * write to a person, their grants, partnerships' nations or tokens moves it): a request with a
 * known token reads one statement, the data and access versions, and revoking a token or
 * removing a role on any node counts on every node at the next request. Expiry is a time, so
 * it is checked on every request from the cached row. Refusals are not kept (a failed build
 * never is), so a made-up token is looked up each time, as before.
 */
const callers = createVersionedCache<CachedCaller>(1000);

/**
 * The caller behind an `Authorization: Bearer` header: null when there is no header (open
 * data only); 401 for anything else that is not a live token of an active user.
 */
export async function callerFromBearer(
  db: Executor,
  header: string | undefined,
  loadActor: (userId: string) => Promise<Actor | null>,
): Promise<BearerCaller | null> {
  if (header === undefined || header === "") return null;
  const unauthorised = (message: string) => new AppError("UNAUTHENTICATED", message);
  const match = BEARER.exec(header);
  if (!match) throw unauthorised("The Authorization header must be 'Bearer <token>'");
  const tokenHash = hashToken(match[1]!);
  const versions = await versionsNow(db);
  const load = async (): Promise<CachedCaller> => {
    const token = await findTokenByHash(db, tokenHash);
    if (!token) throw unauthorised("The API token is not valid");
    if (token.revokedAt) throw unauthorised("The API token has been revoked");
    if (token.expiresAt.getTime() <= Date.now()) throw unauthorised("The API token has expired");
    const actor = await loadActor(token.userId);
    if (!actor) throw unauthorised("The API token's user is not active");
    return { token: { id: token.id, expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt }, actor };
  };
  // No access version (a database without migration 0028's row): nothing could invalidate, so nothing is kept.
  const caller =
    versions.accessVersion === "none" ? await load() : await callers.get(db, versions.accessVersion, tokenHash, load);
  const { token } = caller;
  if (token.expiresAt.getTime() <= Date.now()) throw unauthorised("The API token has expired");
  // Its last use is written at most every few minutes (per node; the UPDATE itself skips a recent one).
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() >= TOUCH_TOKEN_EVERY_MS) {
    token.lastUsedAt = new Date();
    await touchToken(db, token.id);
  }
  return { actor: caller.actor, tokenHash, versions };
}
