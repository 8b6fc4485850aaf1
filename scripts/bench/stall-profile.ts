/**
 * Where the event loop stalls during imports: a CPU profile of chosen imports (after the
 * geography they need) and a 2 ms timer; every gap of the timer over STALL_MS (default 40) is
 * printed with the functions the profile sampled in it (none: the thread was not running).
 * Every step (profiled or not) prints its longest turn of the event loop by the clock and by
 * the main thread's own CPU time (Linux): the second is steadier on a busy host (not wholly:
 * there the collector's helper threads get less done, and the main thread does more of it).
 *   npx tsx scripts/bench/stall-profile.ts iod [wimd statxplore lsoa topology] (PROFILE_DATABASE_URL for PostgreSQL;
 *   PROFILE=0: the longest turns alone, without the profiler's own cost; STALL_CPU_MS: also turns with this much own CPU)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";
import { openBenchDatabase } from "./bench-database.ts";
import type { Profile } from "./cpu-profile.ts";

const dataDir = path.resolve(process.env.SHARED_DATA_DIR ?? path.join(process.cwd(), "..", "shared", "data"));
const audit = { actorUserId: null, actorLabel: "bench" };
const threshold = Number(process.env.STALL_MS ?? 40);
/** Also every turn that took this much of the main thread's own CPU (on a busy host the clock's stalls are mostly waiting for a core). */
const cpuThreshold = Number(process.env.STALL_CPU_MS ?? threshold);

/**
 * The main thread's own time on a core, in ms (Linux schedstat, ns): a stall's cost to this
 * thread whatever the host's load, where the wall-clock gap also counts waiting for a core.
 */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const ownCpuMs = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, "latin1").split(" ")[0]) / 1e6
  : () => Number.NaN;

/** Event-loop lags seen by a 2 ms timer, as [from, to] in microseconds of the profiler's clock (hrtime), and this thread's CPU ms in it. */
const lags: [number, number, number][] = [];
/** The longest gap between ticks of that timer, by the wall clock and by this thread's CPU time. */
const worst = { wallMs: 0, cpuMs: 0 };
let last = process.hrtime.bigint();
let lastCpu = ownCpuMs();
/** From now on: a step's turns only (not the file read or report before it). */
function resetTurns(): void {
  lags.length = 0;
  worst.wallMs = 0;
  worst.cpuMs = 0;
  last = process.hrtime.bigint();
  lastCpu = ownCpuMs();
}
setInterval(() => {
  const now = process.hrtime.bigint();
  const cpu = ownCpuMs();
  const ms = Number(now - last) / 1e6;
  if (ms > threshold || cpu - lastCpu > cpuThreshold)
    lags.push([Number(last / 1000n), Number(now / 1000n), cpu - lastCpu]);
  worst.wallMs = Math.max(worst.wallMs, ms);
  worst.cpuMs = Math.max(worst.cpuMs, cpu - lastCpu);
  last = now;
  lastCpu = cpu;
}, 2).unref();

function stalls(profile: Profile, label: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(t);
  }
  for (const [from, to, cpuMs] of lags.splice(0)) {
    const run = {
      ms: (to - from) / 1000,
      cpuMs,
      samples: profile.samples.filter((_, i) => times[i]! >= from && times[i]! <= to),
    };
    {
      const totals = new Map<string, number>();
      for (const id of run.samples) {
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const f = byId.get(at)!.callFrame;
          if ((!f.url && !f.functionName.startsWith("(garb")) || f.url.includes("node:")) continue;
          const key = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
          if (seen.has(key)) continue;
          seen.add(key);
          totals.set(key, (totals.get(key) ?? 0) + 1);
        }
      }
      const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.STALL_TOP ?? 14));
      // Samples are 1 ms apart while the thread runs: fewer than the stall's length means it was waiting for a core.
      process.stdout.write(
        `${label} STALL ${run.ms.toFixed(0)} ms (${run.samples.filter((id) => byId.get(id)!.callFrame.functionName !== "(idle)").length} ms of it sampled running, ${run.cpuMs.toFixed(0)} ms of this thread's CPU)\n`,
      );
      for (const [k, n] of top)
        process.stdout.write(`   ${((n / run.samples.length) * 100).toFixed(0).padStart(3)}%  ${k}\n`);
    }
  }
}

const { database, drop } = await openBenchDatabase(process.env.PROFILE_DATABASE_URL);
const steps: Record<string, readonly [string, string, Record<string, unknown>?]> = {
  topology: ["geography-topology", "geography/uk-local-authorities-topo.json"],
  ltla: ["ltla-lookup", "geography/ltla14-lookup.csv"],
  lsoa: ["lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv"],
  iod: ["iod", "deprivation/iod2019-indicators-lsoa11.csv"],
  iod2020: ["iod", "deprivation/iod2019-indicators-lsoa11.csv", { period: "2020" }],
  iodagain: ["iod", "deprivation/iod2019-indicators-lsoa11.csv"],
  wimd: ["wimd", "deprivation/wimd2019-scores-lsoa11.csv"],
  statxplore: [
    "statxplore",
    "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv",
    {
      indicator: "cilif-relative-children-count",
      title: "Children in relative low income families",
      skipUnmatched: true,
    },
  ],
};
const wanted = process.argv.slice(2);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 1000 });
try {
  for (const name of ["topology", "ltla", "lsoa", ...wanted.filter((w) => !["topology", "ltla", "lsoa"].includes(w))]) {
    const [kind, file, options = {}] = steps[name]!;
    const source = await readSourceFile(path.join(dataDir, file));
    for (const dryRun of [true, false]) {
      const profiled = wanted.includes(name) && process.env.PROFILE !== "0";
      if (profiled) await session.post("Profiler.start");
      resetTurns();
      const started = performance.now();
      const report = await runImport(database.db, {
        importer: importerFor(kind)!,
        file: source,
        options,
        dryRun,
        audit,
      });
      if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
      process.stdout.write(
        `-- ${name} ${dryRun ? "check" : "import"}: longest turn ${worst.wallMs.toFixed(0)} ms by the clock, ${worst.cpuMs.toFixed(0)} ms of this thread's CPU; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`,
      );
      if (profiled) {
        const { profile } = (await session.post("Profiler.stop")) as unknown as {
          profile: Profile;
        };
        process.stdout.write(
          `== ${name} ${dryRun ? "check" : "import"} ${(performance.now() - started).toFixed(0)} ms\n`,
        );
        stalls(profile, `${name}${dryRun ? " check" : ""}`);
      }
    }
  }
} finally {
  await drop();
}
