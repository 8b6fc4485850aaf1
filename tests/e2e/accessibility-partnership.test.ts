import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./harness/app.ts";
import { launchBrowser } from "./harness/browser.ts";
import { crawlAsEach, firstPartnershipOf, peopleToCrawl } from "./harness/accessibility.ts";

// The accessibility crawl, second half: every role in the demo's first partnership (lead,
// editor, viewer). A file of its own so it runs beside accessibility.test.ts on CI's two cores.

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
  it("passes for every demo sign-in of the first partnership", { timeout: 1_500_000 }, async () => {
    const first = firstPartnershipOf(running.signIns);
    const people = peopleToCrawl(running.signIns).filter((person) => first && person.partnership === first);
    // E2E_ONLY may name someone outside this partnership; otherwise there must be people here.
    if (!process.env.E2E_ONLY) expect(people.length).toBeGreaterThan(0);
    const failures = await crawlAsEach(running, browser, people);
    expect(failures, `\n${failures.join("\n\n")}\n`).toEqual([]);
  });
});
