import type { Executor } from "../db/database.ts";
import { type Periodic, type PeriodicLog, schedulePeriodic } from "../periodic.ts";
import { purgeExpiredSessions } from "./sessions.ts";

/** Expired sessions are refused on use but would otherwise stay in the table forever. */
export const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export type SessionPurge = Periodic;

/** Purges expired sessions now and then every interval (see kernel/periodic.ts). */
export function scheduleSessionPurge(
  db: Executor,
  options: { intervalMs?: number; log?: PeriodicLog } = {},
): SessionPurge {
  return schedulePeriodic("purged expired sessions", () => purgeExpiredSessions(db), {
    intervalMs: options.intervalMs ?? SESSION_PURGE_INTERVAL_MS,
    log: options.log,
  });
}
