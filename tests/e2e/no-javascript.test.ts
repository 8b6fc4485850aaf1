import { describe, expect } from "vitest";
import { signInThroughForm } from "./harness/browser.ts";
import { demoAppTest } from "./harness/fixtures.ts";

const test = demoAppTest.extend("contextOptions", { scope: "file" }, { javaScriptEnabled: false });

describe("without JavaScript", () => {
  test("signs in and reaches the dashboard, and signs out", async ({ running, page }) => {
    const person = running.signIns[0]!;
    await page.goto(`${running.origin}/`);
    // The template's inline script marks the body when scripts run; here it must not have.
    expect(await page.locator("body.govuk-frontend-supported").count()).toBe(0);
    expect(await signInThroughForm(page, running.origin, person.email, person.password)).toBeNull();
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect(page.locator("h1").textContent()).resolves.toContain("Your partnerships");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/signed-out");
    await page.goto(`${running.origin}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  test("shows the error summary for an empty sign-in form", async ({ running, page }) => {
    await page.goto(`${running.origin}/sign-in`);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(response?.status()).toBe(400);
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter an email address");
    expect(await page.title()).toMatch(/^Error: /);
  });
});
