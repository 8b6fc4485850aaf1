import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_MS, JobProgress, liveProgress, type ProgressWriter } from "./job-progress.ts";
import type { ProgressState } from "./job-repository.ts";

/** A writer whose writes take `takesMs` each, recording what was written and how many at once. */
function slowWriter(takesMs: number) {
  const written: (ProgressState | "beat")[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const write = async (what: ProgressState | "beat") => {
    inFlight += 1;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    await new Promise((resolve) => setTimeout(resolve, takesMs));
    written.push(what);
    inFlight -= 1;
  };
  const writer: ProgressWriter = { progress: (state) => write({ ...state }), beat: () => write("beat") };
  return { writer, written, mostAtOnce: () => mostAtOnce };
}

describe("an import job's progress writer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes at most twice a second, one write at a time, and ends with the latest rows", async () => {
    const { writer, written, mostAtOnce } = slowWriter(300);
    const progress = new JobProgress("job-1", writer);
    progress.stage("writing", 10_000);
    // 10,000 rows reported over 2 s, one every 0.2 ms of the clock.
    for (let done = 1; done <= 10_000; done++) {
      progress.rows(done);
      await vi.advanceTimersByTimeAsync(0.2);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    await progress.close();
    expect(mostAtOnce()).toBe(1);
    // 2 s of rows and the tail: at most two a second (with the first at once), never one per row.
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(6);
    expect(written.at(-1)).toEqual({ stage: "writing", rowsDone: 10_000, rowsTotal: 10_000 });
    // What this node shows of its own job is current, whatever has been written.
    expect(liveProgress("job-1")).toMatchObject({ rowsDone: 10_000, over: false });
    progress.end();
    expect(liveProgress("job-1")?.over).toBe(true);
  });

  it("beats while queued, and while running rows do not move, and stops on close", async () => {
    const { writer, written } = slowWriter(10);
    const progress = new JobProgress("job-2", writer);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS + 50);
    expect(written).toEqual(["beat"]);
    progress.stage("reading");
    // Half a second after the beat: the throttle holds it until then.
    await vi.advanceTimersByTimeAsync(400);
    expect(written).toEqual(["beat"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(written.at(-1)).toEqual({ stage: "reading", rowsDone: 0, rowsTotal: null });
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    expect(written).toHaveLength(4);
    await progress.close();
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    expect(written).toHaveLength(4);
  });

  it("keeps the rows written through the statistics stage, and survives a failed write", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: ProgressState[] = [];
    const writer: ProgressWriter = {
      progress: async (state) => {
        if (fail) {
          fail = false;
          throw new Error("connection lost");
        }
        written.push({ ...state });
      },
      beat: async () => undefined,
    };
    const progress = new JobProgress("job-3", writer, { onError: (error) => errors.push(error) });
    progress.stage("writing", 40);
    progress.rows(40);
    progress.stage("analysing");
    await vi.advanceTimersByTimeAsync(1_000);
    await progress.close();
    expect(errors).toHaveLength(1);
    expect(written.at(-1)).toEqual({ stage: "analysing", rowsDone: 40, rowsTotal: 40 });
  });
});
