/**
 * Disclosure control through the real output paths on a database (issue 15): a partnership's
 * small-count small-area data made public is disclosed in the API without a token (primary and
 * secondary suppression across the authority and its small areas, rounding), and a locality
 * whose complement within the authority is a small count is withheld, while one whose
 * complement passes is shown rounded. Fictional areas and counts.
 */
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import {
  areaTypeOfCode,
  findAreaByCode,
  insertLocality,
  linkParents,
  nationOfCode,
  replaceLocalityAreas,
  tiersOfCode,
  upsertAreas,
} from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { indicators } from "../../src/data/indicators/index.ts";
import { appTest } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

const SLUG = "published-small-area-count";
const LA = "E06000005";
/** Four small areas: 20, 15, 12 and 4 (a small count); the authority 51. */
const SMALL = [
  ["E01990001", 20],
  ["E01990002", 15],
  ["E01990003", 12],
  ["E01990004", 4],
] as const;
let partnershipId: string;
let lead: TestClient;
const localityIds: Record<string, string> = {};

const test = appTest;

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  partnershipId = (await fixtures.partnership("Darlington Partnership", "england", LA, "Darlington")).id;
  await fixtures.user("lead@darlington.example", org.id, { roles: [[partnershipId, "lead"]] });
  await upsertAreas(
    db,
    [LA, ...SMALL.map(([code]) => code)].map((code, i) => ({
      code,
      name: i === 0 ? "Darlington" : `Darlington small area ${i}`,
      type: areaTypeOfCode(code)!,
      nation: nationOfCode(code),
      ...tiersOfCode(code),
      startYear: null,
      endYear: null,
    })),
  );
  await linkParents(
    db,
    SMALL.map(([code]) => ({ child: code, parent: LA, relation: "local-authority" })),
  );
  const csv = [
    "area_code,period,indicator,value,measure",
    `${LA},2024/25,${SLUG},51,count`,
    ...SMALL.map(([code, count]) => `${code},2024/25,${SLUG},${count},count`),
  ].join("\n");
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(`${SLUG}.csv`, Buffer.from(`${csv}\n`)),
    options: { disclosure: "small-count", publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "published-disclosure-test" },
    partnershipId,
  });
  expect(report.errors).toEqual([]);
  await db.update(indicators).set({ accessTier: "public" }).where(eq(indicators.slug, SLUG));
  const ids = new Map<string, number>();
  for (const [code] of SMALL) ids.set(code, (await findAreaByCode(db, code))!.id);
  // "Most": all but the small one (its complement is 4); "Two": the first two (complement 16).
  for (const [name, codes] of [
    ["Most", ["E01990001", "E01990002", "E01990003"]],
    ["Two", ["E01990001", "E01990002"]],
  ] as const) {
    const locality = await insertLocality(db, { partnershipId, name, description: "" });
    await replaceLocalityAreas(
      db,
      locality.id,
      codes.map((code) => ids.get(code)!),
    );
    localityIds[name] = locality.id;
  }
  lead = await signIn("lead@darlington.example");
}, 120_000);

describe("disclosure on published outputs, through the database", () => {
  test("the API without a token withholds the small count and one more, and rounds the rest", async ({ app }) => {
    const response = await app.inject({ method: "GET", url: `/api/v1/indicators/${SLUG}/data?pageSize=2` });
    expect(response.statusCode).toBe(200);
    // Page by page (two rows a page), as a reader would: secondary suppression is judged on the whole slice.
    const rows: { area: { code: string }; value: number | null; flags: { suppressed: boolean } }[] = [];
    let body = response.json() as { data: typeof rows; page: { next: string | null } };
    rows.push(...body.data);
    while (body.page.next) {
      body = (await app.inject({ method: "GET", url: body.page.next })).json() as typeof body;
      rows.push(...body.data);
    }
    const byCode = new Map(rows.map((row) => [row.area.code, row]));
    expect(byCode.get("E01990004")).toMatchObject({ value: null, flags: { suppressed: true } });
    expect(byCode.get("E01990003")).toMatchObject({ value: null, flags: { suppressed: true } });
    expect(byCode.get("E01990001")!.value).toBe(20);
    expect(byCode.get("E01990002")!.value).toBe(15);
    expect(byCode.get(LA)!.value).toBe(50);
    const csv = await app.inject({
      method: "GET",
      url: `/api/v1/indicators/${SLUG}/data`,
      headers: { accept: "text/csv" },
    });
    expect(csv.body).not.toMatch(/,4,|,12,|,51,/);
  });

  test("a locality whose complement is a small count is withheld; one whose complement passes is shown rounded", async () => {
    const most = await lead.get(`/partnerships/${partnershipId}/localities/${localityIds.Most}`);
    expect(most.statusCode).toBe(200);
    expect(most.body).toContain("[c]");
    expect(most.body).not.toMatch(/>\s*47\s*</);
    const two = await lead.get(`/partnerships/${partnershipId}/localities/${localityIds.Two}`);
    expect(two.statusCode).toBe(200);
    expect(two.body).toMatch(/>\s*35\s*</);
    expect(two.body).not.toContain("[c] withheld");
  });
});
