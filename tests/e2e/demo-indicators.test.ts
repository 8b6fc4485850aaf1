/**
 * The demo's fictional indicator set in real Chromium: the Darlington profile and needs
 * assessment, now with charts comparing the area with its region and nation, pass axe
 * (WCAG 2.2 AA) with one h1 and a clean console.
 */
import { describe, expect } from "vitest";
import { type DemoSignIn, seedDemo } from "../../src/demo/seed/index.ts";
import { newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

let signIns: DemoSignIn[];

describe("demo indicator pages in Chromium", () => {
  test.beforeAll(async ({ database }) => {
    signIns = await seedDemo(database);
  }, 600_000);

  test("has no axe violations on the Darlington profile, needs assessment and report with the demo data", async ({
    browser,
    origin,
  }) => {
    const lead = signIns.find((s) => s.role === "Lead" && s.partnership?.includes("Darlington"))!;
    const page = await newPage(browser);
    const messages: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") messages.push(message.text());
    });
    expect(await signInThroughForm(page, origin, lead.email, lead.password)).toBeNull();
    await page.goto(`${origin}/dashboard`);
    const href = await page.locator('a[href^="/partnerships/"]').first().getAttribute("href");
    const id = /\/partnerships\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;
    const check = async (what: string) => {
      expect(await page.locator("h1").count(), what).toBe(1);
      expect(await runAxe(page), what).toEqual([]);
    };
    for (const path of ["profile", "needs-assessment"]) {
      const response = await page.goto(`${origin}/partnerships/${id}/${path}`);
      expect(response?.status(), path).toBe(200);
      await check(path);
    }
    expect(await page.locator("[data-sentence]").first().textContent()).toContain("In the same period");
    // The year's report draws indicator progress from the same data.
    await page.goto(`${origin}/partnerships/${id}/reports`);
    await check("reports");
    const report = await page.locator('a[href*="/reports/"]').first().getAttribute("href");
    expect(report).toBeTruthy();
    await page.goto(`${origin}${report}`);
    await check("report");
    expect(messages).toEqual([]);
  }, 180_000);
});
