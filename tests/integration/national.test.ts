import ExcelJS from "exceljs";
import { describe, expect } from "vitest";
import { addDays, londonToday, meetings } from "../../src/cycle/meetings/index.ts";
import { nationalView } from "../../src/national/national/national-service.ts";
import { noRecordsStatusSource, type PartnershipStatusSource } from "../../src/national/national/index.ts";
import { findPartnership } from "../../src/workspace/partnerships/index.ts";
import { addMember, auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

let north: { id: string };
let south: { id: string };
let glen: { id: string };
let england: TestClient;

test.beforeAll(async ({ database, db, signIn, fixtures }) => {
  const org = await fixtures.organisation("National Improvement Body", "national-body");
  north = await fixtures.partnership("Northtown Partnership", "england", "E06000090", "Northtown");
  south = await fixtures.partnership("=Southtown Partnership", "england", "E06000091", "Southtown");
  glen = await fixtures.partnership("Glenview Partnership", "scotland", "S12000090", "Glenview");
  for (const type of [
    "health-board",
    "jobcentre-plus",
    "police",
    "youth-offending-team",
    "probation",
    "transport-authority",
  ]) {
    await addMember(database, north.id, `Northtown ${type}`, type);
  }
  await addMember(database, south.id, "Southtown Police", "police");
  await db.insert(meetings).values([
    { partnershipId: north.id, title: "Partnership meeting", meetingDate: addDays(londonToday(), -30) },
    { partnershipId: north.id, title: "Partnership meeting", meetingDate: addDays(londonToday(), -400) },
  ]);
  await fixtures.user("coordinator@england.example", org.id, { nations: ["england"] });
  await fixtures.user("coordinator@scotland.example", org.id, { nations: ["scotland"] });
  await fixtures.user("lead@glenview.example", org.id, { roles: [[glen.id, "lead"]] });
  await fixtures.user("viewer@glenview.example", org.id, { roles: [[glen.id, "viewer"]] });
  england = await signIn("coordinator@england.example");
});

describe("national view", () => {
  test("shows a coordinator every partnership of their nation with gaps and meetings held", async () => {
    expect((await england.get("/national")).headers.location).toBe("/national/england");
    const page = await england.get("/national/england");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Northtown Partnership");
    expect(page.body).toContain("=Southtown Partnership");
    expect(page.body).not.toContain("Glenview");
    expect(page.body).toContain("Jobcentre Plus, Youth offending team, Probation, Transport authority");
    expect(page.body).toMatch(/govuk-table__cell--numeric">1</);
    expect(page.body).toContain("There is no statutory annual report deadline in England");
  });

  test("filters by coverage gaps and name", async () => {
    const withGaps = await england.get("/national/england?gaps=with-gaps");
    expect(withGaps.body).toContain("Southtown");
    expect(withGaps.body).not.toContain("Northtown Partnership");
    const search = await england.get("/national/england?q=north&status=bogus");
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain("Northtown Partnership");
    expect(search.body).not.toContain("Southtown");
  });

  test("exports CSV and XLSX safe against formula injection", async () => {
    const csv = await england.get("/national/england/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("'=Southtown Partnership");
    const xlsx = await england.get("/national/england/export.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names = sheet.getColumn(1).values.filter(Boolean) as string[];
    expect(names).toContain("'=Southtown Partnership");
    expect(names).toContain("Northtown Partnership");
    expect(sheet.getCell("M2").value).toBeTypeOf("number");
  });

  test("an England coordinator cannot see Scotland's view; Scotland's LCPAR is overdue after 30 June", async ({
    signIn,
  }) => {
    expect((await england.get("/national/scotland")).statusCode).toBe(403);
    expect((await england.get("/national/scotland/export.csv")).statusCode).toBe(403);
    expect((await england.get("/national/narnia")).statusCode).toBe(404);
    expect((await england.get(`/partnerships/${glen.id}/feedback`)).statusCode).toBe(404);
    const scotland = await signIn("coordinator@scotland.example");
    const page = await scotland.get("/national/scotland");
    expect(page.body).toContain("Glenview Partnership");
    expect(page.body).toMatch(/Reports are due by 30 June \d{4}/);
    const lead = await signIn("lead@glenview.example");
    expect((await lead.get("/national")).statusCode).toBe(403);
    expect((await lead.get("/national/scotland")).statusCode).toBe(403);
  });
});

describe("review feedback", () => {
  test("a coordinator leaves feedback that the lead sees; returning it puts it on the lead's attention list", async ({
    database,
    signIn,
  }) => {
    const scotland = await signIn("coordinator@scotland.example");
    const url = `/partnerships/${glen.id}/feedback`;
    const bad = await scotland.post(url, { section: "", comment: "x", status: "requested" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the report section");
    expect(await auditCount(database, "review-feedback.create", glen.id)).toBe(0);
    expect(
      (
        await scotland.post(url, {
          section: "Income maximisation",
          comment: "Say how many families were helped to apply.",
          status: "in-review",
        })
      ).statusCode,
    ).toBe(303);
    expect(await auditCount(database, "review-feedback.create", glen.id)).toBe(1);

    const lead = await signIn("lead@glenview.example");
    const seen = await lead.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain("Say how many families were helped to apply.");
    expect(seen.body).not.toContain("Add feedback");
    expect((await lead.post(url, { section: "x", comment: "y", status: "returned" })).statusCode).toBe(403);
    expect((await lead.get("/attention")).body).not.toContain("Income maximisation");

    const id = /feedback\/([0-9a-f-]{36})"/.exec((await scotland.get(url)).body)![1];
    expect((await scotland.post(`${url}/${id}`, { status: "returned" })).statusCode).toBe(303);
    expect(await auditCount(database, "review-feedback.status", glen.id)).toBe(1);
    expect((await lead.get("/attention")).body).toContain("Income maximisation");

    const viewer = await signIn("viewer@glenview.example");
    expect((await viewer.get(url)).statusCode).toBe(403);
  });
});

describe("status sources", () => {
  test("other domains plug in needs-assessment, strategy, report and action statuses", async ({ db }) => {
    const partnership = (await findPartnership(db, glen.id))!;
    const source: PartnershipStatusSource = {
      ...noRecordsStatusSource,
      async needsAssessments() {
        return new Map([
          [glen.id, { state: "published" as const, publishedOn: "2026-02-01", reviewDue: "2027-02-01" }],
        ]);
      },
      async strategyPeriods() {
        return new Map([[glen.id, { start: "2026", end: "2030" }]]);
      },
      async reports(_db, _ids, year) {
        expect(year).toBe("2025/26");
        return new Map([[glen.id, { state: "draft" as const, publishedOn: null, reportRef: null }]]);
      },
      async actionProfiles() {
        return new Map([
          [
            glen.id,
            {
              total: 3,
              byDriver: { "costs of living": 1, "income from employment": 2 },
              byFamilyType: { "lone parent families": 3 },
            },
          ],
        ]);
      },
    };
    const query = { status: "all" as const, gaps: "all" as const, q: "" };
    const before = await nationalView(db, source, "scotland", [partnership], query, "2026-06-30");
    expect(before.rows[0]).toMatchObject({
      needsAssessment: "Published 2026-02-01",
      needsAssessmentReviewDue: "2027-02-01",
      strategyPeriod: "2026 to 2030",
      reportStatus: "draft",
      actions: "3 actions",
      actionsByDriver: "income from employment 2, costs of living 1",
      actionsByFamilyType: "lone parent families 3",
    });
    const after = await nationalView(
      db,
      source,
      "scotland",
      [partnership],
      { ...query, status: "overdue" },
      "2026-07-01",
    );
    expect(after.rows.map((row) => row.reportStatus)).toEqual(["overdue"]);
    const none = await nationalView(db, noRecordsStatusSource, "scotland", [partnership], query, "2026-06-01");
    expect(none.rows[0]).toMatchObject({
      reportStatus: "not-started",
      needsAssessment: "Not started",
      actions: "No strategy actions recorded",
    });
  });
});
