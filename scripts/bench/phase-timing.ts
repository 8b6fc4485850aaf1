/**
 * Where an IoD first load's time goes, statement by statement: every query on the database's
 * connections timed from send to answer (COPY from its start to the end of its stream), the
 * longest printed with the JavaScript time between them. Not part of `npm run bench`.
 *   npx tsx scripts/bench/phase-timing.ts            (PGlite)
 *   PHASE_DATABASE_URL=postgres://… npx tsx …       (PostgreSQL)
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openBenchDatabase, sharedDataLoader } from "./bench-database.ts";
import { rawCopyOfBatch } from "./raw-copy.ts";

type Timed = { text: string; ms: number; at: number };
let log: Timed[] | null = null;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const started = performance.now();
  const first = args[0] as { text?: string; on?: unknown } | string;
  const text = (
    typeof first === "string"
      ? first
      : (first?.text ??
        (first && "_copy" in (first as object)
          ? "COPY"
          : String((first as { constructor: { name: string } })?.constructor?.name)))
  )
    .replace(/\s+/g, " ")
    .slice(0, 140);
  // PHASE_EXPLAIN=text: the plan (with timings) of the first statement containing it, printed once.
  const explain = process.env.PHASE_EXPLAIN;
  if (log && explain && text.includes(explain)) {
    process.env.PHASE_EXPLAIN = "";
    const config = typeof first === "string" ? { text: first } : { ...(first as object), rowMode: undefined };
    const values = (config as { values?: unknown }).values ?? args[1];
    (original as (...a: unknown[]) => Promise<{ rows: Record<string, string>[] }>)
      .apply(this, [{ ...config, values, text: `explain (analyze, buffers) ${(config as { text: string }).text}` }])
      .then((r) => process.stdout.write(`${r.rows.map((row) => Object.values(row)[0]).join("\n")}\n`));
  }
  const result = (original as (...a: unknown[]) => unknown).apply(this, args);
  const record = () => log?.push({ text, ms: performance.now() - started, at: started });
  if (result && typeof (result as Promise<unknown>).then === "function")
    (result as Promise<unknown>).then(record, record);
  else if (result && typeof (result as { on?: unknown }).on === "function")
    (result as NodeJS.EventEmitter).on("finish", record);
  return result;
} as typeof pg.Client.prototype.query;

const { database, drop } = await openBenchDatabase(process.env.PHASE_DATABASE_URL);
const load = sharedDataLoader(database);
try {
  await load("geography-topology", "geography/uk-local-authorities-topo.json");
  await load("ltla-lookup", "geography/ltla14-lookup.csv");
  await load("lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv");
  const runs: [string, Record<string, unknown>][] = [
    ["first load", {}],
    ["new release", { period: "2020" }],
  ];
  for (const [label, options] of runs) {
    log = [];
    const started = performance.now();
    const report = await load("iod", "deprivation/iod2019-indicators-lsoa11.csv", options);
    const wall = performance.now() - started;
    const entries = log;
    log = null;
    const inDb = entries.reduce((s, e) => s + e.ms, 0);
    process.stdout.write(
      `\n${database.kind} ${label}: ${wall.toFixed(0)} ms, ${report.valuesWritten} values; ${entries.length} statements, ${inDb.toFixed(0)} ms waiting on them\n`,
    );
    const grouped = new Map<string, { ms: number; n: number; first: number }>();
    for (const e of entries) {
      const g = grouped.get(e.text) ?? { ms: 0, n: 0, first: e.at - started };
      g.ms += e.ms;
      g.n++;
      grouped.set(e.text, g);
    }
    // The timeline: parsing until the transaction begins, ordering until COPY starts, and so on.
    const begin = entries.find((e) => e.text === "begin");
    const copy = entries.find((e) => e.text.startsWith("copy observations"));
    // The import's own commit: the last before the ANALYZE that follows it.
    const firstAnalyze = entries.findIndex((e) => e.text.startsWith("analyze"));
    const commit = entries
      .slice(0, firstAnalyze < 0 ? entries.length : firstAnalyze)
      .reverse()
      .find((e) => e.text === "commit");
    if (begin && copy && commit) {
      const phases: [string, number][] = [
        ["read, parse, check (until begin)", begin.at - started],
        ["batch, pairs, order (until COPY)", copy.at - begin.at],
        ["COPY (rendering included)", copy.ms],
        ["coverage, ranks, audit, commit", commit.at + commit.ms - copy.at - copy.ms],
        ["ANALYZE after commit", started + wall - commit.at - commit.ms],
      ];
      for (const [name, ms] of phases) process.stdout.write(`  ${name.padEnd(36)} ${(ms / 1000).toFixed(2)} s\n`);
    }
    if (label === "first load" && report.batchId) {
      const raw = await rawCopyOfBatch(database, report.batchId);
      process.stdout.write(
        `  raw COPY of the same rows: ${raw.seconds.toFixed(2)} s (import ×${(wall / 1000 / raw.seconds).toFixed(2)})\n`,
      );
    }
    for (const [text, g] of [...grouped].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.PHASE_TOP ?? 8)))
      process.stdout.write(
        `${g.ms.toFixed(0).padStart(7)} ms ×${String(g.n).padEnd(4)} @${(g.first / 1000).toFixed(2)}s  ${text}\n`,
      );
  }
} finally {
  await drop();
}
