import { describe, expect } from "vitest";
import { crawlAsEach, firstPartnershipOf, peopleToCrawl } from "./harness/accessibility.ts";
import { demoAppTest as test } from "./harness/fixtures.ts";

// The accessibility crawl, second half: every role in the demo's first partnership (lead,
// editor, viewer). A file of its own so it runs beside accessibility.test.ts on CI's two cores.

describe("accessibility crawl", () => {
  test("passes for every demo sign-in of the first partnership", { timeout: 1_500_000 }, async ({
    running,
    browser,
  }) => {
    const first = firstPartnershipOf(running.signIns);
    const people = peopleToCrawl(running.signIns).filter((person) => first && person.partnership === first);
    // E2E_ONLY may name someone outside this partnership; otherwise there must be people here.
    if (!process.env.E2E_ONLY) expect(people.length).toBeGreaterThan(0);
    const failures = await crawlAsEach(running, browser, people);
    expect(failures, `\n${failures.join("\n\n")}\n`).toEqual([]);
  });
});
