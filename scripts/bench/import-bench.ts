/**
 * Import throughput through the real importers, on PGlite and (with BENCH_DATABASE_URL) on
 * PostgreSQL, with the largest event-loop delay seen while each import ran.
 *   npm run bench            (reads ../shared/data; SHARED_DATA_DIR overrides)
 */
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import {
  importerFor,
  readSourceFile,
  recogniseFile,
  runImport,
  sharedDataSteps,
  sourceFromBytes,
} from "../../src/data/imports/index.ts";
import type { SourceFile } from "../../src/data/imports/source-file.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { nimdmCsv, nimdmRows } from "../../tests/helpers/nimdm-files.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { type RawCopy, rawCopyOfBatch } from "./raw-copy.ts";

/** postgres: skip PGlite; detection: only that; values: the value imports only (no boundaries, no detection). */
const only = process.env.BENCH_ONLY;
const dataDir = path.resolve(process.env.SHARED_DATA_DIR ?? path.join(process.cwd(), "..", "shared", "data"));
const audit = { actorUserId: null, actorLabel: "bench" };

interface Row {
  database: string;
  step: string;
  values: number;
  seconds: number;
  /** Parse + validate alone (a dry run of the same file). */
  checkSeconds: number;
  perSecond: number;
  /** This process's CPU (PGlite's worker thread included; PostgreSQL's server not). */
  cpuSeconds: number;
  /** The same rows by a raw COPY into observations, for the first load (raw-copy.ts). */
  rawCopy?: RawCopy;
  p99DelayMs: number;
  maxDelayMs: number;
}

async function timed(
  database: Database,
  label: string,
  kind: string,
  file: string,
  options: Record<string, unknown> = {},
): Promise<Row> {
  return timedSource(database, label, kind, await readSourceFile(path.join(dataDir, file)), options);
}

async function timedSource(
  database: Database,
  label: string,
  kind: string,
  source: SourceFile,
  options: Record<string, unknown> = {},
): Promise<Row> {
  const file = source.name;
  // rawCopy: true is the bench's own flag (measure the reference after this import), not the importer's.
  const { rawCopy: wantsRawCopy, ...importOptions } = options;
  const checkStarted = performance.now();
  await runImport(database.db, {
    importer: importerFor(kind)!,
    file: source,
    options: importOptions,
    dryRun: true,
    audit,
  });
  const checkSeconds = (performance.now() - checkStarted) / 1000;
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runImport(database.db, {
    importer: importerFor(kind)!,
    file: source,
    options: importOptions,
    dryRun: false,
    audit,
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  histogram.disable();
  if (!report.ok) throw new Error(`${file}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const rawCopy = wantsRawCopy && report.batchId ? await rawCopyOfBatch(database, report.batchId) : undefined;
  const values = report.valuesWritten ?? 0;
  return {
    database: database.kind,
    step: label,
    values,
    seconds,
    checkSeconds,
    perSecond: values / seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    ...(rawCopy ? { rawCopy } : {}),
    p99DelayMs: histogram.percentile(99) / 1e6,
    maxDelayMs: histogram.max / 1e6,
  };
}

/**
 * Every per-authority LSOA TopoJSON file, one import each (as an administrator loads them):
 * total time, and the worst event-loop delay over all of them.
 */
async function timedBoundaries(database: Database): Promise<Row> {
  const dir = path.join(dataDir, "geography", "lsoa11-topojson-by-lad");
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let seconds = 0;
  let checkSeconds = 0;
  const cpu = process.cpuUsage();
  for (const name of files) {
    const source = await readSourceFile(path.join(dir, name));
    const request = { importer: importerFor("lsoa-boundaries")!, file: source, options: {}, audit };
    const checkStarted = performance.now();
    await runImport(database.db, { ...request, dryRun: true });
    checkSeconds += (performance.now() - checkStarted) / 1000;
    histogram.enable();
    const started = performance.now();
    const report = await runImport(database.db, { ...request, dryRun: false });
    seconds += (performance.now() - started) / 1000;
    histogram.disable();
    // A few files name authorities the geography does not know (retired codes with no single owner): reported, not fatal.
    if (!report.ok && !report.errors.every((e) => /unknown authority/.test(e.message)))
      throw new Error(`${name}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
  return {
    database: database.kind,
    step: `LSOA TopoJSON (${files.length} authority files)`,
    values: 0,
    seconds,
    checkSeconds,
    perSecond: 0,
    // Dry runs included: the boundaries' row is about the event loop, not throughput.
    cpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu)),
    p99DelayMs: histogram.percentile(99) / 1e6,
    maxDelayMs: histogram.max / 1e6,
  };
}

/** NIMDM 2017 results at full size (890 SOAs, 4,537 Small Areas), made up in NISRA's layout: no real file is shipped. */
const nimdmFiles = {
  soa: sourceFromBytes("nimdm2017-soa.csv", Buffer.from(nimdmCsv("soa", nimdmRows("soa", 890)))),
  sa: sourceFromBytes("nimdm2017-sa.csv", Buffer.from(nimdmCsv("sa", nimdmRows("sa", 4537)))),
};

/** A fresh database as `cpah migrate` makes it (schema migrations and the built-in reference geography). */
interface Migrate {
  database: string;
  seconds: number;
  cpuSeconds: number;
}
const migrates: Migrate[] = [];

async function benchOne(url: string | undefined): Promise<Row[]> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { database, drop } = await openBenchDatabase(url);
  const used = process.cpuUsage(cpu);
  migrates.push({
    database: database.kind,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  });
  try {
    const rows: Row[] = [];
    rows.push(
      await timed(
        database,
        "geography (ONS TopoJSON)",
        "geography-topology",
        "geography/uk-local-authorities-topo.json",
      ),
    );
    rows.push(await timed(database, "LTLA lookup", "ltla-lookup", "geography/ltla14-lookup.csv"));
    rows.push(await timed(database, "code changes", "code-changes", "geography/ltla-changes.csv"));
    rows.push(
      await timed(database, "LSOA lookup (34,753 rows)", "lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv"),
    );
    rows.push(
      await timed(database, "Scottish data-zone lookup", "dz-lookup", "geography/scotland-dz2011-lookup.csv", {
        encoding: "windows-1252",
      }),
    );
    // BENCH_ONLY=values: the value imports alone (the boundaries take minutes and write no values).
    if (only !== "values") rows.push(await timedBoundaries(database));
    rows.push(
      await timed(database, "IoD2019 indicators (first load)", "iod", "deprivation/iod2019-indicators-lsoa11.csv", {
        rawCopy: true,
      }),
    );
    rows.push(
      await timed(
        database,
        "IoD2019 indicators (new release, period 2020)",
        "iod",
        "deprivation/iod2019-indicators-lsoa11.csv",
        { period: "2020" },
      ),
    );
    rows.push(
      await timed(
        database,
        "IoD2019 indicators (same file again: no change)",
        "iod",
        "deprivation/iod2019-indicators-lsoa11.csv",
      ),
    );
    rows.push(await timed(database, "WIMD 2019 scores (LSOA)", "wimd", "deprivation/wimd2019-scores-lsoa11.csv"));
    rows.push(await timed(database, "SIMD 2020v2 ranks (data zone)", "simd", "deprivation/simd2020v2-ranks-dz11.csv"));
    rows.push(await timedSource(database, "NIMDM 2017 SOA results (890, made up)", "nimdm", nimdmFiles.soa));
    rows.push(await timedSource(database, "NIMDM 2017 SA results (4,537, made up)", "nimdm", nimdmFiles.sa));
    rows.push(
      await timed(
        database,
        "Stat-Xplore CiLIF export",
        "statxplore",
        "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv",
        {
          indicator: "cilif-relative-children-count",
          title: "Children in relative low income families",
          skipUnmatched: true,
        },
      ),
    );
    return rows;
  } finally {
    await drop();
  }
}

function print(rows: Row[]): void {
  // biome-ignore format: one line per table
  const header = ["database", "import", "values written", "seconds", "of which check", "values/s", "values/s (write)", "CPU s", "raw COPY s (import ×)", "event-loop delay p99 (ms)", "max (ms)"];
  const rate = (values: number, seconds: number) =>
    values && seconds > 0 ? Math.round(values / seconds).toLocaleString("en-GB") : "-";
  const body = rows.map((r) => [
    r.database,
    r.step,
    String(r.values),
    r.seconds.toFixed(2),
    Math.min(r.checkSeconds, r.seconds).toFixed(2),
    rate(r.values, r.seconds),
    rate(r.values, r.seconds - Math.min(r.checkSeconds, r.seconds)),
    r.cpuSeconds.toFixed(2),
    r.rawCopy ? `${r.rawCopy.seconds.toFixed(2)} (×${(r.seconds / r.rawCopy.seconds).toFixed(1)})` : "-",
    r.p99DelayMs.toFixed(1),
    r.maxDelayMs.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  process.stdout.write(
    `${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}\n${body.map(line).join("\n")}\n`,
  );
}

/**
 * Recognising each file's kind from its top (`cpah import <file>` without a kind, the upload
 * page): wall and CPU ms per file, after one warm-up (module loading is not the file's cost).
 */
async function detection(): Promise<void> {
  const files: SourceFile[] = [nimdmFiles.soa, nimdmFiles.sa];
  for (const step of await sharedDataSteps(dataDir)) files.push(await readSourceFile(step.file));
  await recogniseFile(files[0]!);
  const times: { name: string; ms: number; cpuMs: number }[] = [];
  for (const file of files) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await recogniseFile(file);
    const used = process.cpuUsage(cpu);
    times.push({ name: file.name, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  times.sort((a, b) => a.cpuMs - b.cpuMs);
  const median = times[Math.floor(times.length / 2)]!;
  const slowest = times.slice(-3).reverse();
  process.stdout.write(
    `Detection: ${times.length} files, median ${median.cpuMs.toFixed(1)} ms CPU, ${times.filter((t) => t.cpuMs >= 50).length} at 50 ms CPU or more; slowest ${slowest.map((t) => `${t.name} ${t.cpuMs.toFixed(0)} ms CPU (${t.ms.toFixed(0)} ms wall)`).join(", ")}; goal < 50 ms per file.\n`,
  );
}

const rows = only === "postgres" || only === "detection" ? [] : await benchOne(undefined);
if (process.env.BENCH_DATABASE_URL && only !== "detection")
  rows.push(...(await benchOne(process.env.BENCH_DATABASE_URL)));
print(rows);
for (const m of migrates)
  process.stdout.write(
    `Fresh migrate (${m.database}: migrations and built-in geography): ${m.seconds.toFixed(1)} s, ${m.cpuSeconds.toFixed(1)} s CPU; goal < 10 s on the embedded database.\n`,
  );
if (only !== "values") await detection();
process.stdout.write(
  `Goals: ≥ 200,000 values/s on PGlite, ≥ 500,000 on PostgreSQL (IoD indicators, first load), or within 1.5× of a raw COPY of the same rows into observations, whichever is lower; event-loop max ≤ 50 ms. Load average now: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores.\n`,
);
