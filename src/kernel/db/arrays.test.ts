import { describe, expect, it } from "vitest";
import { inTimedChunks } from "./arrays.ts";

describe("inTimedChunks", () => {
  it("covers every row once, in order, shrinking chunks that run long and growing quick ones", async () => {
    const seen: [number, number][] = [];
    await inTimedChunks(
      1000,
      async (start, end) => {
        seen.push([start, end]);
        // The first chunk is slow (as a statement on a busy PGlite would be); later ones are quick.
        if (seen.length === 1) await new Promise((resolve) => setTimeout(resolve, 60));
      },
      { initial: 200, min: 10, targetMs: 20 },
    );
    expect(seen[0]).toEqual([0, 200]);
    expect(seen[1]![1] - seen[1]![0]).toBeLessThan(200);
    expect(seen.flatMap(([start, end]) => Array.from({ length: end - start }, (_, k) => start + k))).toEqual(
      Array.from({ length: 1000 }, (_, k) => k),
    );
    const sizes = seen.map(([start, end]) => end - start);
    expect(Math.max(...sizes.slice(2))).toBeGreaterThan(sizes[1]!);
  });

  it("grows chunks to the maximum when the database is elsewhere", async () => {
    const sizes: number[] = [];
    await inTimedChunks(10_000, async (start, end) => void sizes.push(end - start), {
      initial: 100,
      max: 1600,
      ownThread: false,
    });
    expect(sizes.slice(0, 6)).toEqual([100, 200, 400, 800, 1600, 1600]);
  });
});
