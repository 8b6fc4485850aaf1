/**
 * The wide upload's column-mapping page in real Chromium: axe (WCAG 2.2 AA), one h1 and a clean
 * console on the mapping page, its error state, and the check page it leads to.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { TEST_PASSWORD } from "../helpers/test-app.ts";
import { newPage, runAxe, signInThroughForm } from "./harness/browser.ts";
import { servedAppTest as test } from "./harness/fixtures.ts";
import { areaInputs } from "../helpers/areas.ts";

let partnershipId: string;
let leadId: string;

describe("wide upload column mapping in Chromium", () => {
  test.beforeAll(async ({ database, fixtures }) => {
    const org = await fixtures.organisation("Darlington Borough Council");
    partnershipId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
    leadId = (await fixtures.user("lead@example.org", org.id, { roles: [[partnershipId, "lead"]] })).id;
    await upsertAreas(database.db, areaInputs("E06000005:Darlington", "E06000001:Hartlepool"));
  }, 300_000);

  test("has no axe violations on the mapping page, its errors, the check page and the import's job page", async ({
    browser,
    database,
    origin,
  }) => {
    const page = await newPage(browser);
    const messages: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") messages.push(message.text());
    });
    expect(await signInThroughForm(page, origin, "lead@example.org", TEST_PASSWORD)).toBeNull();
    const check = async () => {
      expect(await page.locator("h1").count()).toBe(1);
      expect(await runAxe(page)).toEqual([]);
    };
    const file = path.join(await mkdtemp(path.join(tmpdir(), "cpah-wide-")), "wide.csv");
    await writeFile(file, "Area code,Children in low income (%),Notes\nE06000005,22.4,\nE06000001,[c],small\n");
    await page.goto(`${origin}/partnerships/${partnershipId}/data/import`);
    await page.getByLabel("Wide CSV", { exact: false }).check();
    await page.setInputFiles("#file", file);
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.waitForURL(/\/map$/);
    expect(await page.title()).toContain("Choose what each column holds");
    await check();

    await page.getByRole("button", { name: "Check the values" }).click();
    expect(await page.locator(".govuk-error-summary").count()).toBe(1);
    await check();

    await page.fill("#period", "2022/23");
    await page.selectOption("#use-1", "new");
    await page.selectOption("#unit-1", "percentage");
    await page.getByRole("button", { name: "Check the values" }).click();
    expect(await page.locator("h1").textContent()).toContain("Check the file before importing");
    await check();
    await page.getByRole("button", { name: "Confirm import" }).click();
    // The job's page: the banner at once, or when its script sees the job end and reloads.
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("wide.csv was imported");
    await check();

    // A job running on another node (its row beating), followed live by the page's script.
    const [job] = (
      (await database.db.execute(sql`insert into import_jobs (partnership_id, user_id, upload_ref, kind, file_name, node_id,
        status, stage, rows_done, rows_total) values (${partnershipId}, ${leadId}, 'e2e', 'tidy', 'wide.csv', 'another-node',
        'running', 'writing', 250, 1000) returning id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    await page.goto(`${origin}/partnerships/${partnershipId}/data/import/jobs/${job!.id}`);
    expect(await page.locator("[data-job-field=rowsText]").textContent()).toBe("250 of 1,000");
    await check();
    await database.db.execute(sql`update import_jobs set rows_done = 600, heartbeat_at = now() where id = ${job!.id}`);
    await page.locator("[data-job-announce]", { hasText: "Writing the values: 60% done" }).waitFor();
    expect(await page.locator("[data-job-field=rowsText]").textContent()).toBe("600 of 1,000");
    await database.db.execute(sql`update import_jobs set status = 'done', stage = 'finished', rows_done = 1000, finished_at = now(),
      batch_id = (select max(id) from import_batches) where id = ${job!.id}`);
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("wide.csv was imported");
    // The error state answers 400, which Chromium logs; nothing else may appear (CSP violations included).
    expect(messages.filter((m) => !m.includes("status of 400"))).toEqual([]);
    expect(messages.filter((m) => m.includes("status of 400"))).toHaveLength(1);
  }, 120_000);
});
