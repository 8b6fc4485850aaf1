/**
 * Actions measured against the indicator store (issue 16, item 1): an indicator chosen by name
 * from those with values for the partnership's area, baseline and target validated, and the
 * action page and monitoring dashboard judging the latest imported value against the trajectory.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actionIndicators } from "../../src/cycle/actions/index.ts";
import { areaTypeOfCode, insertMissingAreas, nationOfCode, tiersOfCode } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { addMembers, auditActions, idFromLocation } from "../helpers/strategy-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

const AREA = "E06000001";
const ELSEWHERE = "E06000002";
const SLUG = "measure-test-child-poverty";
const TITLE = "Children in poverty (measure test), %";
const ELSEWHERE_SLUG = "measure-test-elsewhere-only";
const audit = { actorUserId: null, actorLabel: "action-measures-test" };

let pid: string;
let lead: TestClient;
let viewer: TestClient;
let actionId: string;
let secondAction: string;

/** One financial year's file: our indicator for the area, and one only another area has. */
async function importYear(db: Db, period: string, value: number): Promise<void> {
  const csv = `area_code,poverty,elsewhere\n${AREA},${value},\n${ELSEWHERE},${value + 1},12\n`;
  const indicator = (slug: string, title: string) => ({
    slug,
    title,
    unit: "percentage" as const,
    publisher: "Measure test publisher",
    dataset: "Measure test dataset",
    polarity: "higher-is-worse" as const,
    tags: { topics: ["poverty"] },
  });
  const report = await runImport(db, {
    importer: importerFor("wide")!,
    file: sourceFromBytes(`measure-${period.replace("/", "-")}.csv`, Buffer.from(csv)),
    options: {
      mapping: {
        codeColumn: "area_code",
        period,
        columns: [
          { column: "poverty", indicator: indicator(SLUG, TITLE) },
          { column: "elsewhere", indicator: indicator(ELSEWHERE_SLUG, "Only elsewhere (measure test), %") },
        ],
      },
    },
    dryRun: false,
    audit,
  });
  expect(report.errors).toEqual([]);
}

const form = (fields: Record<string, string>) => ({
  indicatorRef: SLUG,
  baseline: "30",
  baselinePeriod: "2020/21",
  target: "20",
  targetDate: "31/03/2025",
  ...fields,
});

test.beforeAll(async ({ database, db, fixtures, signIn }) => {
  const council = await fixtures.organisation("Northby Council");
  const charity = await fixtures.organisation("Northby Advice", "voluntary");
  pid = (await fixtures.partnership("Northby Partnership", "england", AREA, "Northby")).id;
  await addMembers(database, pid, [council.id, charity.id]);
  await fixtures.user("lead@northby.example", council.id, { roles: [[pid, "lead"]] });
  await fixtures.user("viewer@northby.example", charity.id, { roles: [[pid, "viewer"]] });
  await insertMissingAreas(
    db,
    [AREA, ELSEWHERE].map((code) => ({
      code,
      name: code === AREA ? "Northby" : "Southby",
      type: areaTypeOfCode(code)!,
      nation: nationOfCode(code),
      ...tiersOfCode(code),
      startYear: null,
      endYear: null,
    })),
  );
  // Falling, but not fast enough: 30 → 25 over three years against a line to 20 in four.
  for (const [period, value] of [
    ["2020/21", 30],
    ["2021/22", 29],
    ["2022/23", 27],
    ["2023/24", 25],
  ] as const) {
    await importYear(db, period, value);
  }
  lead = await signIn("lead@northby.example");
  viewer = await signIn("viewer@northby.example");
  const newAction = (title: string) =>
    lead.post(`/partnerships/${pid}/actions/new`, { title, leadOrganisationId: council.id });
  actionId = idFromLocation(await newAction("Money advice in schools"));
  secondAction = idFromLocation(await newAction("Holiday food and activities"));
}, 120_000);

const linksOf = (db: Db, id: string) =>
  db
    .select()
    .from(actionIndicators)
    .where(and(eq(actionIndicators.partnershipId, pid), eq(actionIndicators.actionId, id)));

describe("choosing an action's indicator", () => {
  test("lists by name only the indicators with values for the area, grouped, and searches them", async () => {
    const page = await lead.get(`/partnerships/${pid}/actions/${actionId}/indicators/new`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${SLUG}">${TITLE}</option>`);
    expect(page.body).toContain('<optgroup label="Poverty">');
    expect(page.body).not.toContain(ELSEWHERE_SLUG);
    const found = await lead.get(`/partnerships/${pid}/actions/${actionId}/indicators/new?q=POVERTY+children`);
    expect(found.body).toContain(TITLE);
    const none = await lead.get(`/partnerships/${pid}/actions/${actionId}/indicators/new?q=housing`);
    expect(none.body).not.toContain(`<option value="${SLUG}"`);
    expect(none.body).toContain("No indicator's name contains");
  });

  test.for([
    ["a target with no baseline", { baseline: "", baselinePeriod: "" }, "baseline", "a target needs a baseline"],
    [
      "a target date before the baseline ends",
      { targetDate: "01/03/2021" },
      "targetDate",
      "after the end of the baseline period (31 March 2021)",
    ],
    [
      "a baseline without its period",
      { baselinePeriod: "" },
      "baselinePeriod",
      "Enter the period the baseline value is for",
    ],
    [
      "a baseline period that is not a period",
      { baselinePeriod: "last year" },
      "baselinePeriod",
      "Enter the baseline period like",
    ],
    ["a target without a date", { targetDate: "" }, "targetDate", "Enter the date the target is to be met by"],
    ["no indicator", { indicatorRef: "" }, "indicatorRef", "Select the indicator"],
    [
      "an indicator with no values for the area",
      { indicatorRef: ELSEWHERE_SLUG },
      "indicatorRef",
      "Select an indicator that has values for Northby",
    ],
    [
      "a slug typed in that is not in the catalogue",
      { indicatorRef: "made-up-slug" },
      "indicatorRef",
      "has values for Northby",
    ],
  ] as const)("rejects %s, naming the field, and saves nothing", async ([, fields, field, message], { db }) => {
    const response = await lead.post(`/partnerships/${pid}/actions/${actionId}/indicators/new`, form(fields));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("govuk-error-summary");
    expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain(message);
    expect(await linksOf(db, actionId)).toHaveLength(0);
  });

  test("a viewer may not add one", async ({ db }) => {
    const response = await viewer.post(`/partnerships/${pid}/actions/${actionId}/indicators/new`, form({}));
    expect(response.statusCode).toBe(403);
    expect(await linksOf(db, actionId)).toHaveLength(0);
  });

  test("saves the chosen indicator under its catalogue name, audited", async ({ db, database }) => {
    const response = await lead.post(`/partnerships/${pid}/actions/${actionId}/indicators/new`, form({}));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/partnerships/${pid}/actions/${actionId}`);
    const [link] = await linksOf(db, actionId);
    expect(link).toMatchObject({
      indicatorRef: SLUG,
      label: TITLE,
      baseline: 30,
      baselinePeriod: "2020/21",
      target: 20,
      targetDate: "2025-03-31",
    });
    expect(await auditActions(database, pid)).toContain("action.indicator.create");
  });
});

describe("measuring against the store", () => {
  test("the action page shows the latest value, source, chart and table, and off track", async () => {
    const page = await viewer.get(`/partnerships/${pid}/actions/${actionId}`);
    expect(page.statusCode).toBe(200);
    // 2023/24 ends three years (1,096 of 1,461 days) along the line from 30 to 20: about 22.5; 25 is worse.
    expect(page.body).toContain('data-measure-status="off-track"');
    expect(page.body).toContain("25.0% in 2023/24");
    expect(page.body).toContain("the trajectory was at 22.5%");
    expect(page.body).toContain("Measure test publisher, Measure test dataset");
    expect(page.body).toContain("Trajectory to target");
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(page.body).toContain("How progress against indicators is judged");
  });

  test("a new value on the line turns it on track, on the page and the dashboard", async ({ db }) => {
    await importYear(db, "2024/25", 19.5);
    const page = await lead.get(`/partnerships/${pid}/actions/${actionId}`);
    expect(page.body).toContain('data-measure-status="on-track"');
    expect(page.body).toContain("19.5% in 2024/25");
    const dashboard = await lead.get(`/partnerships/${pid}/monitoring`);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Measured against indicators (1)");
    expect(dashboard.body).toContain('data-measure-status="on-track"');
    expect(dashboard.body).toContain("Money advice in schools");
  });

  test("a baseline in the latest period has no new data yet", async () => {
    const saved = await lead.post(
      `/partnerships/${pid}/actions/${secondAction}/indicators/new`,
      form({ baseline: "19.5", baselinePeriod: "2024/25", target: "15", targetDate: "31/03/2028" }),
    );
    expect(saved.statusCode).toBe(303);
    const page = await lead.get(`/partnerships/${pid}/actions/${secondAction}`);
    expect(page.body).toContain('data-measure-status="no-new-data"');
    expect(page.body).toContain("No new data since the baseline");
  });

  test("an indicator typed as a slug before the catalogue existed still shows", async ({ db }) => {
    await db.insert(actionIndicators).values({
      partnershipId: pid,
      actionId: secondAction,
      indicatorRef: "legacy-typed-slug",
      label: "Legacy indicator",
      baseline: null,
      baselinePeriod: "",
      target: 10,
      targetDate: null,
    });
    const page = await lead.get(`/partnerships/${pid}/actions/${secondAction}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Legacy indicator");
    expect(page.body).toContain("Not in the indicator catalogue");
    expect(page.body).toContain('data-measure-status="not-measured"');
    const dashboard = await lead.get(`/partnerships/${pid}/monitoring`);
    expect(dashboard.body).toContain("Measured against indicators (3)");
  });
});
