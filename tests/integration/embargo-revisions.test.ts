/**
 * Embargo (issue 15) on a release that revises values already published: until the release time
 * readers see the earlier published value (with its markers) and ranks among peers worked out
 * from the values they may see; after it, the new values and ranks, with no write in between —
 * and a page cached before the release is not served after it.
 */
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import {
  areaTypeOfCode,
  findAreaByCode,
  nationOfCode,
  tiersOfCode,
  upsertAreas,
} from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import {
  changeEmbargo,
  FLAG,
  findBatchOf,
  peerRanksOf,
  valuesForArea,
  valuesForPairs,
} from "../../src/data/indicators/index.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { appTest } from "../helpers/app-test.ts";

const SLUG = "embargo-revision-rate";
const [A, B, C] = ["E06000001", "E06000004", "E06000005"];
let partnershipId: string;

async function importRows(db: Db, rows: [string, string, number][], name: string): Promise<number> {
  const csv = [
    "area_code,period,indicator,value,measure",
    ...rows.map(([area, period, v]) => `${area},${period},${SLUG},${v},percentage`),
  ];
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(name, Buffer.from(`${csv.join("\n")}\n`)),
    options: { disclosure: "none", publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "embargo-revisions-test" },
  });
  expect(report.errors).toEqual([]);
  return report.batchId!;
}

const embargo = (db: Db, batchId: number, interval: string) =>
  db.execute(sql`update import_batches set embargo_until = now() + ${interval}::interval where id = ${batchId}`);

async function areaId(db: Db, code: string): Promise<number> {
  return (await findAreaByCode(db, code))!.id;
}

async function shownValue(db: Db, code: string, period: string) {
  const values = await valuesForArea(db, await areaId(db, code), [SLUG]);
  return values.find((v) => v.periodCode === period) ?? null;
}

async function rankOf(db: Db) {
  const profile = await loadAreaProfile(db, { id: partnershipId, areaCode: A });
  return profile.indicators.find((p) => p.indicator.slug === SLUG)!.rank;
}

const test = appTest;

test.beforeAll(async ({ db, fixtures }) => {
  partnershipId = (await fixtures.partnership("Hartlepool Partnership", "england", A, "Hartlepool")).id;
  await upsertAreas(
    db,
    [
      [A, "Hartlepool"],
      [B, "Stockton-on-Tees"],
      [C, "Darlington"],
    ].map(([code, name]) => ({
      code: code!,
      name: name!,
      type: areaTypeOfCode(code!)!,
      nation: nationOfCode(code!),
      ...tiersOfCode(code!),
      startYear: null,
      endYear: null,
    })),
  );
});

describe("a release under embargo that revises published values", () => {
  test("shows the earlier value and ranks over what may be seen until the release, then the new ones", async ({
    db,
  }) => {
    await importRows(
      db,
      [
        [A, "2022", 10],
        [B, "2022", 20],
        [C, "2022", 30],
      ],
      "first.csv",
    );
    const before = await rankOf(db);
    // The revision puts Stockton below Hartlepool; it is embargoed for an hour.
    const revision = await importRows(db, [[B, "2022", 5]], "revised.csv");
    await embargo(db, revision, "1 hour");

    const shown = await shownValue(db, B, "2022");
    expect(shown?.value).toBe(20);
    expect((shown!.flags & FLAG.revised) === 0).toBe(true);
    const peers = await valuesForPairs(db, {
      pairs: [{ indicatorSlug: SLUG, periodCode: "2022" }],
      areaType: "local-authority",
      nation: "england",
    });
    expect(peers.map((v) => [v.areaCode, v.value])).toEqual([
      [A, 10],
      [B, 20],
      [C, 30],
    ]);
    // The stored rank counts the embargoed value: not used before the release.
    expect((await peerRanksOf(db, await areaId(db, A), [{ indicatorSlug: SLUG, periodCode: "2022" }])).size).toBe(0);
    expect(await rankOf(db)).toEqual(before);

    await embargo(db, revision, "-1 second");
    const released = await shownValue(db, B, "2022");
    expect(released?.value).toBe(5);
    expect(released!.flags & FLAG.revised).toBe(FLAG.revised);
    const after = await rankOf(db);
    expect(after).not.toEqual(before);
    expect(
      (await peerRanksOf(db, await areaId(db, A), [{ indicatorSlug: SLUG, periodCode: "2022" }])).get(SLUG),
    ).toMatchObject({ below: 1, ranked: 3 });
  });

  test("shows the newest released version when several releases wait in turn", async ({ db }) => {
    // 2023: published 40, revised to 41 (released), then 42 and 43 each under embargo.
    await importRows(db, [[B, "2023", 40]], "y1.csv");
    await importRows(db, [[B, "2023", 41]], "y2.csv");
    const third = await importRows(db, [[B, "2023", 42]], "y3.csv");
    await embargo(db, third, "1 hour");
    const fourth = await importRows(db, [[B, "2023", 43]], "y4.csv");
    await embargo(db, fourth, "2 hours");
    expect((await shownValue(db, B, "2023"))?.value).toBe(41);
    await embargo(db, third, "-1 second");
    expect((await shownValue(db, B, "2023"))?.value).toBe(42);
    await embargo(db, fourth, "-1 second");
    expect((await shownValue(db, B, "2023"))?.value).toBe(43);
    // A value first published by an embargoed release is not found at all before it.
    const fresh = await importRows(db, [[C, "2024", 7]], "y5.csv");
    await embargo(db, fresh, "1 hour");
    expect(await shownValue(db, C, "2024")).toBeNull();
  });

  test("the cached profile page changes rank at the release time, with no write", async ({ db, fixtures, signIn }) => {
    const org = await fixtures.organisation("Hartlepool Borough Council");
    await fixtures.user("viewer@hartlepool.example", org.id, { roles: [[partnershipId, "viewer"]] });
    const viewer = await signIn("viewer@hartlepool.example");
    const rankText = async () => {
      const response = await viewer.get(`/partnerships/${partnershipId}/profile`);
      expect(response.statusCode).toBe(200);
      // The only indicator with values for the area.
      return /data-rank>([^<]*)</.exec(response.body)?.[1]?.trim();
    };
    await importRows(
      db,
      [
        [A, "2025", 10],
        [B, "2025", 20],
        [C, "2025", 30],
      ],
      "z1.csv",
    );
    const published = await rankText();
    const revision = await importRows(db, [[B, "2025", 5]], "z2.csv");
    await embargo(db, revision, "2 seconds");
    expect(await rankText()).toBe(published);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const released = await rankText();
    expect(released).toBeDefined();
    expect(released).not.toBe(published);
  });

  test("a batch imported before its pairs were recorded gets them when it is held back", async ({ db }) => {
    await importRows(
      db,
      [
        [A, "2026", 10],
        [B, "2026", 20],
        [C, "2026", 30],
      ],
      "w1.csv",
    );
    const older = await importRows(db, [[B, "2026", 5]], "w2.csv");
    // As a batch written before import_batch_pairs existed: no pairs recorded.
    await db.execute(sql`delete from import_batch_pairs where batch_id = ${older}`);
    const pair = [{ indicatorSlug: SLUG, periodCode: "2026" }];
    expect((await peerRanksOf(db, await areaId(db, A), pair)).size).toBe(1);
    const batch = (await findBatchOf(db, older, null))!;
    await changeEmbargo(
      db,
      { actorUserId: null, actorLabel: "embargo-revisions-test" },
      batch,
      new Date(Date.now() + 3_600_000),
    );
    const pairs = await db.execute(sql`select count(*)::int as n from import_batch_pairs where batch_id = ${older}`);
    expect((pairs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    // Its stored rank counts the held-back value, so it is not used until the release.
    expect((await peerRanksOf(db, await areaId(db, A), pair)).size).toBe(0);
  });
});
