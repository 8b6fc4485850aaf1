import { describe, expect } from "vitest";
import { crawl } from "./harness/crawl.ts";
import {
  crawlAsEach,
  expectClean,
  MAX_PAGES,
  MISSING_PAGE,
  PAGES_NOT_BUILT_YET,
  peopleToCrawl,
  REPEATS_PER_PATTERN,
} from "./harness/accessibility.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

// The accessibility crawl, first half: someone not signed in, and every person chosen by
// peopleToCrawl who belongs to no partnership (administrator, coordinators, national partners).
// accessibility-partnership.test.ts crawls the partnership people.

describe("accessibility crawl", () => {
  test("passes for someone not signed in, including the 404 page", async ({ running, page }) => {
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
  });

  // Up to MAX_PAGES pages for each person: allow for a large demo on a busy machine.
  test("passes for every person of no partnership", { timeout: 1_500_000 }, async ({ running, browser }) => {
    const people = peopleToCrawl(running.signIns).filter((person) => !person.partnership);
    // E2E_ONLY may name someone of a partnership; otherwise there must be people here.
    if (!process.env.E2E_ONLY) expect(people.length).toBeGreaterThan(0);
    const failures = await crawlAsEach(running, browser, people);
    expect(failures, `\n${failures.join("\n\n")}\n`).toEqual([]);
  });
});
