import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { demoPartnerships } from "../../src/demo/seed/index.ts";
import { expectClean } from "./harness/accessibility.ts";
import { NO_PAGE_PROBLEMS, newPage, openSection, pageProblems, signInThroughForm } from "./harness/browser.ts";
import { crawl } from "./harness/crawl.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

// Collective prioritisation of funding in Chromium: the demo's decided round passes axe, and a new
// round goes the whole way — five member organisations' representatives score it blind, the lead
// closes it, the ranking, the sensitivity chart with its table and the decision show, and the
// chosen bids appear in the action plan with their budget lines. Every new page is checked with axe.

const darlington = demoPartnerships[0]!;
const people = [darlington.people.lead, darlington.people.editor, ...(darlington.representatives ?? [])];

async function expectAccessible(page: Page) {
  expect(await pageProblems(page), page.url()).toEqual(NO_PAGE_PROBLEMS);
}

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name }).click()]);
}

describe("prioritising funding", () => {
  test("the demo's decided round, its results and the new-round form pass axe", { timeout: 600_000 }, async ({
    running,
    page,
  }) => {
    const origin = await running.fresh();
    expect(
      await signInThroughForm(page, origin, darlington.people.lead.email, darlington.people.lead.password),
    ).toBeNull();
    await page.goto(`${origin}/dashboard`);
    const overview = await page.locator('main a[href^="/partnerships/"]').first().getAttribute("href");
    await page.goto(`${origin}${overview}`);
    await openSection(page, "Plan", "Prioritising funding");
    const section = new URL(page.url()).pathname;
    const report = await crawl(page, {
      label: "prioritisation pages",
      origin,
      start: [section!],
      maxPages: 8,
      // Only the domain's own pages: the rest of the site is the accessibility crawl's.
      leaveOut: /^\/(?!partnerships\/[0-9a-f-]{36}\/prioritisation)/,
    });
    expectClean(report);
    const visited = report.visited.map((visit) => new URL(visit.url).pathname);
    expect(visited.some((path) => path.endsWith("/results"))).toBe(true);
  });

  test("five representatives score, the lead closes and decides", { timeout: 900_000 }, async ({
    running,
    browser,
  }) => {
    const origin = await running.fresh();
    const as = async (person: (typeof people)[number]) => {
      const page = await newPage(browser);
      expect(await signInThroughForm(page, origin, person.email, person.password)).toBeNull();
      return page;
    };
    const lead = await as(darlington.people.lead);
    await lead.goto(`${origin}/dashboard`);
    const overview = await lead.locator('main a[href^="/partnerships/"]').first().getAttribute("href");
    await lead.goto(`${origin}${overview}/prioritisation/new`);
    await lead.getByLabel("Title").fill("E2E fund");
    await lead.getByLabel("Budget available").fill("100000");
    await lead.getByLabel("Financial year").fill("2026/27");
    await submit(lead, "Save");
    const roundUrl = new URL(lead.url()).pathname;
    expect(roundUrl).toMatch(/\/prioritisation\/[0-9a-f-]{36}$/);
    await expectAccessible(lead);

    for (const [title, cost] of [
      ["E2E breakfast club", "40000"],
      ["E2E advice line", "50000"],
      ["E2E bus passes", "30000"],
    ]) {
      await lead.goto(`${origin}${roundUrl}/options/new`);
      await lead.getByLabel("Title").fill(title!);
      await lead.getByLabel("Cost").fill(cost!);
      await lead.getByLabel("Lead organisation").selectOption({ index: 1 });
      await submit(lead, "Save");
    }
    // The set-up forms and the removal question pass axe too (the demo's round is past set-up).
    for (const form of ["options/new", "options/from-action", "criteria/new", "weights"]) {
      await lead.goto(`${origin}${roundUrl}/${form}`);
      await expectAccessible(lead);
    }
    await lead.goto(`${origin}${roundUrl}`);
    await lead.getByRole("link", { name: /Remove E2E bus passes/ }).click();
    await lead.waitForURL(/\/withdraw$/);
    await expectAccessible(lead);
    await lead.goto(`${origin}${roundUrl}`);
    await lead.getByRole("link", { name: /Change Cost/ }).click();
    await lead.waitForURL(/\/edit$/);
    await expectAccessible(lead);
    await lead.goto(`${origin}${roundUrl}/open`);
    await expectAccessible(lead);
    await submit(lead, "Open scoring");

    for (const [index, person] of people.entries()) {
      const page = index === 0 ? lead : await as(person);
      await page.goto(`${origin}${roundUrl}/score`);
      if (index === 0) {
        // An empty card is refused, naming the option and criterion; the error state passes axe too.
        await submit(page, "Save your organisation's scores");
        await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
          "for ‘E2E breakfast club’ on ‘Reach into priority families’",
        );
        await expectAccessible(page);
      }
      const inputs = page.locator('input[name^="score-"]');
      const count = await inputs.count();
      expect(count).toBe(15);
      for (let cell = 0; cell < count; cell += 1) {
        // Option 1 best, option 3 worst, whoever scores; every score within 1 to 4.
        const option = Math.floor(cell / 5);
        await inputs.nth(cell).fill(String(4 - option - (index % 2 === 1 && option === 1 ? 1 : 0)));
      }
      await page
        .locator('textarea[name^="comment-"]')
        .first()
        .fill(`Comment from organisation ${index + 1}`);
      await submit(page, "Save your organisation's scores");
      expect(new URL(page.url()).pathname).toBe(roundUrl);
      if (index > 0) await page.context().close();
    }
    await lead.goto(`${origin}${roundUrl}`);
    await expect(lead.locator("main").textContent()).resolves.toContain("5 of 8 member organisations");
    await lead.goto(`${origin}${roundUrl}/results`);
    await expect(lead.locator("main").textContent()).resolves.toContain("hidden until scoring closes");

    await lead.goto(`${origin}${roundUrl}/close`);
    await expectAccessible(lead);
    await submit(lead, "Close scoring and show the results");
    expect(new URL(lead.url()).pathname).toBe(`${roundUrl}/results`);
    const ranked = await lead
      .locator("tr[data-option]")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-option")));
    expect(ranked).toEqual(["E2E breakfast club", "E2E advice line", "E2E bus passes"]);
    await expect(lead.locator("figure svg").count()).resolves.toBe(1);
    await expect(lead.locator("main").textContent()).resolves.toContain("Chance of staying in the top 3");
    await expect(lead.locator("main").textContent()).resolves.toContain("Ranking when one weight changes");
    await expectAccessible(lead);

    await lead.goto(`${origin}${roundUrl}/decision`);
    await expectAccessible(lead);
    await submit(lead, "Record the decision");
    await expectAccessible(lead);
    await lead.getByLabel("Who decided").fill("Partnership board");
    await lead.getByLabel("Rationale").fill("Top two fit the budget");
    await lead.getByLabel("Where the money comes from").fill("Child poverty fund");
    await submit(lead, "Record the decision");
    expect(new URL(lead.url()).pathname).toBe(roundUrl);
    await expect(lead.locator("main").textContent()).resolves.toContain("Top two fit the budget");
    await expectAccessible(lead);

    await lead.goto(`${origin}${overview}/actions`);
    const plan = (await lead.locator("main").textContent()) ?? "";
    expect(plan).toContain("E2E breakfast club");
    expect(plan).toContain("E2E advice line");
    expect(plan).not.toContain("E2E bus passes");
    await lead.getByRole("link", { name: "E2E breakfast club" }).first().click();
    await expect(lead.locator("main").textContent()).resolves.toContain("40,000");
    await lead.context().close();
  });
});
