/**
 * The needs assessment pages in real Chromium with axe (WCAG 2.2 AA): the draft with charts,
 * tables, findings, evidence and SWOT; every add/change form, one shown with errors; and the
 * public publication page, read without signing in.
 */
import { describe, expect } from "vitest";
import { linkParents, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { needsPublications, seedNeedsAssessmentDemo } from "../../src/cycle/needs-assessment/index.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import {
  consoleProblems,
  NO_PAGE_PROBLEMS,
  newPage,
  pageProblems,
  runAxe,
  signInThroughForm,
} from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";
import { areaInput as area } from "../helpers/areas.ts";

let partnershipId: string;

describe("needs assessment in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    await upsertAreas(database.db, [
      area("E06000001", "Hartlepool"),
      area("E05000001", "Ward One"),
      area("E05000002", "Ward Two"),
    ]);
    await linkParents(
      database.db,
      ["E05000001", "E05000002"].map((child) => ({ child, parent: "E06000001", relation: "local-authority" })),
    );
    const csv =
      "area_code,period,indicator,value,unit_of_measure\n" +
      "E06000001,2014/15,demo-children-low-income-count,4200,count\nE06000001,2021/22 (p),demo-children-low-income-count,6072,count\n" +
      "E05000001,2021/22 (p),demo-children-low-income-count,3,count\nE05000002,2021/22 (p),demo-children-low-income-count,6069,count\n";
    const report = await runImport(database.db, {
      importer: importerFor("tidy")!,
      file: sourceFromBytes("cilif.csv", Buffer.from(csv)),
      options: { disclosure: "small-count", publisher: "DWP", dataset: "Children in low income families" },
      dryRun: false,
      audit: { actorUserId: null, actorLabel: "e2e-needs" },
    });
    expect(report.errors).toEqual([]);
    const org = await fixtures.organisation("Hartlepool Council");
    const partnership = await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool");
    partnershipId = partnership.id;
    await fixtures.user("lead@example.org", org.id, { roles: [[partnershipId, "lead"]] });
    // The demo content (its first panel has data: the demo count indicator was imported above) and one publication.
    await seedNeedsAssessmentDemo(
      database.db,
      partnership,
      { actorUserId: null, actorLabel: "e2e-needs" },
      { publishFirst: true },
    );
  }, 300_000);

  test("has no axe violations on the draft, its forms (with and without errors) and the public publication", async ({
    database,
    browser,
    origin,
  }) => {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    expect(await signInThroughForm(page, origin, "lead@example.org", TEST_PASSWORD)).toBeNull();
    const base = `${origin}/partnerships/${partnershipId}/needs-assessment`;
    const urls = [
      base,
      `${base}/sections/context/narrative`,
      `${base}/sections/financial-support/panels/new`,
      `${base}/sections/financial-support/findings/new`,
      `${base}/sections/financial-support/qualitative/new`,
      `${base}/services/new`,
      `${base}/swot/new`,
      `${base}/other-assessments/new`,
      `${base}/review-date`,
    ];
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect(await pageProblems(page), url).toEqual(NO_PAGE_PROBLEMS);
    }
    await page.goto(base);
    expect(await page.locator("[data-sentence]").count()).toBeGreaterThan(0);
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(0);

    // A form sent empty: the error summary and field errors must pass too.
    await page.goto(`${base}/sections/financial-support/qualitative/new`);
    await page.locator("form[novalidate] button").click();
    await page.waitForLoadState();
    expect(await page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);

    const [publication] = await database.db.select().from(needsPublications);
    const anonymous = await newPage(browser);
    const response = await anonymous.goto(`${origin}/published/needs-assessments/${publication!.id}`);
    expect(response?.status()).toBe(200);
    expect(await anonymous.locator("h1").count()).toBe(1);
    expect(await runAxe(anonymous)).toEqual([]);
    // The one 400 is the empty form above, sent on purpose; anything else is a real problem.
    expect(messages.filter((text) => !/status of 400/.test(text))).toEqual([]);
    expect(messages.filter((text) => /status of 400/.test(text))).toHaveLength(1);
  });
});
