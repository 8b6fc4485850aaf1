/**
 * Work a node repeats while it serves (purging expired sessions, survey drafts, data past its
 * retention date): once at start, then every interval. The timer is unref'd so it never keeps
 * the process alive; a failed run is logged and retried at the next tick, never thrown.
 */
export interface Periodic {
  /** Resolves after the run at start (never rejects: failures are logged). */
  firstRun: Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can close after it. */
  stop: () => Promise<void>;
}

export interface PeriodicLog {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

export function schedulePeriodic(
  name: string,
  task: () => Promise<Record<string, number> | number | undefined>,
  options: { intervalMs: number; log?: PeriodicLog | undefined },
): Periodic {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return running;
    running = running.then(async () => {
      try {
        const done = await task();
        const counts = typeof done === "number" ? { removed: done } : (done ?? {});
        if (Object.values(counts).some((value) => value > 0)) options.log?.info(counts, name);
      } catch (error) {
        options.log?.error({ err: error }, `${name} failed; will retry`);
      }
    });
    return running;
  };
  const firstRun = run();
  const timer = setInterval(() => void run(), options.intervalMs);
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
