/**
 * Localities and comparison groups in real Chromium with the real geography from ../shared/data:
 * axe (WCAG 2.2 AA), one h1 and a clean console on the list, the form (with its error summary),
 * a locality, a comparison group and the area profile compared with the group.
 */
import path from "node:path";
import { expect } from "vitest";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { consoleProblems, newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;

let partnershipId: string;
let unknownAreaId: string;

describeWithSharedData(path.join(dataDir, "geography", "lsoa11-ward19-lad19-lookup.csv"))(
  "localities and comparison groups in Chromium",
  () => {
    test.beforeAll(async ({ database, fixtures }) => {
      const wanted = new Set([
        "geography-topology",
        "ltla-lookup",
        "code-changes",
        "lsoa-lookup",
        "neighbours",
        "statxplore",
      ]);
      const imported = await importSharedData(
        database.db,
        (step) =>
          wanted.has(step.kind) || path.basename(step.file) === "iod2019-file6-population-denominators-lsoa11.csv",
        "e2e-localities",
      );
      for (const { step, report } of imported) expect(report.errors, step.file).toEqual([]);
      const org = await fixtures.organisation("Darlington Borough Council");
      partnershipId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
      // An area the geography does not hold: the pages must say so plainly (and stay accessible).
      unknownAreaId = (await fixtures.partnership("Newland Partnership", "england", "E06000099", "Newland")).id;
      await fixtures.user("lead@example.org", org.id, {
        roles: [
          [partnershipId, "lead"],
          [unknownAreaId, "lead"],
        ],
      });
    }, 300_000);

    test("has no axe violations on every new page, the form's error state included", async ({ browser, origin }) => {
      const page = await newPage(browser);
      const messages = consoleProblems(page);
      expect(await signInThroughForm(page, origin, "lead@example.org", TEST_PASSWORD)).toBeNull();
      const check = async () => {
        expect(await page.locator("h1").count()).toBe(1);
        expect(await runAxe(page)).toEqual([]);
      };
      const base = `${origin}/partnerships/${partnershipId}`;
      await page.goto(`${base}/localities`);
      await check();

      await page.goto(`${base}/localities/new`);
      await check();
      await page.fill("#name", "Town centre");
      await page.fill("#codes", "E01012304\nE01000001");
      await page.getByRole("button", { name: "Save locality" }).click();
      await page.waitForLoadState();
      expect(await page.locator(".govuk-error-summary").textContent()).toContain(
        "Not small areas of Darlington: E01000001",
      );
      await check();
      await page.fill("#codes", "E01012304\nE01012305");
      await page.getByRole("button", { name: "Save locality" }).click();
      await page.waitForURL(/\/localities\/[\w-]+$/);
      await check();

      await page.goto(`${base}/localities`);
      await page.getByRole("button", { name: /geographic neighbours/ }).click();
      await page.waitForURL(/\/comparison-groups\/[\w-]+$/);
      const groupUrl = page.url();
      await check();
      await page.goto(`${base}/profile?group=${groupUrl.split("/").at(-1)}`);
      expect(await page.locator("[data-group]").count()).toBe(1);
      await check();

      const unknown = `${origin}/partnerships/${unknownAreaId}`;
      await page.goto(`${unknown}/localities/new`);
      expect(await page.getByText("is not in the geography yet").count()).toBe(1);
      await check();
      await page.goto(`${unknown}/localities`);
      await page.getByRole("button", { name: /geographic neighbours/ }).click();
      await page.waitForLoadState();
      expect(await page.locator(".govuk-error-summary").textContent()).toContain("is not in the geography yet");
      await check();
      // The two 400s are the invalid posts above, answered as they should be.
      expect(messages.filter((m) => !m.includes("status of 400"))).toEqual([]);
      expect(messages.filter((m) => m.includes("status of 400"))).toHaveLength(2);
    }, 120_000);
  },
);
