// temporary: where do event-loop blocks happen during an IoD import on PGlite?
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importerFor, readSourceFile, runImport } from "../../src/domains/imports/index.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { runMigrations } from "../../src/kernel/db/migrate.ts";
import { readCsv } from "../../src/domains/imports/source-file.ts";
const dataDir = "/work/shared/data";
const audit = { actorUserId: null, actorLabel: "bench" };
const url = process.env.URL;
const database = await openDatabase(url ? { databaseUrl: url, poolSize: 2 } : { dataDir: "/tmp/perf-scratch/db-" + Date.now() });
await runMigrations(database);
let phase = "setup";
const blocks: string[] = [];
let last = performance.now();
const timer = setInterval(() => { const now = performance.now(); if (now - last > 60) blocks.push(`${phase}: ${(now - last - 10).toFixed(0)} ms`); last = now; }, 10);
async function run(kind: string, file: string, options = {}, dryRun = false) {
  phase = `${kind} ${dryRun ? "dry" : "real"}`;
  const t = performance.now();
  const source = await readSourceFile(path.join(dataDir, file));
  const r = await runImport(database.db, { importer: importerFor(kind)!, file: source, options, dryRun, audit, progress: { start() {}, update(d) { phase = `${kind} write ${d}`; }, stop() { phase = `${kind} after-write`; } } });
  console.log(phase, r.ok, r.valuesWritten, ((performance.now() - t) / 1000).toFixed(2), "s", r.analyzedTables);
}
await run("geography-topology", "geography/uk-local-authorities-topo.json");
await run("ltla-lookup", "geography/ltla14-lookup.csv");
await run("lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv");
phase = "readCsv";
const src = await readSourceFile(path.join(dataDir, "deprivation/iod2019-indicators-lsoa11.csv"));
await readCsv(src);
await run("iod", "deprivation/iod2019-indicators-lsoa11.csv", {}, true);
await run("iod", "deprivation/iod2019-indicators-lsoa11.csv");
if (process.env.TWICE) await run("iod", "deprivation/iod2019-indicators-lsoa11.csv", { period: "2020" });
clearInterval(timer);
console.log(blocks.join("\n"));
await database.close();
