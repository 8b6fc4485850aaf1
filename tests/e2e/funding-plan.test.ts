import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, firstPartnershipOf } from "./harness/accessibility.ts";
import { type RunningApp, startApp } from "./harness/app.ts";
import { launchBrowser, newPage, signInThroughForm } from "./harness/browser.ts";
import { crawl } from "./harness/crawl.ts";

// The multi-year funding plan as the first demo partnership's lead sees it: the budgets pages and
// every page they link within budgets (plan, stream and allocation forms, removal pages) pass axe,
// and the demo plan shows its carry-forward and its gap. A short crawl of its own, so the plan is
// checked without the whole partnership crawl.

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  running = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe("multi-year funding plan", () => {
  it("is axe-clean, and shows the demo's carry-forward, lapse and gap", { timeout: 600_000 }, async () => {
    const first = firstPartnershipOf(running.signIns);
    const lead = running.signIns.find((person) => person.partnership === first && person.role === "Lead");
    expect(lead).toBeDefined();
    const page = await newPage(browser);
    expect(await signInThroughForm(page, running.origin, lead!.email, lead!.password)).toBeNull();
    await page.goto(`${running.origin}/dashboard`);
    const overview = await page.locator('main a[href^="/partnerships/"]').first().getAttribute("href");
    const report = await crawl(page, {
      label: "funding plan",
      origin: running.origin,
      start: [`${overview}/budgets`, `${overview}/budgets/plan`],
      maxPages: 12,
      leaveOut: /^(?!\/partnerships\/[0-9a-f-]{36}\/budgets)/,
    });
    expectClean(report);
    expect(report.visited.map((visit) => new URL(visit.url).pathname)).toContain(`${overview}/budgets/plan`);

    await page.goto(`${running.origin}${overview}/budgets/plan`);
    const text = (await page.locator("main").textContent())!.replace(/\s+/g, " ");
    expect(text).toContain("Family wellbeing fund (fictional)");
    expect(text).toContain("£10,000.00 more allocated than available");
    expect(text).toContain("unallocated money lapses at the end of each year");
    expect(await page.locator("main svg[role='img']").count()).toBe(1);
  });
});
