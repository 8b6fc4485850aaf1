/**
 * Data access and release times (issue 15) in real Chromium: axe (WCAG 2.2 AA), one h1 and a
 * clean console on the list, the tier form and the release-time form, their error states
 * included, and a saved restricted tier shown on the list.
 */
import { expect } from "vitest";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { consoleProblems, newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

const SLUG = "e2e-access-count";
let partnershipId: string;
let batchId: number;

test.beforeAll(async ({ database, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  partnershipId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  await fixtures.user("lead@example.org", org.id, { roles: [[partnershipId, "lead"]] });
  const report = await runImport(database.db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(
      `${SLUG}.csv`,
      Buffer.from(`area_code,period,indicator,value,measure\nE06000005,2024/25,${SLUG},37,count\n`),
    ),
    options: { disclosure: "small-count", publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "e2e" },
    partnershipId,
  });
  expect(report.errors).toEqual([]);
  batchId = report.batchId!;
}, 300_000);

test("has no axe violations on the access pages, error states included", async ({ browser, origin }) => {
  const page = await newPage(browser);
  const messages = consoleProblems(page);
  expect(await signInThroughForm(page, origin, "lead@example.org", TEST_PASSWORD)).toBeNull();
  const check = async () => {
    expect(await page.locator("h1").count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
  };
  const base = `${origin}/partnerships/${partnershipId}/data/access`;
  await page.goto(base);
  await check();
  await page.goto(`${base}/indicators/${SLUG}`);
  await check();
  await page.check("input[name=tier][value=restricted]");
  await page
    .getByRole("button")
    .filter({ hasText: /Save|Continue/ })
    .first()
    .click();
  expect(await page.locator(".govuk-error-summary").count()).toBe(1);
  await check();
  await page.locator("input[name=userIds]").first().check();
  await page
    .getByRole("button")
    .filter({ hasText: /Save|Continue/ })
    .first()
    .click();
  await page.waitForURL(base);
  expect(await page.content()).toContain("Restricted");
  await check();
  await page.goto(`${base}/batches/${batchId}`);
  await check();
  await page.fill("#releaseDate", "1/7/2099");
  await page.fill("#releaseTime", "25:00");
  await page
    .getByRole("button")
    .filter({ hasText: /Save|Continue/ })
    .first()
    .click();
  expect(await page.locator(".govuk-error-summary").count()).toBe(1);
  await check();
  // The two forms sent with errors answer 400 (GOV.UK error pages do): nothing else may be logged.
  expect(messages.filter((message) => !message.includes("status of 400"))).toEqual([]);
  expect(messages).toHaveLength(2);
  await page.close();
});
