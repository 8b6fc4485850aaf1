/**
 * CPU profile of one IoD indicators first load (after the geography it needs), on PGlite or
 * (PROFILE_DATABASE_URL) PostgreSQL: prints inclusive milliseconds per function of interest,
 * so the write path's phases can be compared. Not part of `npm run bench`.
 *   npx tsx scripts/bench/import-profile.ts [iod|lsoa|topology]
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { openBenchDatabase, sharedDataLoader } from "./bench-database.ts";
import type { Profile } from "./cpu-profile.ts";

const target = process.argv[2] ?? "iod";

function inclusive(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || "(anon)"} ${path.basename(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
  });
  return totals;
}

// PROFILE_LAGS=1: print each event-loop stall over 50 ms and the phase (console "PHASE" line) before it.
if (process.env.PROFILE_LAGS) {
  let last = performance.now();
  let phase = "start";
  const log = console.log.bind(console);
  console.log = (...args: unknown[]) => {
    if (String(args[0]).startsWith("PHASE")) phase = args.map(String).join(" ");
    log(...args);
  };
  setInterval(() => {
    const now = performance.now();
    if (now - last > 55) log(`LAG ${(now - last).toFixed(0)} ms after ${phase}`);
    last = now;
  }, 5).unref();
}
const { database, drop } = await openBenchDatabase(process.env.PROFILE_DATABASE_URL);
const load = sharedDataLoader(database);
try {
  const steps: Record<string, readonly [string, string]> = {
    topology: ["geography-topology", "geography/uk-local-authorities-topo.json"],
    lsoa: ["lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv"],
    iod: ["iod", "deprivation/iod2019-indicators-lsoa11.csv"],
  };
  if (target !== "topology") {
    await load("geography-topology", "geography/uk-local-authorities-topo.json");
    await load("ltla-lookup", "geography/ltla14-lookup.csv");
    if (target !== "lsoa") await load("lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv");
  }
  const step = steps[target];
  if (!step) throw new Error(`unknown step ${target}`);
  const [kind, file] = step;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let started = performance.now();
  const profiling = !process.env.PROFILE_LAGS;
  if (profiling) await session.post("Profiler.start");
  await load(kind, file, {}, true);
  const dry = performance.now() - started;
  histogram.enable();
  started = performance.now();
  const report = await load(kind, file);
  const wall = performance.now() - started;
  histogram.disable();
  process.stdout.write(
    `${database.kind} ${target}: dry run ${dry.toFixed(0)} ms; import ${wall.toFixed(0)} ms for ${report.valuesWritten} values (${Math.round((report.valuesWritten ?? 0) / (wall / 1000))}/s); event loop max ${(histogram.max / 1e6).toFixed(0)} ms\n`,
  );
  if (!profiling) process.exit(0);
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
  if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
  const totals = [...inclusive(profile)]
    .filter(([k]) => (process.env.PROFILE_ALL ? true : /\.ts:|\(root\)|execProtocolRaw |\(garbage/.test(k)))
    .sort((a, b) => b[1] - a[1]);
  for (const [key, ms] of totals.slice(0, Number(process.env.PROFILE_TOP ?? 45)))
    process.stdout.write(`${ms.toFixed(0).padStart(7)} ms  ${key}\n`);
} finally {
  await drop();
}
