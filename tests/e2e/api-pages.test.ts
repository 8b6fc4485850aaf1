/**
 * The API docs page and the API tokens page in real Chromium: axe (WCAG 2.2 AA), one h1, a
 * clean console, the tokens page with a token just created (shown once), in its list, revoked,
 * and with the form's error summary.
 */
import { describe, expect } from "vitest";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { NO_PAGE_PROBLEMS, newPage, pageProblems, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";

describe("API pages in Chromium", () => {
  test.beforeAll(async ({ fixtures }) => {
    const org = await fixtures.organisation("Newland Council");
    await fixtures.user("analyst@example.org", org.id);
  }, 120_000);

  test("has no axe violations on /api and /account/api-tokens in every state", async ({ browser, origin }) => {
    const page = await newPage(browser);
    const messages: string[] = [];
    page.on("console", (message) => {
      // The empty form's 400 re-render is logged as a failed load; its status is asserted below instead.
      if (message.text().startsWith("Failed to load resource: the server responded with a status of 400")) return;
      if (message.type() === "error" || message.type() === "warning") messages.push(message.text());
    });
    const check = async () => {
      expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    };

    // Signed out: the docs page is public and linked from the footer.
    await page.goto(`${origin}/`);
    await page.locator(".govuk-footer__link", { hasText: /^\s*API\s*$/ }).click();
    expect(new URL(page.url()).pathname).toBe("/api");
    await check();

    expect(await signInThroughForm(page, origin, "analyst@example.org", TEST_PASSWORD)).toBeNull();
    await page.goto(`${origin}/api`);
    await check();
    await page.getByRole("link", { name: "API tokens" }).first().click();
    expect(new URL(page.url()).pathname).toBe("/account/api-tokens");
    await check();

    // Empty form: the error summary and field errors.
    const [invalid] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Create token" }).click(),
    ]);
    expect(invalid.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.locator(".govuk-error-summary").count()).toBe(1);
    await check();

    await page.getByLabel("Name").fill("Dashboard refresh");
    await page.getByLabel("30 days").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.locator("[data-new-token]").inputValue();
    expect(secret).toMatch(/^cpah_/);
    await check();

    // The token works against the API, then is revoked from the list.
    const ok = await fetch(`${origin}/api/v1/indicators`, { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status).toBe(200);
    await page.goto(`${origin}/account/api-tokens`);
    expect(await page.content()).not.toContain(secret);
    await page.getByRole("button", { name: "Revoke Dashboard refresh" }).click();
    expect(
      await page.locator("tr", { hasText: "Dashboard refresh" }).locator("td", { hasText: "Revoked" }).count(),
    ).toBe(1);
    await check();
    const refused = await fetch(`${origin}/api/v1/indicators`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
    expect(messages).toEqual([]);
  });
});
