/**
 * Search within a partnership and the reporting-year pages in real Chromium: axe (WCAG 2.2 AA),
 * one h1 and a clean console on the search page (empty, with results, with no words to look for,
 * with a too-long query's error), and the report list and review feedback with their year select
 * and the lead's reply form — all without JavaScript-only controls.
 */
import { describe, expect } from "vitest";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { seedFeedbackDemo } from "../../src/national/national/demo.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { addMembers } from "../helpers/strategy-fixtures.ts";
import { consoleProblems, NO_PAGE_PROBLEMS, newPage, pageProblems, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

let partnershipId: string;

describe("search and reporting years in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    const council = await fixtures.organisation("Glenmore Council", "council");
    partnershipId = (await fixtures.partnership("Glenmore Partnership", "scotland", "S12000048", "Glenmore")).id;
    await addMembers(database, partnershipId, [council.id]);
    await fixtures.user("lead@glenmore.example", council.id, { roles: [[partnershipId, "lead"]] });
    await buildDemoStrategy(database.db, { partnershipId, financialYear: 2024, actions: 10 });
    await seedFeedbackDemo(database.db, partnershipId, { userId: null, name: "Scotland coordinator" });
  }, 300_000);

  test("has no axe violations", async ({ browser, origin }) => {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    const check = async (url: string, status = 200) => {
      const response = await page.goto(`${origin}${url}`);
      expect(response?.status(), url).toBe(status);
      expect(await pageProblems(page), url).toEqual(NO_PAGE_PROBLEMS);
    };
    expect(await signInThroughForm(page, origin, "lead@glenmore.example", TEST_PASSWORD)).toBeNull();
    const search = `/partnerships/${partnershipId}/search`;
    await check(search);
    // Typed into the form and sent as a plain GET, as without JavaScript.
    await page.getByLabel("Search actions, evidence, findings, meetings, reports and consultation").fill("advice");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/search\?q=advice$/);
    expect(await page.locator("mark").count()).toBeGreaterThan(0);
    expect(await pageProblems(page), "search results").toEqual(NO_PAGE_PROBLEMS);
    await check(`${search}?q=${encodeURIComponent("the & !!")}`);
    await check(`${search}?q=${"long ".repeat(60)}`, 400);
    const reports = `/partnerships/${partnershipId}/reports`;
    await check(reports);
    await check(`${reports}?year=all`);
    const feedback = `/partnerships/${partnershipId}/feedback`;
    await check(feedback);
    await page.getByLabel("Your reply on Income maximisation").fill("");
    await page.getByRole("button", { name: "Save reply on Income maximisation" }).click();
    expect(await page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await pageProblems(page), "reply error").toEqual(NO_PAGE_PROBLEMS);
    // The two 400s are the too-long query and the empty reply, both asked for above.
    expect(messages.filter((text) => !text.includes("status of 400"))).toEqual([]);
    expect(messages.filter((text) => text.includes("status of 400"))).toHaveLength(2);
  }, 300_000);
});
