import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, firstPartnershipOf } from "./harness/accessibility.ts";
import { type RunningApp, startApp } from "./harness/app.ts";
import { launchBrowser, newPage, signInThroughForm } from "./harness/browser.ts";
import { crawl } from "./harness/crawl.ts";

// The kernel's remove-with-confirmation page (kernel/forms/delete-route.ts): Remove is a link to it,
// never a one-click post. Checked with axe, then used as a lead would.

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

describe("removing with confirmation", () => {
  it("asks about a priority (axe-clean), and removes it only after Yes, with a success message", async () => {
    const first = firstPartnershipOf(running.signIns);
    const lead = running.signIns.find((person) => person.partnership === first && person.role === "Lead");
    expect(lead).toBeDefined();
    const page = await newPage(browser);
    expect(await signInThroughForm(page, running.origin, lead!.email, lead!.password)).toBeNull();
    await page.goto(`${running.origin}/dashboard`);
    const overview = await page.locator('main a[href^="/partnerships/"]').first().getAttribute("href");
    await page.goto(`${running.origin}${overview}/strategy`);
    const card = page.locator(".app-card", { has: page.locator("ul.app-actions-list") }).first();
    expect(await card.locator('form[action$="/delete"]').count()).toBe(0);
    const removal = await card.locator('ul.app-actions-list a[href$="/delete"]').first().getAttribute("href");
    expect(removal).toMatch(/^\/partnerships\/[0-9a-f-]{36}\/strategy\/priorities\/[0-9a-f-]{36}\/delete$/);
    const title = (await card.locator("h3").textContent())!.replace(/^\d+\.\s*/, "").trim();

    const report = await crawl(page, {
      label: "confirmation page",
      origin: running.origin,
      start: [removal!],
      maxPages: 1,
    });
    expectClean(report);
    await page.goto(`${running.origin}${removal}`);
    await expect(page.locator("h1").textContent()).resolves.toContain(
      `Are you sure you want to remove the priority “${title}”?`,
    );

    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page.locator("body").textContent()).resolves.toContain(title);

    await page.goto(`${running.origin}${removal}`);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Yes, remove it" }).click()]);
    expect(new URL(page.url()).pathname).toBe(`${overview}/strategy`);
    await expect(page.locator(".govuk-notification-banner--success").textContent()).resolves.toContain(
      "Your changes have been saved",
    );
    await expect(page.locator("main").textContent()).resolves.not.toContain(title);
    const gone = await page.goto(`${running.origin}${removal}`);
    expect(gone?.status()).toBe(404);
    await page.context().close();
  });
});
