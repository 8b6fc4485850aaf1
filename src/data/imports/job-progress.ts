import { randomUUID } from "node:crypto";
import type { Executor } from "../../kernel/db/database.ts";
import type { ImportStage, ImportWatcher } from "./importer.ts";
import { beatQueued, type ProgressState, writeProgress } from "./job-repository.ts";

/** Where a job's progress goes: its row, on the database (never the import's transaction). */
export interface ProgressWriter {
  progress(state: ProgressState): Promise<void>;
  /** A heartbeat while the job waits its turn. */
  beat(): Promise<void>;
}

export function rowWriter(db: Executor, jobId: string): ProgressWriter {
  return {
    progress: (state) => writeProgress(db, jobId, state),
    beat: () => beatQueued(db, [jobId]),
  };
}

/** This process, as recorded on the jobs it runs (job rows name the node that runs them). */
export const NODE_ID = randomUUID();
/** At most two progress writes a second per job. */
export const MIN_WRITE_INTERVAL_MS = 500;
/** A running or queued job beats at least this often, even when its rows do not move. */
export const HEARTBEAT_MS = 5_000;
/** A job of another node with no beat for this long is shown as stopped. */
export const STALE_AFTER_SECONDS = 30;

/**
 * What this node knows of its own jobs, fresher than their rows: on the embedded database an
 * import's transaction holds the one session, so progress written beside it waits for the commit,
 * and this is what the job's page shows meanwhile. An entry stays a minute after the job ends
 * so a page that read the row just before the end does not take the job for stopped.
 */
const live = new Map<string, ProgressState & { over: boolean }>();

export function liveProgress(jobId: string): (ProgressState & { over: boolean }) | undefined {
  return live.get(jobId);
}

/**
 * A job's progress writer: it keeps the latest stage and rows, and writes them outside the
 * import's transaction (on the database, not the transaction), at most every
 * MIN_WRITE_INTERVAL_MS, one write at a time, and a heartbeat every HEARTBEAT_MS. Nothing the
 * import does waits for a write; a failed write is logged and the next one tries again.
 */
export class JobProgress implements ImportWatcher {
  private state: ProgressState = { stage: "waiting", rowsDone: 0, rowsTotal: null };
  private started = false;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly beat: NodeJS.Timeout;

  constructor(
    readonly jobId: string,
    private readonly writer: ProgressWriter,
    private readonly options: { minIntervalMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    live.set(jobId, { ...this.state, over: false });
    this.beat = setInterval(() => this.touch(), HEARTBEAT_MS);
    this.beat.unref();
  }

  stage(stage: ImportStage, total?: number): void {
    this.started = true;
    // A new count starts with its total; a stage without one (statistics) keeps the rows written.
    this.state = total === undefined ? { ...this.state, stage } : { stage, rowsDone: 0, rowsTotal: total };
    this.touch();
  }

  rows(done: number): void {
    this.state = { ...this.state, rowsDone: done };
    this.touch();
  }

  /** Stops the timers and waits for the write in flight, so the job's end is written after it. */
  async close(): Promise<void> {
    clearInterval(this.beat);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    await this.inFlight;
  }

  /** The job is over (its row says how): this node stops vouching for it after a minute. */
  end(): void {
    live.set(this.jobId, { ...this.state, stage: "finished", over: true });
    setTimeout(() => live.delete(this.jobId), 60_000).unref();
  }

  private touch(): void {
    live.set(this.jobId, { ...this.state, over: false });
    this.dirty = true;
    if (this.inFlight || this.timer) return;
    const wait = this.lastWrite + (this.options.minIntervalMs ?? MIN_WRITE_INTERVAL_MS) - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      this.timer.unref();
      return;
    }
    this.flush();
  }

  private flush(): void {
    if (!this.dirty || this.inFlight) return;
    this.dirty = false;
    this.lastWrite = Date.now();
    const write = this.started ? this.writer.progress(this.state) : this.writer.beat();
    this.inFlight = write
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.inFlight = null;
        if (this.dirty) this.touch();
      });
  }
}
