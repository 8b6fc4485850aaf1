/**
 * The public survey's definition (survey, activity, owner, questions) is read on every page of
 * every respondent: three queries that cost more CPU than drawing the page on the embedded
 * database. It is kept per database for a few seconds. Every write to a survey, its questions
 * or its activity goes through this domain's repositories, which forget all of it at once
 * (such writes are rare): this process always shows the latest, and another process on the
 * same PostgreSQL server within TTL_MS. Entries are shared between requests: never mutate them.
 */
import type { Executor } from "../../kernel/db/database.ts";

const TTL_MS = 10_000;
const MAX_ENTRIES = 500;

let generation = 0;
const byDatabase = new WeakMap<Executor, Map<string, { at: number; generation: number; value: unknown }>>();

/** After any change to surveys, questions or activities; also for tests that change rows directly. */
export function forgetPublicSurveys(): void {
  generation += 1;
}

/** `load()`'s value for `key` on this database, read again once stale; nothing is kept for a miss. */
export async function cachedPublicSurvey<T>(
  db: Executor,
  key: string,
  load: () => Promise<T | undefined>,
  now = Date.now(),
): Promise<T | undefined> {
  const entries = byDatabase.get(db) ?? new Map();
  byDatabase.set(db, entries);
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.value as T;
  const before = generation;
  const value = await load();
  entries.delete(key);
  // A write while loading may have made the value stale: use it for this request only.
  if (value !== undefined && before === generation) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, generation, value });
  }
  return value;
}
