import { describe, expect } from "vitest";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { currentReportingYear } from "../../src/kernel/time.ts";
import { listPartnershipsWhere } from "../../src/workspace/partnerships/index.ts";
import { reports, reportStatuses } from "../../src/cycle/reports/index.ts";
import { appTest as test } from "../helpers/app-test.ts";

test.beforeAll(async ({ database }) => {
  await seedDemo(database);
}, 240_000);

describe("the demo's reports", () => {
  test("gives every demo partnership the last reporting year's report and publishes Scotland's LCPAR", async ({
    db,
    client,
  }) => {
    const year = currentReportingYear(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()),
    );
    const all = await listPartnershipsWhere(db, { all: true });
    // The three full demo partnerships each have the year's report; the national hub's lighter
    // Scottish and second partnerships vary on purpose (published, drafted or none).
    const partnerships = all.filter((row) => ["E06000005", "S12000042", "W06000011"].includes(row.areaCode));
    expect(partnerships).toHaveLength(3);
    const rows = await db.select().from(reports);
    const withReport = new Set(rows.map((row) => row.partnershipId));
    for (const row of partnerships) expect(withReport.has(row.id), row.name).toBe(true);
    expect(withReport.size).toBeLessThan(all.length);
    expect(rows.every((row) => row.reportingYear === year)).toBe(true);
    const statuses = await reportStatuses(
      db,
      partnerships.map((row) => row.id),
      year,
    );
    const scottish = partnerships.find((row) => row.nation === "scotland")!;
    expect(statuses.get(scottish.id)!.state).toBe("published");

    const anonymous = client();
    const index = await anonymous.get("/published");
    const link = /href="(\/published\/reports\/[0-9a-f-]{36})"/.exec(index.body);
    expect(link).not.toBeNull();
    const published = await anonymous.get(link![1]!);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain("Local Child Poverty Action Report");
    expect(published.body).toContain("fictional");
    expect(index.body).toMatch(/href="\/published\/strategies\/[0-9a-f-]{36}"/);
  });
});
