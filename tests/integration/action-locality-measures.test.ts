/**
 * An action measured for one of the partnership's localities (issue 16, item 1: "for the
 * partnership's area or a named small-area set"): the place is chosen beside the indicator, an
 * indicator that cannot be added up for the locality is refused naming both, and the action page
 * judges the locality's own series — its small areas' numerators and denominators summed each
 * period, as the locality's page works them out — against the trajectory.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actionIndicators } from "../../src/cycle/actions/index.ts";
import { insertMissingAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";
import { addMembers, idFromLocation } from "../helpers/strategy-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

const audit = { actorUserId: null, actorLabel: "action-locality-test" };
const LSOAS = ["E01012304", "E01012305", "E01012306", "E01012307"];
let pid: string;
let lead: TestClient;
let actionId: string;
let localityId: string;

async function load(db: Db, kind: string, name: string, content: string, options: Record<string, unknown> = {}) {
  const report = await runImport(db, {
    importer: importerFor(kind)!,
    file: sourceFromBytes(name, Buffer.from(content)),
    options,
    dryRun: false,
    audit,
  });
  expect(report.errors, name).toEqual([]);
}

const linksOf = (db: Db) =>
  db
    .select()
    .from(actionIndicators)
    .where(and(eq(actionIndicators.partnershipId, pid), eq(actionIndicators.actionId, actionId)));

test.beforeAll(async ({ database, db, fixtures, signIn }) => {
  await insertMissingAreas(db, areaInputs("E06000005:Darlington"));
  // The LSOA → ward → authority lookup in the ONS layout, four of Darlington's small areas.
  const lookup = [
    "FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM",
    ...LSOAS.map((code, i) => `${i + 1},${code},Darlington 00${i + 1}A,E05001234,Central,E06000005,Darlington`),
  ].join("\n");
  await load(db, "lsoa-lookup", "lsoa-lookup.csv", `${lookup}\n`);
  // A share in need by small area in three years (fictional), and a figure only the authority has.
  const rows = ["area_code,period,indicator,value,numerator,denominator,measure"];
  for (const [period, a, b] of [
    ["2021", 20, 30],
    ["2022", 18, 26],
    ["2023", 15, 25],
  ] as const) {
    rows.push(`E01012304,${period},locality-share,${a},${a},100,percentage`);
    rows.push(`E01012305,${period},locality-share,${b},${b},100,percentage`);
    rows.push(`E01012306,${period},locality-share,50,50,100,percentage`);
    rows.push(`E01012307,${period},locality-share,40,40,100,percentage`);
    rows.push(`E06000005,${period},authority-only-share,33,33,100,percentage`);
  }
  await load(db, "tidy", "locality-share.csv", `${rows.join("\n")}\n`, {
    publisher: "Locality test publisher",
    dataset: "Fictional locality data",
    disclosure: "none",
  });
  const council = await fixtures.organisation("Darlington Borough Council");
  pid = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  await addMembers(database, pid, [council.id]);
  await fixtures.user("lead@locality-measure.example", council.id, { roles: [[pid, "lead"]] });
  lead = await signIn("lead@locality-measure.example");
  const locality = await lead.post(`/partnerships/${pid}/localities`, {
    name: "Town centre",
    description: "",
    codes: "E01012304, E01012305",
  });
  expect(locality.statusCode).toBe(303);
  localityId = (locality.headers.location as string).split("/").at(-1)!;
  actionId = idFromLocation(
    await lead.post(`/partnerships/${pid}/actions/new`, {
      title: "Town centre advice",
      leadOrganisationId: council.id,
    }),
  );
}, 120_000);

const form = (fields: Record<string, string>) => ({
  indicatorRef: "locality-share",
  localityId,
  baseline: "25",
  baselinePeriod: "2021",
  target: "15",
  targetDate: "31/12/2025",
  ...fields,
});

describe("an action measured for a locality", () => {
  test("the form offers the partnership's area and its localities", async () => {
    const page = await lead.get(`/partnerships/${pid}/actions/${actionId}/indicators/new`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Measure it for");
    expect(page.body).toContain('value="area" checked');
    expect(page.body).toContain(`value="${localityId}"`);
    expect(page.body).toContain("Town centre");
    expect(page.body).toContain('<option value="locality-share">');
    expect(page.body).toContain('<option value="authority-only-share">');
  });

  test.for([
    [
      "an indicator with no small-area values",
      { indicatorRef: "authority-only-share" },
      "indicatorRef",
      "has no small-area values that add up to a figure for Town centre",
    ],
    [
      "a locality of no partnership",
      { localityId: "00000000-0000-4000-8000-000000000000" },
      "localityId",
      "area or one of its localities",
    ],
    ["a place that is not a locality id", { localityId: "north" }, "localityId", "one of its localities"],
  ] as const)("refuses %s, naming the field, and saves nothing", async ([, fields, field, message], { db }) => {
    const response = await lead.post(`/partnerships/${pid}/actions/${actionId}/indicators/new`, form(fields));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain(message);
    expect(await linksOf(db)).toHaveLength(0);
  });

  test("is judged on the locality's own series, not the authority's", async ({ db }) => {
    const saved = await lead.post(`/partnerships/${pid}/actions/${actionId}/indicators/new`, form({}));
    expect(saved.statusCode).toBe(303);
    const [link] = await linksOf(db);
    expect(link).toMatchObject({ indicatorRef: "locality-share", localityId, baseline: 25 });
    const page = await lead.get(`/partnerships/${pid}/actions/${actionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Town centre");
    // 2023: (15 + 25) / 200 = 20.0%, the trajectory from 25 (end of 2021) to 15 (end of 2025) is
    // at 20 two years along: level with it, so on track. The four small areas together would be 32.5%.
    expect(page.body).toContain("20.0% in 2023");
    expect(page.body).toContain('data-measure-status="on-track"');
    expect(page.body).not.toContain("32.5%");

    // Deleting the locality asks first, and says the action indicator measured for it is affected.
    const confirm = await lead.get(`/partnerships/${pid}/localities/${localityId}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("1 action indicator measured for it");
    expect(confirm.body).toContain("Town centre advice");
  });

  test("for the partnership's area it reads the area's values as before", async ({ db }) => {
    const response = await lead.post(
      `/partnerships/${pid}/actions/${actionId}/indicators/new`,
      form({ indicatorRef: "authority-only-share", localityId: "area", baseline: "33", target: "30" }),
    );
    expect(response.statusCode).toBe(303);
    const links = await linksOf(db);
    expect(links.find((l) => l.indicatorRef === "authority-only-share")!.localityId).toBeNull();
    const page = await lead.get(`/partnerships/${pid}/actions/${actionId}`);
    expect(page.body).toContain("33.0% in 2023");
  });
});
