/**
 * The report pages in real Chromium: axe (WCAG 2.2 AA), one h1 and a clean console on the
 * partnership's report list, a drafted LCPAR with its completeness check, the narrative and
 * sign-off forms, and the public pages (index, published report, published strategy) signed out.
 */
import { describe, expect } from "vitest";
import { reportPublications } from "../../src/cycle/reports/index.ts";
import { strategies } from "../../src/cycle/strategy/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { addMembers } from "../helpers/strategy-fixtures.ts";
import {
  consoleProblems,
  NO_PAGE_PROBLEMS,
  newPage,
  pageProblems,
  runAxe,
  signInThroughForm,
} from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

let partnershipId: string;

describe("report pages in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    const council = await fixtures.organisation("Glenmore Council", "council");
    const board = await fixtures.organisation("NHS Glenmore", "health-board");
    partnershipId = (await fixtures.partnership("Glenmore Partnership", "scotland", "S12000048", "Glenmore")).id;
    await addMembers(database, partnershipId, [council.id, board.id]);
    await fixtures.user("lead@glenmore.example", council.id, { roles: [[partnershipId, "lead"]] });
    await buildDemoStrategy(database.db, { partnershipId, financialYear: 2024, actions: 10 });
  }, 300_000);

  test("has no axe violations on the report pages, signed in and signed out", async ({ database, browser, origin }) => {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    const check = async (url: string) => {
      const response = await page.goto(`${origin}${url}`);
      expect(response?.status(), url).toBe(200);
      expect(await pageProblems(page), url).toEqual(NO_PAGE_PROBLEMS);
    };
    expect(await signInThroughForm(page, origin, "lead@glenmore.example", TEST_PASSWORD)).toBeNull();
    const base = `/partnerships/${partnershipId}/reports`;
    await check(base);
    await check(`${base}/new`);
    await page.getByLabel("Local Child Poverty Action Report").check();
    await page.getByLabel("Reporting year (1 April to 31 March)").selectOption("2024/25");
    await page.getByRole("button", { name: "Create report" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportPath = new URL(page.url()).pathname;
    expect(await runAxe(page)).toEqual([]);
    await check(`${reportPath}/export.html`); // the accessible HTML download, linked from the page (the crawl visits it too)
    await check(`${reportPath}/sections/case-studies`);
    await page.getByLabel("Case studies").fill("A family helped by the money advice service (fictional).");
    await page.getByRole("button", { name: "Save narrative" }).click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await page.getByText("Your changes have been saved").waitFor();
    await check(`${reportPath}/sign-off`);
    await page.getByRole("button", { name: "Save" }).click(); // empty: the error summary page
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel("Name and title").fill("Cllr Glen");
    await page.getByLabel("Board").check();
    await page.getByLabel("Date signed off").fill("20/06/2025");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Publish this version" }).click();
    // Publishing asks first, with the completeness check: axe-clean, then Yes.
    await page.waitForURL(/\/publish$/);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, publish it" }).click();
    await page.waitForURL(/\/published\/reports\//);

    const [publication] = await database.db.select().from(reportPublications);
    const [strategy] = await database.db.select().from(strategies);
    const signedOut = await newPage(browser);
    for (const url of [
      "/published",
      `/published/reports/${publication!.id}`,
      `/published/reports/${publication!.id}/report.html`,
      `/published/strategies/${strategy!.id}`,
    ]) {
      const response = await signedOut.goto(`${origin}${url}`);
      expect(response?.status(), url).toBe(200);
      expect(await pageProblems(signedOut), url).toEqual(NO_PAGE_PROBLEMS);
    }
    // The PDF is printed as a job: its page (while printing, and once done) is checked like any
    // page, and the file it offers is a PDF. (The crawl leaves .pdf links alone.)
    const job = await signedOut.goto(`${origin}/published/reports/${publication!.id}/report.pdf`);
    expect(job?.status()).toBe(200);
    expect(new URL(signedOut.url()).pathname).toMatch(/^\/documents\/pdf\//);
    expect(await pageProblems(signedOut)).toEqual(NO_PAGE_PROBLEMS);
    await signedOut.getByRole("button", { name: "Download the PDF" }).waitFor({ timeout: 120_000 });
    expect(await pageProblems(signedOut)).toEqual(NO_PAGE_PROBLEMS);
    const href = await signedOut.getByRole("button", { name: "Download the PDF" }).getAttribute("href");
    const file = await signedOut.request.get(`${origin}${href}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The one 400 is the sign-off form submitted empty on purpose (its error page is checked above).
    expect(messages.filter((text) => !text.includes("status of 400"))).toEqual([]);
    expect(messages.filter((text) => text.includes("status of 400"))).toHaveLength(1);
  });
});
