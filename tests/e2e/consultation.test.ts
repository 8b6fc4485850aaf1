/**
 * Consultation end to end in Chromium on the seeded demo: a signed-out person finds the open
 * survey from the public pages and answers the young people's version without JavaScript; Exit
 * this page leads off-site (and Shift three times does the same with JavaScript); an editor
 * codes answers, links a theme to an action and publishes "you said, we did"; the public page,
 * the needs assessment and the report show it. axe (WCAG 2.2 AA) on every page on the way.
 */
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import type { RunningApp } from "./harness/app.ts";
import { NO_PAGE_PROBLEMS, newPage, openSection, pageProblems, signInThroughForm } from "./harness/browser.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

const editorOfFirst = (running: RunningApp) => running.signIns.find((person) => person.role === "Editor")!;

async function submit(page: Page, name: string) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  return response;
}

describe("consultation in Chromium", () => {
  test("takes a signed-out person from the public pages through the young people's survey without JavaScript", async ({
    browser,
    running,
  }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${running.origin}/`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Published reports and strategies" }).click(),
    ]);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Have your say", exact: true }).first().click(),
    ]);
    expect(new URL(page.url()).pathname).toBe("/have-your-say");
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole("link", { name: /Your views on help for families/ })
        .first()
        .click(),
    ]);
    const exit = page.locator(".govuk-exit-this-page a");
    const exitHref = await exit.getAttribute("href");
    expect(new URL(exitHref!).origin).not.toBe(running.origin);
    await expect(page.getByText("Where to get help now").count()).resolves.toBe(1);
    await page.getByLabel("Young people's version").check();
    await submit(page, "Start");
    // Page 1: the young people's wording; leaving the required question shows the error summary.
    await expect(page.locator("h1").textContent()).resolves.toContain("Your views on help for families");
    const missing = await submit(page, "Continue");
    expect(missing?.status()).toBe(400);
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Has your family had any help");
    await page.getByLabel("Yes", { exact: true }).check();
    await submit(page, "Continue");
    await page.getByLabel(/Yes, a lot/).check();
    await page.getByLabel(/What would make it easier to get help/).fill("A place to ask without feeling judged");
    await submit(page, "Continue");
    await expect(page.locator("h1").textContent()).resolves.toContain("Check your answers");
    await expect(page.locator(".govuk-summary-list").textContent()).resolves.toContain(
      "A place to ask without feeling judged",
    );
    await submit(page, "Send my answers");
    await expect(page.locator(".govuk-panel__title").textContent()).resolves.toContain("Your answers have been sent");
    expect(page.url()).not.toMatch(/token/);
    await page.context().close();
  });

  test("passes axe on the public pages and exits on Shift pressed three times", async ({ browser, running }) => {
    const page = await newPage(browser);
    await page.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }),
    );
    await page.goto(`${running.origin}/have-your-say`);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    const results = page.getByRole("link", { name: /Cost of the school day/ }).first();
    await Promise.all([page.waitForNavigation(), results.click()]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await expect(page.locator("main").textContent()).resolves.toContain("[c]");
    await expect(page.locator("main").textContent()).resolves.toContain("Who answered the survey");
    await expect(page.locator("main").textContent()).resolves.toMatch(
      /Green – on track|Amber – some risk|Red – off track|Complete|Not started|No progress reported yet/,
    );
    await page.goto(`${running.origin}/have-your-say`);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole("link", { name: /Your views on help for families/ })
        .first()
        .click(),
    ]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await page.getByLabel("Standard version").check();
    await submit(page, "Start");
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await submit(page, "Continue");
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await page.locator("body").click();
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await Promise.all([page.waitForURL(/bbc\.co\.uk/), page.keyboard.press("Shift")]);
    expect(new URL(page.url()).origin).not.toBe(running.origin);
    await page.context().close();
  });

  test("lets an editor code answers, link a theme to an action and publish you said, we did", async ({
    browser,
    running,
  }) => {
    const page = await newPage(browser);
    const editor = editorOfFirst(running);
    expect(await signInThroughForm(page, running.origin, editor.email, editor.password)).toBeNull();
    await page.goto(`${running.origin}/dashboard`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: editor.partnership! }).first().click(),
    ]);
    await openSection(page, "Evidence", "Consultation");
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Cost of the school day (fictional)" }).click(),
    ]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Responses and analysis" }).click()]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole("link", { name: /Read and code the answers/ })
        .first()
        .click(),
    ]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await page.locator('input[type="checkbox"]').nth(1).check();
    await submit(page, "Save the themes on this page");
    await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain("Themes saved");

    // A new engagement activity (a school session): its theme, a link to an action, published.
    await page.goto(page.url().replace(/\/consultation\/.*$/, "/consultation/new"));
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await page.getByLabel("Title").fill("Pupil panel on the school day");
    await page.getByLabel("Closed").check();
    await submit(page, "Save");
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Add a theme to the code frame" }).click(),
    ]);
    await page.getByLabel("Theme", { exact: true }).fill("Quiet places to do homework");
    await page.getByLabel("What the partnership did (“we did”)").fill("Libraries open a homework room after school.");
    await page.getByLabel("Mentions from sessions without the online survey").fill("6");
    await submit(page, "Save");
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    const select = page.getByLabel("Link to a finding, priority or action");
    const action = await select.locator("option", { hasText: "Action:" }).first().getAttribute("value");
    await select.selectOption(action!);
    await submit(page, "Add the link");
    await expect(page.locator("#links").locator("..").textContent()).resolves.toContain("Action:");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Back to the activity" }).click()]);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Publish “you said, we did”" }).click(),
    ]);
    await page
      .getByLabel("What the partnership did, in plain words")
      .fill("Pupils asked for quiet places to work; libraries now open a homework room.");
    await submit(page, "Publish");
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "the public page", exact: true }).click(),
    ]);
    expect(await pageProblems(page)).toEqual(NO_PAGE_PROBLEMS);
    await expect(page.locator("main").textContent()).resolves.toContain("Quiet places to do homework");
    // Six mentions: shown as [c].
    await expect(page.locator("main").textContent()).resolves.toContain("People who said this: [c]");
    await page.context().close();
  });

  test("shows what people said in the needs assessment and the report", async ({ browser, running }) => {
    const page = await newPage(browser);
    const lead = running.signIns.find((person) => person.role === "Lead")!;
    expect(await signInThroughForm(page, running.origin, lead.email, lead.password)).toBeNull();
    await page.goto(`${running.origin}/dashboard`);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: lead.partnership! }).first().click()]);
    const overview = page.url();
    await openSection(page, "Evidence", "Needs assessment");
    await expect(page.locator("#voices").locator("..").textContent()).resolves.toContain(
      "School uniform costs too much",
    );
    await page.goto(overview);
    await openSection(page, "Reporting", "Reports");
    await Promise.all([page.waitForNavigation(), page.locator("main table a").first().click()]);
    await expect(page.locator("main").textContent()).resolves.toContain("You said: School uniform costs too much");
    await page.context().close();
  });
});
