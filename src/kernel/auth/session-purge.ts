import type { Executor } from "../db/database.ts";
import { purgeExpiredSessions } from "./sessions.ts";
import { purgeStaleThrottle } from "./throttle.ts";

/** Expired sessions are refused on use but would otherwise stay in the table forever. */
export const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionPurge {
  /** Resolves after the purge at start (never rejects: failures are logged). */
  firstRun: Promise<void>;
  /** Stops the timer and waits for a purge in progress, so the database can close after it. */
  stop: () => Promise<void>;
}

/**
 * Purges expired sessions now and then every interval. The timer is unref'd so it never keeps
 * the process alive; a failed purge is logged and retried at the next tick, never thrown.
 */
export function scheduleSessionPurge(
  db: Executor,
  options: {
    intervalMs?: number;
    log?: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
  } = {},
): SessionPurge {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return running;
    running = running.then(async () => {
      try {
        const removed = await purgeExpiredSessions(db);
        if (removed > 0) options.log?.info({ removed }, "purged expired sessions");
        // Sign-in throttle rows whose failures are forgotten: same schedule, same reason.
        const forgotten = await purgeStaleThrottle(db);
        if (forgotten > 0) options.log?.info({ removed: forgotten }, "purged forgotten sign-in throttle rows");
      } catch (error) {
        options.log?.error({ err: error }, "purging expired sessions failed; will retry");
      }
    });
    return running;
  };
  const firstRun = run();
  const timer = setInterval(() => void run(), options.intervalMs ?? SESSION_PURGE_INTERVAL_MS);
  timer.unref();
  return {
    firstRun,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
