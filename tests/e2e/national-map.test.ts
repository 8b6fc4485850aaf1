/**
 * The national view's report-status map in real Chromium: axe (WCAG 2.2 AA) with real ONS
 * boundaries from ../shared/data and without any (the "no boundaries loaded" state), one h1,
 * a clean console (the inline SVG and its patterns must not trip the CSP).
 */
import path from "node:path";
import { expect } from "vitest";
import { loadDemoBoundaries } from "../../src/cli/demo-command.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { consoleProblems, newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";
import { describeWithSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const file = path.join(dataDir, "geography", "uk-local-authorities-topo.json");

describeWithSharedData(file)("national report-status map in Chromium", () => {
  test.beforeAll(async ({ fixtures }) => {
    const org = await fixtures.organisation("National Body", "national-body");
    await fixtures.partnership("Dundee Partnership", "scotland", "S12000042", "Dundee City");
    await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington");
    await fixtures.partnership("Old Bucks Partnership", "england", "E10000002", "Buckinghamshire");
    await fixtures.user("coordinator@example.org", org.id, { nations: ["england", "scotland"] });
  }, 300_000);

  test("has no axe violations without and with boundaries, and a clean console", async ({
    database,
    browser,
    origin,
  }) => {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    expect(await signInThroughForm(page, origin, "coordinator@example.org", TEST_PASSWORD)).toBeNull();
    let response = await page.goto(`${origin}/national/scotland`);
    expect(response?.status()).toBe(200);
    expect(await page.getByText("No local authority boundaries have been loaded").count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);

    await loadDemoBoundaries(database.db, file);
    for (const nation of ["scotland", "england"]) {
      response = await page.goto(`${origin}/national/${nation}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator("svg.app-map-svg path").count()).toBeGreaterThan(30);
      expect(await page.locator("h1").count()).toBe(1);
      expect(await runAxe(page)).toEqual([]);
    }
    expect(messages).toEqual([]);
  }, 120_000);
});
