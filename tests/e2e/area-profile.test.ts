/**
 * The area profile with real data (Darlington, Stat-Xplore and IoD2019 from ../shared/data) in
 * real Chromium: axe (WCAG 2.2 AA) on the page with charts, tables and the small-area map, and
 * on the empty state. The crawl in accessibility.test.ts only sees the demo data's profiles.
 */
import path from "node:path";
import { expect } from "vitest";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { consoleProblems, newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;

let darlingtonId: string;
let emptyId: string;

describeWithSharedData(path.join(dataDir, "README.md"))("area profile in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    const wanted = new Set([
      "geography-topology",
      "ltla-lookup",
      "code-changes",
      "lsoa-lookup",
      "neighbours",
      "statxplore",
    ]);
    const iod = ["iod2019-file3-idaci-idaopi-lsoa11.csv", "iod2019-file6-population-denominators-lsoa11.csv"];
    await importSharedData(
      database.db,
      (step) =>
        wanted.has(step.kind) ||
        (step.kind === "iod" && iod.includes(path.basename(step.file))) ||
        (step.kind === "lsoa-boundaries" && path.basename(step.file) === "E06000005.json"),
      "e2e-profile",
    );
    const org = await fixtures.organisation("Darlington Borough Council");
    darlingtonId = (
      await fixtures.partnership("Darlington Child Poverty Partnership", "england", "E06000005", "Darlington")
    ).id;
    emptyId = (await fixtures.partnership("Newland Partnership", "england", "E06000099", "Newland")).id;
    await fixtures.user("viewer@example.org", org.id, {
      roles: [
        [darlingtonId, "viewer"],
        [emptyId, "viewer"],
      ],
    });
  }, 300_000);

  test("has no axe violations with data and in the empty state, and a clean console", async ({ browser, origin }) => {
    const page = await newPage(browser);
    const messages = consoleProblems(page);
    expect(await signInThroughForm(page, origin, "viewer@example.org", TEST_PASSWORD)).toBeNull();
    for (const id of [darlingtonId, emptyId]) {
      const response = await page.goto(`${origin}/partnerships/${id}/profile`);
      expect(response?.status()).toBe(200);
      expect(await page.locator("h1").count()).toBe(1);
      expect(await runAxe(page)).toEqual([]);
    }
    expect(messages).toEqual([]);
  });
});
