/**
 * Abuse control for anonymous surveys without keeping anyone's address: each attempt counts
 * against HMAC(day's random salt, address) for the survey and ten-minute window, in the
 * database so every node agrees. Yesterday's salts and counts are deleted, after which the
 * hashes cannot be tied to an address even by someone holding the database.
 */
import { createHmac, randomBytes } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { perExecutor } from "../../kernel/db/prepared.ts";
import { surveyThrottle, surveyThrottleSalts } from "./tables.ts";

export const WINDOW_MINUTES = 10;
/** Starting a survey is cheaper than sending one but fills the drafts table: allow more. */
export const START_FACTOR = 3;

export type AttemptKind = "start" | "submit";

// A day's salt never changes once stored (the first node to insert it wins), so each process
// keeps the one it read, per database: two queries fewer on every start and send. Only today's is kept.
const knownSalts = new WeakMap<Executor, { day: string; salt: string }>();

async function saltFor(db: Executor, day: string): Promise<string> {
  const known = knownSalts.get(db);
  if (known?.day === day) return known.salt;
  await db
    .insert(surveyThrottleSalts)
    .values({ day, salt: randomBytes(32).toString("base64") })
    .onConflictDoNothing();
  const [row] = await db.select().from(surveyThrottleSalts).where(eq(surveyThrottleSalts.day, day));
  knownSalts.set(db, { day, salt: row!.salt });
  return row!.salt;
}

/** The count's upsert, run on every start and send: prepared once per connection, built once per database. */
function buildUpsert(db: Executor) {
  return db
    .insert(surveyThrottle)
    .values({
      surveyId: sql.placeholder("surveyId"),
      kind: sql.placeholder("kind"),
      addressHash: sql.placeholder("addressHash"),
      windowStart: sql`${sql.placeholder("windowStart")}`,
      count: 1,
    })
    .onConflictDoUpdate({
      target: [surveyThrottle.surveyId, surveyThrottle.kind, surveyThrottle.addressHash, surveyThrottle.windowStart],
      set: { count: sql`${surveyThrottle.count} + 1` },
    })
    .returning({ count: surveyThrottle.count })
    .prepare("survey_throttle_count");
}

const upsertFor = perExecutor(buildUpsert);

export function windowStart(now: Date): Date {
  const ms = WINDOW_MINUTES * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Counts one attempt and says whether it is within the limit, with the seconds until the window ends. */
export async function countAttempt(
  db: Executor,
  surveyId: string,
  kind: AttemptKind,
  address: string,
  limit: number,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const salt = await saltFor(db, now.toISOString().slice(0, 10));
  const addressHash = createHmac("sha256", salt).update(address).digest("base64url");
  const start = windowStart(now);
  const [row] = await upsertFor(db).execute({ surveyId, kind, addressHash, windowStart: start });
  const max = kind === "start" ? limit * START_FACTOR : limit;
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
  return { allowed: (row?.count ?? 1) <= max, retryAfterSeconds };
}

/** Deletes salts and counts from before today. */
export async function purgeThrottle(db: Executor, now = new Date()): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  await db.delete(surveyThrottleSalts).where(lt(surveyThrottleSalts.day, today));
  await db.delete(surveyThrottle).where(lt(surveyThrottle.windowStart, new Date(`${today}T00:00:00Z`)));
}
