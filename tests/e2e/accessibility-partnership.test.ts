import { describe, expect } from "vitest";
import { crawlAsEach, peopleToCrawl } from "./harness/accessibility.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

// The accessibility crawl, second half: the partnership people peopleToCrawl chooses (the first
// partnership's lead and viewer; the lead of each other reporting framework with E2E_FRAMEWORKS=1), in one call so
// a form already submitted empty by one is not submitted again by the next. A file of its own so
// it runs beside accessibility.test.ts on CI's two cores; the halves take about as long.

describe("accessibility crawl", () => {
  test("passes for every partnership person chosen", { timeout: 1_500_000 }, async ({ running, browser }) => {
    const people = peopleToCrawl(running.signIns).filter((person) => person.partnership);
    // E2E_ONLY may name someone of no partnership; otherwise there must be people here.
    if (!process.env.E2E_ONLY) expect(people.length).toBeGreaterThan(0);
    const failures = await crawlAsEach(running, browser, people);
    expect(failures, `\n${failures.join("\n\n")}\n`).toEqual([]);
  });
});
