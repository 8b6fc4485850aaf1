import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { currentReportingYear } from "../../src/national/national/index.ts";
import { listPartnershipsWhere } from "../../src/workspace/partnerships/index.ts";
import { reports, reportStatuses } from "../../src/cycle/reports/index.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database);
}, 240_000);
afterAll(() => t.close());

describe("the demo's reports", () => {
  it("gives every demo partnership the last reporting year's report and publishes Scotland's LCPAR", async () => {
    const year = currentReportingYear(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()),
    );
    const partnerships = await listPartnershipsWhere(t.database.db, { all: true });
    const rows = await t.database.db.select().from(reports);
    expect(new Set(rows.map((row) => row.partnershipId))).toEqual(new Set(partnerships.map((row) => row.id)));
    expect(rows.every((row) => row.reportingYear === year)).toBe(true);
    const statuses = await reportStatuses(
      t.database.db,
      partnerships.map((row) => row.id),
      year,
    );
    const scottish = partnerships.find((row) => row.nation === "scotland")!;
    expect(statuses.get(scottish.id)!.state).toBe("published");

    const anonymous = t.client();
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
