/**
 * Area-profile latency at the issue's scale (issue 3: ~45,000 areas × 40 indicators × 12
 * periods ≈ 20 M values; goal p95 ≤ 25 ms). The real English geography goes in through the
 * real importers (LSOAs, wards, authorities: ~43,000 areas); the values are fictional,
 * generated in SQL (generate_series-style cross joins, one statement per indicator), not
 * through HTTP. Then the profile service and GET /api/v1/areas/:code/profile (over HTTP, on this
 * host; PROFILE_API=inject through Fastify's inject) are timed for a spread of English
 * authorities, with the event-loop delay while they run.
 *   npm run bench:profile            (PGlite on disk; BENCH_DATABASE_URL adds PostgreSQL)
 *   PROFILE_INDICATORS=40 PROFILE_PERIODS=12 PROFILE_AREAS=24 BENCH_ONLY=postgres|pglite
 *   PROFILE_KEEP=1 keeps the store built (prints where); PROFILE_REUSE=<PGlite dir or database URL>
 *   measures an existing store again without rebuilding it (building 20 M values takes minutes);
 *   PROFILE_RERANK=1 refreshes its peer ranks and read layout (area_series) first; a store kept by an
 *   older build gets the layout from its migration. Prints statements sent per profile. PROFILE_REUSE may name one store of each
 *   database, comma-separated. PROFILE_GROWTH=1 also builds a store of the same areas with 1/16
 *   of the values (every value the profiles read, plus areas picked by hash) and prints how the
 *   cost grows from it to the full store (goal ≤ ×1.5); with PROFILE_KEEP=1 that store is kept too,
 *   and PROFILE_REUSE_SMALL names it again (same form as PROFILE_REUSE), so both sizes can be measured
 *   side by side in one quiet run without rebuilding either.
 */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { importerFor, readSourceFile, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { refreshAllAreaSeries, refreshAllPeerRanks } from "../../src/data/indicators/index.ts";
import { type Database, openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { analyzeTables } from "../../src/kernel/db/statistics.ts";
import { testConfig } from "../../tests/helpers/test-app.ts";
import { openBenchDatabase } from "./bench-database.ts";

const dataDir = path.resolve(process.env.SHARED_DATA_DIR ?? path.join(process.cwd(), "..", "shared", "data"));
const INDICATORS = Number(process.env.PROFILE_INDICATORS ?? 40);
const PERIODS = Number(process.env.PROFILE_PERIODS ?? 12);
const AUTHORITIES = Number(process.env.PROFILE_AREAS ?? 24);
const audit = { actorUserId: null, actorLabel: "bench" };

type Rows<T> = { rows: T[] };

// Statements sent (pg's Client.query carries every statement, on both databases): per profile.
let statementsSent = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statementsSent++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as never;

async function load(
  database: Database,
  kind: string,
  file: string | { name: string; text: string },
  options: Record<string, unknown> = {},
) {
  const source =
    typeof file === "string"
      ? await readSourceFile(path.join(dataDir, file))
      : sourceFromBytes(file.name, Buffer.from(file.text, "utf8"));
  const report = await runImport(database.db, {
    importer: importerFor(kind)!,
    file: source,
    options,
    dryRun: false,
    audit,
  });
  if (!report.ok) throw new Error(`${kind}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return report;
}

/** Financial years ending with 2023/24. */
function periodCodes(): string[] {
  return Array.from({ length: PERIODS }, (_, i) => {
    const start = 2024 - PERIODS + i;
    return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  });
}

/**
 * Catalogue entries and periods through the real tidy importer (one area), then every area ×
 * period per indicator in one INSERT … SELECT: a count with numerator and denominator, values
 * fictional but stable (hashint4 of the ids).
 */
async function buildStore(database: Database, keep?: number[]): Promise<number> {
  const db = database.db;
  const periods = periodCodes();
  const slugs = Array.from({ length: INDICATORS }, (_, i) => `synthetic-${String(i + 1).padStart(2, "0")}`);
  const lines = slugs.flatMap((slug) => periods.map((period) => `E92000001,${period},${slug},50,1,2`));
  const seed = await load(
    database,
    "tidy",
    {
      name: "synthetic-catalogue.csv",
      text: `area_code,period,indicator,value,numerator,denominator\n${lines.join("\n")}\n`,
    },
    { disclosure: "none", publisher: "Fictional benchmark data" },
  );
  await db.execute(sql`delete from observations where batch_id = ${seed.batchId!}`);
  await db.execute(sql`update indicators set unit = 'percentage', polarity = 'higher-is-worse',
    area_types = (select array_agg(distinct type) from areas) where slug like 'synthetic-%'`);
  const ids = (await db.execute(
    sql`select id from indicators where slug like 'synthetic-%' order by slug`,
  )) as unknown as Rows<{ id: number }>;
  // A smaller store (PROFILE_GROWTH): the same areas, with values for only the areas in `keep`.
  const onlyKept = keep ? sql` and a.id = any(${`{${keep.join(",")}}`}::int[])` : sql``;
  let total = 0;
  for (const [n, { id }] of ids.rows.entries()) {
    const result = (await db.execute(sql`
      insert into observations (indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, flags, batch_id)
      select ${id}::int, p.id, 0, a.id, round((x.n * 100.0 / x.d)::numeric, 1)::float8, x.n, x.d, 0, ${seed.batchId!}::int
      from periods p cross join areas a
      cross join lateral (select (abs(hashint4(a.id * 31 + p.id * 7 + ${id}::int)) % 900 + 100)::float8 as d) dd
      cross join lateral (select (abs(hashint4(a.id + p.id * 131 + ${id}::int * 1009)) % dd.d::int)::float8 as n, dd.d as d) x
      where p.code = any(${`{${periods.join(",")}}`}::text[])${onlyKept}
      order by p.id, a.id`)) as unknown as { rowCount?: number; affectedRows?: number };
    total += Number(result.rowCount ?? result.affectedRows ?? 0);
    if (n % 5 === 4)
      process.stdout.write(
        `  ${database.kind}: ${n + 1}/${ids.rows.length} indicators, ${total.toLocaleString("en-GB")} values\n`,
      );
  }
  await analyzeTables(db, ["observations", "indicators", "periods", "areas", "area_parents"], database.kind);
  return total;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** GET over HTTP, the body read and dropped: its status. */
function httpGet(url: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.on("data", () => undefined);
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function timeEach(codes: string[], work: (code: string) => Promise<unknown>) {
  for (const code of codes.slice(0, 2)) await work(code); // warm caches and prepared plans
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const durations: number[] = [];
  // This process's CPU time per request: unlike wall time, barely inflated by a busy machine
  // (on PGlite it includes the database's work, on PostgreSQL only the client's).
  const cpu: number[] = [];
  const sentBefore = statementsSent;
  for (const code of codes) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await work(code);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    durations.push(performance.now() - started);
    // A pause between requests, as a server has: on PGlite a whole profile is one chain of
    // microtasks, so without it the delay histogram's timer would never run (and report 0).
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  histogram.disable();
  durations.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: durations.at(-1)!,
    loopMax: histogram.max / 1e6,
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    statements: (statementsSent - sentBefore) / codes.length,
  };
}

/**
 * The kept store for this database named by `list` (PROFILE_REUSE, or PROFILE_REUSE_SMALL for the
 * growth bench's smaller store): a PGlite directory, a postgres URL, or both, comma-separated.
 */
function reuseOf(url: string | undefined, list: string | undefined): string | undefined {
  const stores = (list ?? "").split(",").filter(Boolean);
  return stores.find((store) => store.startsWith("postgres") === (url !== undefined));
}

async function openStore(url: string | undefined, small: boolean) {
  const reuse = reuseOf(url, small ? process.env.PROFILE_REUSE_SMALL : process.env.PROFILE_REUSE);
  if (reuse) {
    const database = await openDatabase(
      reuse.startsWith("postgres") ? { databaseUrl: reuse, poolSize: 2 } : { dataDir: reuse },
    );
    // A store kept by an older build may predate newer tables (peer_ranks).
    await prepareDatabase(database);
    return { database, drop: () => database.close(), location: reuse, reused: true };
  }
  const opened = await openBenchDatabase(url);
  if (!process.env.PROFILE_KEEP) return { ...opened, reused: false };
  return { ...opened, reused: false, drop: () => opened.database.close() };
}

/** A spread of English authorities (with small areas under them), the same on every store. */
async function chooseAuthorities(database: Database): Promise<string[]> {
  const authorities =
    (await database.db.execute(sql`select code from areas where type = 'local-authority' and nation = 'england'
      and exists (select 1 from area_parents ap where ap.parent_id = areas.id) order by code`)) as unknown as Rows<{
      code: string;
    }>;
  const every = Math.max(1, Math.floor(authorities.rows.length / AUTHORITIES));
  return authorities.rows
    .filter((_, i) => i % every === 0)
    .slice(0, AUTHORITIES)
    .map((r) => r.code);
}

/**
 * The areas a store of 1/`share` of the values keeps: every area the profiles of `codes` read
 * (the authorities, their small areas, every authority for ranks, regions and nations), then
 * others picked by a hash of their id until 1/`share` of all areas have values.
 */
async function keptAreas(database: Database, codes: string[], share: number): Promise<number[]> {
  const result = (await database.db.execute(sql`
    with profiled as (select id from areas where code = any(${`{${codes.join(",")}}`}::text[])),
    needed as (
      select id from areas where type not in ('lsoa', 'ward', 'msoa', 'output-area')
      union select id from profiled
      union select ap.child_id from area_parents ap where ap.parent_id in (select id from profiled)
    ),
    others as (
      select id from areas where id not in (select id from needed)
      order by hashint4(id) limit greatest(0, (select count(*) from areas) / ${share}::int - (select count(*) from needed))
    )
    select id from needed union all select id from others`)) as unknown as Rows<{ id: number }>;
  return result.rows.map((r) => r.id);
}

async function benchOne(url: string | undefined, share = 1) {
  const { database, drop, location, reused } = await openStore(url, share > 1);
  try {
    const started = performance.now();
    let geographySeconds = 0;
    let buildSeconds = 0;
    let values = 0;
    if (!reused) {
      await load(database, "geography-topology", "geography/uk-local-authorities-topo.json");
      await load(database, "ltla-lookup", "geography/ltla14-lookup.csv");
      await load(database, "lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv");
      geographySeconds = (performance.now() - started) / 1000;
      const buildStarted = performance.now();
      values = await buildStore(
        database,
        share > 1 ? await keptAreas(database, await chooseAuthorities(database), share) : undefined,
      );
      buildSeconds = (performance.now() - buildStarted) / 1000;
      if (process.env.PROFILE_KEEP) process.stdout.write(`  store kept at ${location}\n`);
    }
    // The values went in by bulk SQL, not through an import, so rank them as an import would;
    // a kept store is ranked again when it has no ranks (built before they existed) or on PROFILE_RERANK=1.
    let rankSeconds = 0;
    let rankLoopMax = 0;
    const ranked = (await database.db.execute(
      sql`select exists (select 1 from peer_ranks) and exists (select 1 from area_series) as ranked`,
    )) as unknown as Rows<{ ranked: boolean }>;
    if (!reused || !ranked.rows[0]!.ranked || process.env.PROFILE_RERANK) {
      const rankStarted = performance.now();
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      // The profile's read layout too (area_series), as an import rebuilds it with the ranks.
      await database.db.transaction(async (tx) => {
        await refreshAllPeerRanks(tx);
        await refreshAllAreaSeries(tx);
      });
      loop.disable();
      rankLoopMax = loop.max / 1e6;
      await analyzeTables(database.db, ["peer_ranks", "area_series"], database.kind);
      rankSeconds = (performance.now() - rankStarted) / 1000;
    }
    const counts = (await database.db.execute(sql`select (select count(*) from areas)::int as areas,
      (select count(*) from observations)::float8 as observations`)) as unknown as Rows<{
      areas: number;
      observations: number;
    }>;
    const codes = await chooseAuthorities(database);
    const service = await timeEach(codes, (code) => loadAreaProfile(database.db, { id: null, areaCode: code }));
    const { app } = await buildApp({ config: testConfig(), database, logger: false });
    // Over HTTP (a socket on this host, the body read and dropped), as a client asks it.
    // PROFILE_API=inject asks through Fastify's inject instead, as this bench did before: that
    // copies the ~230 KB body twice and decodes it to a string, ~2 ms of CPU no server spends.
    const viaInject = process.env.PROFILE_API === "inject";
    const base = viaInject ? "" : await app.listen({ port: 0, host: "127.0.0.1" });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const api = await timeEach(codes, async (code) => {
      const url = `/api/v1/areas/${code}/profile`;
      const status = viaInject
        ? (await app.inject({ method: "GET", url })).statusCode
        : await httpGet(base + url, agent);
      if (status !== 200) throw new Error(`${code}: ${status}`);
    });
    agent.destroy();
    await app.close();
    return {
      share,
      kind: database.kind,
      areas: counts.rows[0]!.areas,
      values: Number(counts.rows[0]!.observations),
      written: values,
      geographySeconds,
      buildSeconds,
      authorities: codes.length,
      service,
      api,
      rankSeconds,
      rankLoopMax,
    };
  } finally {
    await drop();
  }
}

const GROWTH = process.env.PROFILE_GROWTH === "1";
const targets: (string | undefined)[] = [];
if (process.env.BENCH_ONLY !== "postgres") targets.push(undefined);
if (process.env.BENCH_DATABASE_URL && process.env.BENCH_ONLY !== "pglite") targets.push(process.env.BENCH_DATABASE_URL);
const results = [];
for (const url of targets) {
  results.push(await benchOne(url));
  // PROFILE_GROWTH=1: the same bench on a store of the same areas with 1/16 of the values.
  if (GROWTH) results.push(await benchOne(url, 16));
}
const ms = (n: number) => n.toFixed(1);
for (const r of results) {
  process.stdout.write(
    `${r.kind}${r.share > 1 ? ` (1/${r.share} of the values)` : ""}: ${r.areas.toLocaleString("en-GB")} areas, ${r.values.toLocaleString("en-GB")} values (${INDICATORS} indicators × ${PERIODS} periods; geography ${r.geographySeconds.toFixed(0)} s, values built in ${r.buildSeconds.toFixed(0)} s; peer ranks ${r.rankSeconds.toFixed(1)} s, event-loop max ${ms(r.rankLoopMax)} ms)\n` +
      `  profile service  p50 ${ms(r.service.p50)} ms  p95 ${ms(r.service.p95)} ms  max ${ms(r.service.max)} ms  event-loop max ${ms(r.service.loopMax)} ms  CPU p50/p95 ${ms(r.service.cpuP50)}/${ms(r.service.cpuP95)} ms  ${ms(r.service.statements)} statements  (${r.authorities} English authorities)\n` +
      `  API profile${process.env.PROFILE_API === "inject" ? " (inject)" : " (HTTP)  "} p50 ${ms(r.api.p50)} ms  p95 ${ms(r.api.p95)} ms  max ${ms(r.api.max)} ms  event-loop max ${ms(r.api.loopMax)} ms  CPU p50/p95 ${ms(r.api.cpuP50)}/${ms(r.api.cpuP95)} ms  ${ms(r.api.statements)} statements\n`,
  );
}
for (const big of results.filter((r) => r.share === 1)) {
  const small = results.find((r) => r.kind === big.kind && r.share > 1);
  if (!small) continue;
  const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
  process.stdout.write(
    `${big.kind} growth from ${small.values.toLocaleString("en-GB")} to ${big.values.toLocaleString("en-GB")} values (${ratio(big.values, small.values)}): ` +
      `service CPU p50 ${ratio(big.service.cpuP50, small.service.cpuP50)}, p95 time ${ratio(big.service.p95, small.service.p95)}; ` +
      `API CPU p50 ${ratio(big.api.cpuP50, small.api.cpuP50)}, p95 time ${ratio(big.api.p95, small.api.p95)} (goal ≤ ×1.5)\n`,
  );
}
process.stdout.write(
  `Goals: profile p95 ≤ 25 ms at 20 M values; uncached CPU ≤ 12 ms (PGlite) / ≤ 8 ms (PostgreSQL); growth 1×→16× ≤ ×1.5. Load average now: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores.\n`,
);
