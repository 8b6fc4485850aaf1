/**
 * Times each read an area profile makes, one by one, on a store kept by the profile bench
 * (PROFILE_KEEP=1), for every 14th English authority: where a profile's time goes.
 *   npx tsx scripts/bench/profile-queries.ts <PGlite dir | postgres URL>
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { childrenOfType, findAreaByCode, neighboursOf, parentsOf } from "../../src/data/geography/index.ts";
import { listIndicators, peerRanksOf, valuesForArea, valuesForPairs } from "../../src/data/indicators/index.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";

const target = process.argv[2];
if (!target) throw new Error("usage: profile-queries.ts <PGlite dir | postgres URL>");
const database = await openDatabase(
  target.startsWith("postgres") ? { databaseUrl: target, poolSize: 2 } : { dataDir: target },
);
const db = database.db;
const listed = (await db.execute(
  sql`select code from areas where type = 'local-authority' and nation = 'england' order by code`,
)) as unknown as { rows: { code: string }[] };
const codes = listed.rows.map((r) => r.code).filter((_, i) => i % 14 === 0);
const times = new Map<string, number[]>();
const cpuTimes = new Map<string, number[]>();

/** Wall time, and this process's CPU time (on PGlite the database's work too; less inflated by a busy machine). */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStarted);
  times.set(name, [...(times.get(name) ?? []), performance.now() - started]);
  cpuTimes.set(name, [...(cpuTimes.get(name) ?? []), (cpu.user + cpu.system) / 1000]);
  return result;
}

for (const code of codes) {
  const area = await timed("findAreaByCode", () => findAreaByCode(db, code));
  if (!area) continue;
  const all = await timed("valuesForArea", () => valuesForArea(db, area.id));
  await timed("listIndicators", () => listIndicators(db, null));
  const parents = await timed("parentsOf", () => parentsOf(db, area.id));
  const bordering = await timed("neighboursOf", () => neighboursOf(db, area.id, "border"));
  const latest = new Map<string, { periodCode: string; sortKey: number }>();
  for (const v of all) {
    if (v.breakdownId !== 0 || v.value === null) continue;
    if ((latest.get(v.indicatorSlug)?.sortKey ?? -1) < v.periodSortKey)
      latest.set(v.indicatorSlug, { periodCode: v.periodCode, sortKey: v.periodSortKey });
  }
  const pairs = [...latest].map(([indicatorSlug, { periodCode }]) => ({ indicatorSlug, periodCode }));
  await timed("peerRanksOf", () => peerRanksOf(db, area.id, pairs));
  const named = [...parents.map((p) => p.area.id), ...bordering.map((n) => n.area.id)];
  await timed("valuesForPairs named areas", () => valuesForPairs(db, { pairs, areaIds: named }));
  await timed("valuesForPairs every peer (before)", () =>
    valuesForPairs(db, { pairs, areaType: area.type, ...(area.nation ? { nation: area.nation } : {}) }),
  );
  await timed("childrenOfType lsoa", () => childrenOfType(db, area, "lsoa"));
  await timed("loadAreaProfile", () => loadAreaProfile(db, { id: null, areaCode: code }));
}

// The first authority warms caches and plans; it is left out.
const median = (list: number[]) => [...list.slice(1)].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
for (const [name, list] of times) {
  const max = Math.max(...list.slice(1));
  process.stdout.write(
    `${name.padEnd(36)} median ${median(list).toFixed(2)} ms  max ${max.toFixed(2)} ms  CPU median ${median(cpuTimes.get(name)!).toFixed(2)} ms  (${list.length - 1} authorities)\n`,
  );
}
process.stdout.write(
  `${database.kind}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}\n`,
);
await database.close();
