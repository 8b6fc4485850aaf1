import { describe, expect } from "vitest";
import { newPage, signInThroughForm } from "./harness/browser.ts";
import { crawl } from "./harness/crawl.ts";
import { expectClean } from "./harness/accessibility.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

// The data-sharing register as the first demo partnership's lead sees it, in Chromium: the review
// reminder on the attention list, and every data-sharing page and form (submitted empty once)
// checked with axe. Everything outside the register is the accessibility crawl's.
const KEPT = /^\/(dashboard|attention|partnerships\/[0-9a-f-]{36}(\/data-sharing(\/.*)?)?)$/;

describe("data-sharing agreements in the browser", () => {
  test("the lead sees the review reminder, and the register's pages pass axe", { timeout: 600_000 }, async ({
    running,
    browser,
  }) => {
    const lead = running.signIns.find((person) => person.email === "darlington.lead@example.org")!;
    const origin = await running.fresh();
    const page = await newPage(browser);
    expect(await signInThroughForm(page, origin, lead.email, lead.password)).toBeFalsy();
    await page.goto(`${origin}/attention`);
    const group = page.getByRole("heading", { name: /Data-sharing agreements due for review \(1\)/ });
    await expect(group.isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: /free school meals records \(demo\)/ }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("free school meals");
    await expect(page.getByText("The review of this agreement is due by").isVisible()).resolves.toBe(true);

    const report = await crawl(page, {
      label: `${lead.role} (${lead.email}), data sharing`,
      origin,
      start: ["/attention", new URL(page.url()).pathname.replace(/\/[0-9a-f-]{36}$/, "")],
      maxPages: 40,
      maxRepeatsPerPattern: 0,
      leaveOut: new RegExp(`^(?!${KEPT.source.slice(1, -1)}$)`),
    });
    expect(report.visited.filter((visit) => visit.url.includes("/data-sharing")).length).toBeGreaterThan(6);
    expectClean(report);
    await page.context().close();
  });
});
