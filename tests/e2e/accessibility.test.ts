import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./harness/app.ts";
import { launchBrowser, newPage } from "./harness/browser.ts";
import { crawl } from "./harness/crawl.ts";
import {
  crawlAsEach,
  expectClean,
  firstPartnershipOf,
  MAX_PAGES,
  MISSING_PAGE,
  PAGES_NOT_BUILT_YET,
  peopleToCrawl,
  REPEATS_PER_PATTERN,
} from "./harness/accessibility.ts";

// The accessibility crawl, first half: someone not signed in, and every person chosen by
// peopleToCrawl outside the demo's first partnership (administrator, coordinators, other
// frameworks' leads). accessibility-partnership.test.ts crawls the first partnership's people.

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

describe("accessibility crawl", () => {
  it("passes for someone not signed in, including the 404 page", async () => {
    const page = await newPage(browser);
    const report = await crawl(page, {
      label: "anonymous",
      origin: running.origin,
      start: ["/", "/sign-in", MISSING_PAGE],
      maxPages: MAX_PAGES,
      maxRepeatsPerPattern: REPEATS_PER_PATTERN,
      tolerated4xx: [MISSING_PAGE, ...PAGES_NOT_BUILT_YET],
    });
    const missing = report.visited.find((visit) => visit.url.endsWith(MISSING_PAGE));
    expect(missing?.status).toBe(404);
    expect(report.visited.length).toBeGreaterThanOrEqual(4);
    // The sign-in form submitted empty must show the error summary state (a 400 re-render).
    expect(report.formsSubmitted.some((form) => form.action.startsWith("POST /sign-in") && form.status === 400)).toBe(
      true,
    );
    expectClean(report);
    await page.context().close();
  });

  // Up to MAX_PAGES pages for each person: allow for a large demo on a busy machine.
  it("passes for every demo sign-in outside the first partnership", { timeout: 1_500_000 }, async () => {
    const first = firstPartnershipOf(running.signIns);
    const people = peopleToCrawl(running.signIns).filter((person) => person.partnership !== first || !first);
    // E2E_ONLY may name someone of the first partnership; otherwise there must be people here.
    if (!process.env.E2E_ONLY) expect(people.length).toBeGreaterThan(0);
    const failures = await crawlAsEach(running, browser, people);
    expect(failures, `\n${failures.join("\n\n")}\n`).toEqual([]);
  });
});
