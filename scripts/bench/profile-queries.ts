import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { findAreaByCode, neighboursOf, parentsOf, childrenOfType } from "../../src/domains/geography/index.ts";
import { listIndicators, peerRanksOf, valuesForArea, valuesForPairs } from "../../src/domains/indicators/index.ts";
import { loadAreaProfile } from "../../src/domains/analyses/index.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";

const target = process.argv[2]!;
const database = await openDatabase(target.startsWith("postgres") ? { databaseUrl: target, poolSize: 2 } : { dataDir: target });
const db = database.db;
const codes = ((await db.execute(sql`select code from areas where type='local-authority' and nation='england' order by code`)) as any).rows.map((r: any) => r.code).filter((_: string, i: number) => i % 14 === 0);
const times: Record<string, number[]> = {};
async function t<T>(name: string, f: () => Promise<T>): Promise<T> {
  const s = performance.now();
  const r = await f();
  (times[name] ??= []).push(performance.now() - s);
  return r;
}
for (const code of codes) {
  const area = (await t("findAreaByCode", () => findAreaByCode(db, code)))!;
  const all = await t("valuesForArea", () => valuesForArea(db, area.id));
  await t("listIndicators", () => listIndicators(db, null));
  const parents = await t("parentsOf", () => parentsOf(db, area.id));
  const nb = await t("neighboursOf", () => neighboursOf(db, area.id, "border"));
  const latest = new Map<string, { p: string; k: number }>();
  for (const v of all) if (v.breakdownId === 0 && v.value !== null && (latest.get(v.indicatorSlug)?.k ?? -1) < v.periodSortKey) latest.set(v.indicatorSlug, { p: v.periodCode, k: v.periodSortKey });
  const pairs = [...latest].map(([s, { p }]) => ({ indicatorSlug: s, periodCode: p }));
  await t("peerRanksOf", () => peerRanksOf(db, area.id, pairs));
  const named = [...parents.map((p) => p.area.id), ...nb.map((n) => n.area.id)];
  await t("valuesForPairs named", () => valuesForPairs(db, { pairs, areaIds: named }));
  await t("valuesForPairs peers (old)", () => valuesForPairs(db, { pairs, areaType: area.type, nation: area.nation! }));
  await t("childrenOfType lsoa", () => childrenOfType(db, area, "lsoa"));
  await t("loadAreaProfile", () => loadAreaProfile(db, { id: null, areaCode: code }));
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const max = (a: number[]) => Math.max(...a);
for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(28)} median ${med(v.slice(1)).toFixed(2)} ms  max ${max(v.slice(1)).toFixed(2)} ms  (n=${v.length - 1})`);
await database.close();
