import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { perExecutor } from "../../kernel/db/prepared.ts";
import { apiTokens } from "./tables.ts";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertToken(db: Executor, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export function listTokensOfUser(db: Executor, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

/** A token of this user only: someone else's token id is simply not found. */
export async function findTokenOfUser(db: Executor, userId: string, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .limit(1);
  return row;
}

// Every API request with a token reads it: prepared once per connection (named), no planning each time.
const tokenByHash = perExecutor((db) =>
  db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("api_token_by_hash"),
);

/** The token with this hash: a unique-index lookup (the hash is the key; SHA-256 of a random secret needs no slow hash). */
export async function findTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await tokenByHash(db).execute({ tokenHash });
  return row;
}

export async function markRevoked(db: Executor, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** How often a token's last use is written: API reads do not each turn into a write. */
export const TOUCH_TOKEN_EVERY_MS = 5 * 60_000;

/** Records use at most every few minutes (the caller skips it when the row read says it is recent). */
export async function touchToken(db: Executor, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiTokens.id, id),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '5 minutes')`,
      ),
    );
}

export async function countActiveTokens(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), sql`${apiTokens.expiresAt} > now()`));
  return Number(row?.n ?? 0);
}
