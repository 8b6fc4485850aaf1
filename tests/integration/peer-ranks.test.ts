/**
 * Peer ranks stored at import (peer_ranks) against rankAmong over the raw stored values, and the
 * profile's read layout (area_series) against the stored values, on the real geography: after a
 * first import, after a new release replaces values (ties, suppressed
 * values, a value going missing), and whole profiles read with stored ranks against profiles
 * ranked from every peer's value on request, before and after a polarity edit in the catalogue.
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { findAreaByCode } from "../../src/data/geography/index.ts";
import { type Polarity, rankAmong, rankFromCounts } from "../../src/data/analyses/analysis.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { editIndicator, FLAG, RANKED_AREA_TYPES } from "../../src/data/indicators/index.ts";
import { dbTest } from "../helpers/app-test.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const SLUG = "peer-rank-test-rate";
const audit = { actorUserId: null, actorLabel: "peer-ranks-test" };
let authorities: { code: string; nation: string }[];

/** A percentage with many ties (numerators 0–24 of 200) and some suppressed authorities. */
function release(periods: string[], salt: number, suppressEvery: number): string[] {
  return periods.flatMap((period, p) =>
    authorities.map(({ code }, i) => {
      if ((i + p + salt) % suppressEvery === 0) return `${code},${period},${SLUG},,,,s,percentage`;
      const numerator = (i * 7 + p * 3 + salt * 11) % 25;
      return `${code},${period},${SLUG},${numerator / 2},${numerator},200,,percentage`;
    }),
  );
}

type Stored = {
  indicatorId: number;
  periodId: number;
  areaId: number;
  code: string;
  type: string;
  nation: string;
  value: number | null;
};
type RankRow = {
  indicatorId: number;
  periodId: number;
  areaId: number;
  below: number;
  tied: number;
  ranked: number;
  unranked: number;
};

const test = dbTest
  .extend(
    "tidy",
    { scope: "file" },
    ({ database }) =>
      async function tidy(name: string, lines: string[]): Promise<void> {
        const csv = `area_code,period,indicator,value,numerator,denominator,flag,unit_of_measure\n${lines.join("\n")}\n`;
        const report = await runImport(database.db, {
          importer: importerFor("tidy")!,
          file: sourceFromBytes(name, Buffer.from(csv)),
          options: { disclosure: "none" },
          dryRun: false,
          audit,
        });
        expect(report.errors).toEqual([]);
      },
  )
  /** Every stored rank equals rankAmong over the raw breakdown-"all" values of its type and nation, for each polarity. */
  .extend(
    "expectRanksMatchRawValues",
    { scope: "file" },
    ({ query }) =>
      async function expectRanksMatchRawValues(): Promise<number> {
        const raw = (
          await query<Stored>(sql`select o.indicator_id as "indicatorId", o.period_id as "periodId", o.area_id as "areaId", a.code, a.type, a.nation, o.value
      from observations o join areas a on a.id = o.area_id where o.breakdown_id = 0 and a.nation is not null`)
        ).filter((r) => RANKED_AREA_TYPES.includes(r.type));
        const stored = await query<RankRow>(
          sql`select indicator_id as "indicatorId", period_id as "periodId", area_id as "areaId", below, tied, ranked, unranked from peer_ranks`,
        );
        const key = (r: { indicatorId: number; periodId: number; areaId: number }) =>
          `${Number(r.indicatorId)}|${Number(r.periodId)}|${Number(r.areaId)}`;
        const byKey = new Map(stored.map((r) => [key(r), r]));
        const groups = new Map<string, Stored[]>();
        for (const r of raw) {
          const group = `${r.indicatorId}|${r.periodId}|${r.type}|${r.nation}`;
          groups.set(group, [...(groups.get(group) ?? []), { ...r, value: r.value === null ? null : Number(r.value) }]);
        }
        let compared = 0;
        for (const members of groups.values()) {
          const peers = members.map((m) => ({ areaCode: m.code, value: m.value }));
          for (const member of members) {
            const row = byKey.get(key(member));
            if (member.value === null) {
              expect(row, `${member.code} has no value and no rank`).toBeUndefined();
              continue;
            }
            expect(row, `${member.code} is ranked`).toBeDefined();
            for (const polarity of ["higher-is-worse", "higher-is-better", "neither"] as Polarity[]) {
              const counts = {
                below: Number(row!.below),
                tied: Number(row!.tied),
                ranked: Number(row!.ranked),
                unranked: Number(row!.unranked),
              };
              expect(rankFromCounts(counts, polarity), `${member.code} ${polarity}`).toEqual(
                rankAmong(member.code, peers, polarity),
              );
            }
            compared++;
          }
        }
        // Nothing stored that the raw values do not account for.
        expect(stored.length).toBe(compared);
        return compared;
      },
  )
  /**
   * The profile's read layout (area_series) holds exactly the stored values of every area of a
   * ranked type, each (area, indicator) once: it fails if an import or a revision left it stale.
   */
  .extend(
    "expectLayoutMatchesValues",
    { scope: "file" },
    ({ query }) =>
      async function expectLayoutMatchesValues(): Promise<number> {
        type Raw = { areaId: number; indicatorId: number; type: string; point: (number | null)[] };
        const raw = await query<Raw>(sql`select o.area_id as "areaId", o.indicator_id as "indicatorId", a.type,
          json_build_array(o.period_id, o.breakdown_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags, o.batch_id) as point
          from observations o join areas a on a.id = o.area_id`);
        const text = (point: readonly (number | null)[]) =>
          point.map((x) => (x === null ? "null" : String(Number(x)))).join("|");
        const expected = new Map<string, string[]>();
        for (const r of raw.filter((r) => RANKED_AREA_TYPES.includes(r.type))) {
          const key = `${r.areaId}|${r.indicatorId}`;
          expected.set(key, [...(expected.get(key) ?? []), text(r.point)]);
        }
        const laid = await query<{ areaId: number; indicatorId: number; series: (number | null)[][] }>(
          sql`select area_id as "areaId", indicator_id as "indicatorId", series from area_series`,
        );
        const actual = new Map(laid.map((r) => [`${r.areaId}|${r.indicatorId}`, r.series.map(text).sort()]));
        expect(actual.size).toBe(laid.length);
        expect(actual).toEqual(new Map([...expected].map(([key, list]) => [key, list.sort()])));
        return laid.length;
      },
  )
  /**
   * Profiles read with stored ranks equal profiles ranked from every peer's value on request,
   * bordering areas' values (a Welsh border included) and a comparison group's too.
   */
  .extend(
    "expectProfilesMatchLiveRanking",
    { scope: "file" },
    ({ database, query }) =>
      async function expectProfilesMatchLiveRanking(codes: string[]): Promise<void> {
        const members = await Promise.all(
          [authorities[3]!, authorities[90]!, authorities.at(-2)!].map((a) => findAreaByCode(database.db, a.code)),
        );
        const group = {
          id: "00000000-0000-4000-8000-000000000001",
          name: "Chosen group",
          members: members.map((m) => m!),
        };
        const load = (code: string) => loadAreaProfile(database.db, { id: null, areaCode: code }, { group });
        const withStored = [];
        for (const code of codes) withStored.push(await load(code));
        const neighbourValues = withStored.flatMap((p) =>
          p.indicators.flatMap((i) => i.neighbours.filter((n) => n.value)),
        );
        expect(neighbourValues.length).toBeGreaterThan(0);
        // A bordering authority over the national border is not a peer: shown, without a value.
        const shropshire = withStored[codes.indexOf("E06000051")]?.indicators.find((i) => i.indicator.slug === SLUG);
        if (shropshire)
          expect(shropshire.neighbours.find((n) => n.area.code === "W06000023")).toMatchObject({ value: null });
        const saved = await query<RankRow>(sql`select * from peer_ranks`);
        await database.db.execute(sql`delete from peer_ranks`);
        try {
          for (const [i, code] of codes.entries()) {
            const live = await load(code);
            expect(live).toEqual(withStored[i]);
            const indicator = live.indicators.find((p) => p.indicator.slug === SLUG);
            if (indicator?.latest.observation) expect(indicator.rank).not.toBeNull();
          }
        } finally {
          await database.db.execute(
            sql`insert into peer_ranks select * from json_populate_recordset(null::peer_ranks, ${JSON.stringify(saved)}::json)`,
          );
        }
      },
  );

describeWithSharedData(path.join(dataDir, "README.md"))("peer ranks stored at import", () => {
  test.beforeAll(async ({ database, query }) => {
    const wanted = new Set(["geography-topology", "ltla-lookup", "neighbours"]);
    const imported = await importSharedData(database.db, (step) => wanted.has(step.kind), audit.actorLabel);
    for (const { report } of imported) expect(report.errors).toEqual([]);
    authorities = await query<{ code: string; nation: string }>(
      sql`select code, nation from areas where type = 'local-authority' and nation in ('england', 'wales') order by code`,
    );
    expect(authorities.length).toBeGreaterThan(300);
  }, 600_000);

  test("stores each authority's rank among its nation's authorities as rankAmong gives it, and replaces it with a new release", async ({
    query,
    tidy,
    expectRanksMatchRawValues,
    expectLayoutMatchesValues,
  }) => {
    await tidy("first.csv", release(["2021/22", "2022/23"], 0, 17));
    const first = await expectRanksMatchRawValues();
    expect(await expectLayoutMatchesValues()).toBeGreaterThan(300);
    expect(first).toBeGreaterThan(550);
    const ties = await query<{ n: number }>(sql`select count(*)::int as n from peer_ranks where tied > 1`);
    expect(ties[0]!.n).toBeGreaterThan(100);

    // A new release of 2022/23 (different values, other authorities suppressed) and a new period.
    const before = await query<{ n: number }>(sql`select count(*)::int as n from peer_ranks`);
    await tidy("second.csv", release(["2022/23", "2023/24"], 5, 13));
    await expectRanksMatchRawValues();
    // The revised 2022/23 values and the new period are in the profile's read layout too.
    await expectLayoutMatchesValues();
    const suppressed = await query<{ n: number }>(
      sql`select count(*)::int as n from observations where (flags & ${FLAG.suppressed}::int) <> 0`,
    );
    expect(suppressed[0]!.n).toBeGreaterThan(0);
    const after = await query<{ n: number }>(sql`select count(*)::int as n from peer_ranks`);
    expect(after[0]!.n).toBeGreaterThan(before[0]!.n);
  }, 120_000);

  test("gives the same profiles as ranking every peer on request, whatever the polarity", async ({
    database,
    expectProfilesMatchLiveRanking,
  }) => {
    // Shropshire and Powys border each other across the national border.
    const codes = [authorities[0]!.code, authorities[150]!.code, "E06000051", "W06000023", authorities.at(-1)!.code];
    expect(authorities.at(-1)!.nation).toBe("wales");
    await expectProfilesMatchLiveRanking(codes);
    for (const polarity of ["higher-is-worse", "higher-is-better"] as const) {
      await editIndicator(database.db, audit, SLUG, { polarity });
      const profile = await loadAreaProfile(database.db, { id: null, areaCode: codes[2]! });
      const indicator = profile.indicators.find((p) => p.indicator.slug === SLUG)!;
      expect(indicator.rank?.order).toBe(polarity === "higher-is-worse" ? "lowest first" : "highest first");
      expect(indicator.benchmark.method).not.toBe("none");
      await expectProfilesMatchLiveRanking(codes);
    }
  }, 120_000);
});
