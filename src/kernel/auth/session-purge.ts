import type { Executor } from "../db/database.ts";
import { type Periodic, type PeriodicLog, schedulePeriodic } from "../periodic.ts";
import { purgeOldSubmissions } from "../forms/once.ts";
import { purgeExpiredSessions } from "./sessions.ts";
import { purgeStaleThrottle } from "./throttle.ts";

/** Expired sessions are refused on use but would otherwise stay in the table forever. */
export const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export type SessionPurge = Periodic;

/** Purges expired sessions now and then every interval (see kernel/periodic.ts). */
export function scheduleSessionPurge(
  db: Executor,
  options: { intervalMs?: number; log?: PeriodicLog } = {},
): SessionPurge {
  // Sign-in throttle rows whose failures are forgotten, and day-old form tokens, go on the same
  // schedule, for the same reason.
  return schedulePeriodic(
    "purged expired sessions, forgotten sign-in throttle rows and old form tokens",
    async () => (await purgeExpiredSessions(db)) + (await purgeStaleThrottle(db)) + (await purgeOldSubmissions(db)),
    { intervalMs: options.intervalMs ?? SESSION_PURGE_INTERVAL_MS, log: options.log },
  );
}
