import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actions, evidenceCoverage } from "../../src/cycle/actions/index.ts";
import { actionUpdates } from "../../src/cycle/monitoring/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { addMembers, auditActions, idFromLocation } from "../helpers/strategy-fixtures.ts";
import { appTest as test } from "../helpers/app-test.ts";

let scot: string;
let eng: string;
let twin: string;
let lead: TestClient;
let orgs: string[];

/** The HTML from `start` to the next h2 (or the next `end` marker). */
function section(html: string, start: string, end = "<h2"): string {
  const from = html.indexOf(start);
  if (from < 0) throw new Error(`No section "${start}"`);
  const next = html.indexOf(end, from + start.length);
  return html.slice(from, next < 0 ? undefined : next);
}

test.beforeAll(async ({ database, db, signIn, fixtures }) => {
  orgs = [];
  for (const [name, type] of [
    ["Kelvinside Council", "council"],
    ["NHS Kelvinside", "health-board"],
    ["Kelvinside Jobcentre Plus", "jobcentre-plus"],
    ["Kelvinside Citizens Advice", "advice-agency"],
  ]) {
    orgs.push((await fixtures.organisation(name!, type)).id);
  }
  scot = (await fixtures.partnership("Kelvinside Partnership", "scotland", "S12000046", "Kelvinside")).id;
  twin = (await fixtures.partnership("Kelvinside Twin", "scotland", "S12000046", "Kelvinside")).id;
  eng = (await fixtures.partnership("Northby Partnership", "england", "E06000001", "Northby")).id;
  for (const id of [scot, twin, eng]) await addMembers(database, id, orgs);
  await fixtures.user("lead@kelvinside.example", orgs[0]!, {
    roles: [
      [scot, "lead"],
      [eng, "lead"],
    ],
  });
  lead = await signIn("lead@kelvinside.example");
  await buildDemoStrategy(db, { partnershipId: scot, financialYear: 2024 });
  await buildDemoStrategy(db, { partnershipId: twin, financialYear: 2024 });
}, 240_000); // two demo plans of ~1,000 audited writes each: slow on a busy 2-core machine

describe("the demo strategy builder", () => {
  test("builds 40+ actions spread over drivers and partners, with a year of quarterly updates", async ({ db }) => {
    const rows = await db.select().from(actions).where(eq(actions.partnershipId, scot));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const drivers = new Set(rows.flatMap((row) => row.drivers.map((code) => code.split(":")[0])));
    expect(drivers).toEqual(new Set(["employment", "costs", "social-security"]));
    // Each action is led by the member whose work it is (src/demo/strategy/action-leads.ts): all four kinds here lead some.
    expect(new Set(rows.map((row) => row.leadOrganisationId))).toEqual(new Set(orgs));
    expect(rows.some((row) => row.incomeMaximisation)).toBe(true);
    expect(rows.some((row) => row.protectedCharacteristics)).toBe(true);
    const periods = await db
      .selectDistinct({ period: actionUpdates.period })
      .from(actionUpdates)
      .where(eq(actionUpdates.partnershipId, scot));
    expect(periods.map((row) => row.period).sort()).toEqual(["2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4"]);
    const [audits] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.partnershipId, scot), eq(auditLog.action, "action.update_reported")));
    expect(Number(audits!.count)).toBeGreaterThan(120);
  });

  test("is deterministic: the same options give the same plan and updates", async ({ db }) => {
    const shape = async (id: string) =>
      db
        .select({
          ref: actions.reference,
          title: actions.title,
          period: actionUpdates.period,
          status: actionUpdates.status,
          pc: actionUpdates.percentComplete,
        })
        .from(actionUpdates)
        .innerJoin(actions, eq(actions.id, actionUpdates.actionId))
        .where(eq(actionUpdates.partnershipId, id))
        .orderBy(actions.reference, actionUpdates.period);
    expect(await shape(twin)).toEqual(await shape(scot));
  });

  test("refuses a partnership that already has a strategy", async ({ db }) => {
    await expect(buildDemoStrategy(db, { partnershipId: scot, financialYear: 2024 })).rejects.toThrow(
      "already has a strategy",
    );
  });
});

describe("strategy pages", () => {
  test("show the vision, priorities with their evidence, sign-off and related strategies", async () => {
    const page = await lead.get(`/partnerships/${scot}/strategy`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Maximise family incomes and benefit take-up");
    expect(page.body).toContain("Children in relative low income families");
    expect(page.body).toContain("Signed off");
    expect(page.body).toContain("Elected member");
    expect(page.body).toContain("https://www.example.org/loip");
  });

  test("flag a priority with no actions and an action with no evidence", async ({ db }) => {
    const created = await lead.post(`/partnerships/${scot}/strategy/priorities/new`, { title: "Transport to work" });
    expect(created.statusCode).toBe(303);
    const page = await lead.get(`/partnerships/${scot}/strategy`);
    expect(section(page.body, "Transport to work", 'class="app-card"')).toContain("No actions");
    expect(section(page.body, "Maximise family incomes", 'class="app-card"')).not.toContain("No actions");
    const list = await lead.get(`/partnerships/${scot}/actions`);
    expect(list.body).toContain("No evidence linked");
    const first = (
      await db
        .select()
        .from(actions)
        .where(and(eq(actions.partnershipId, scot), eq(actions.reference, "A06")))
    )[0]!;
    const unlinked = await lead.get(`/partnerships/${scot}/actions/${first.id}`);
    expect(section(unlinked.body, "Evidence it answers")).toContain("No evidence linked");
    const linked = await lead.post(`/partnerships/${scot}/actions/${first.id}/evidence/new`, {
      kind: "indicator",
      referenceId: "cilif-relative-under-16",
      label: "Children in relative low income",
    });
    expect(linked.statusCode).toBe(303);
    const detail = await lead.get(`/partnerships/${scot}/actions/${first.id}`);
    expect(detail.body).toContain("Children in relative low income");
    expect(section(detail.body, "Evidence it answers")).not.toContain("No evidence linked");
  });

  test("show from the evidence side which priorities and actions answer a need, and which need has none", async ({
    db,
  }) => {
    // The demo strategy cites the demo's fictional low-income indicator.
    const [cilif, missing] = await evidenceCoverage(db, scot, [
      { kind: "indicator", referenceId: "demo-children-low-income-percentage" },
      { kind: "indicator", referenceId: "no-such-need" },
    ]);
    expect(cilif!.priorities.map((row) => row.title)).toEqual(["Maximise family incomes and benefit take-up"]);
    expect(cilif!.actions.length).toBeGreaterThan(5);
    expect(cilif!.actions.some((row) => row.direct)).toBe(true);
    expect(cilif!.actions.some((row) => !row.direct)).toBe(true);
    expect(missing!.priorities).toEqual([]);
    expect(missing!.actions).toEqual([]);
    // Another partnership's links never count.
    const [foreign] = await evidenceCoverage(db, eng, [
      { kind: "indicator", referenceId: "demo-children-low-income-percentage" },
    ]);
    expect(foreign!.actions).toEqual([]);
  });

  test("validate the strategy forms: 400, errors named, nothing saved", async ({ database }) => {
    const before = await auditActions(database, eng);
    const badYears = await lead.post(`/partnerships/${eng}/strategy/edit`, {
      startYear: "2025",
      endYear: "2024",
      vision: "",
      status: "signed-off",
    });
    expect(badYears.statusCode).toBe(400);
    expect(badYears.body).toContain("The last year must be after the first year");
    expect(badYears.body).toContain("Enter the shared vision");
    const noSignOff = await lead.post(`/partnerships/${eng}/strategy/edit`, {
      startYear: "2025",
      endYear: "2028",
      vision: "V",
      status: "signed-off",
    });
    expect(noSignOff.statusCode).toBe(400);
    expect(noSignOff.body).toContain("Record who signed off the strategy before marking it signed off");
    expect(await auditActions(database, eng)).toEqual(before);
    expect(
      (
        await lead.post(`/partnerships/${eng}/strategy/edit`, {
          startYear: "2025",
          endYear: "2028",
          vision: "V",
          status: "draft",
        })
      ).statusCode,
    ).toBe(303);
    const badLink = await lead.post(`/partnerships/${eng}/strategy/related/new`, {
      name: "Plan",
      relationship: "x",
      url: "javascript:alert(1)",
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain("Enter the link as a full web address starting with https://");
    const badDate = await lead.post(`/partnerships/${eng}/strategy/sign-offs/new`, {
      name: "Leader",
      role: "board",
      signedOn: "30/02/2025",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("The date of sign-off must be a real date");
    expect(await auditActions(database, eng)).toEqual([...before, "strategy.create"]);
  });
});

describe("the monitoring dashboard", () => {
  test("lists overdue, off-track and missing actions and rolls up by building block", async () => {
    await lead.post(`/partnerships/${eng}/strategy/priorities/new`, { title: "Parents into work" });
    const make = async (title: string, endDate: string, drivers: string[]) =>
      idFromLocation(
        await lead.post(`/partnerships/${eng}/actions/new`, {
          title,
          leadOrganisationId: orgs[0]!,
          startDate: "01/04/2024",
          endDate,
          drivers,
        }),
      );
    const overdue = await make("Overdue pilot", "31/12/2024", ["place"]);
    const red = await make("Struggling service", "31/03/2030", ["financial-support"]);
    const updated = await make("Healthy service", "31/03/2030", ["financial-support", "employment-skills"]);
    await make("Silent service", "31/03/2030", ["life-chances"]);
    const period = "2025/26 Q1";
    const post = (id: string, fields: Record<string, string>) =>
      lead.post(`/partnerships/${eng}/actions/${id}/updates/new`, { period, percentComplete: "20", ...fields });
    expect((await post(overdue, { status: "green" })).statusCode).toBe(303);
    expect((await post(red, { status: "red", reason: "No staff" })).statusCode).toBe(303);
    expect((await post(updated, { status: "green", spendToDatePence: "1,000", familiesReached: "7" })).statusCode).toBe(
      303,
    );
    const page = await lead.get(`/partnerships/${eng}/monitoring?period=${encodeURIComponent(period)}`);
    expect(page.statusCode).toBe(200);
    const overdueSection = section(page.body, "Overdue:");
    expect(overdueSection).toContain("Overdue pilot");
    expect(overdueSection).not.toContain("Healthy service");
    const offTrack = section(page.body, "Off track:");
    expect(offTrack).toContain("Struggling service");
    expect(offTrack).toContain("No staff");
    expect(offTrack).not.toContain("Healthy service");
    const missing = section(page.body, "Missing an update for");
    expect(missing).toContain("Silent service");
    expect(missing).not.toContain("Healthy service");
    expect(missing).not.toContain("Overdue pilot");
    const byBlock = page.body.slice(page.body.indexOf("By building block"));
    const financial = /<th scope="row" class="govuk-table__header">Financial support<\/th>([\s\S]*?)<\/tr>/.exec(
      byBlock,
    )![1]!;
    const cells = [...financial.matchAll(/>([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells.slice(0, 7)).toEqual(["2", "1", "0", "1", "0", "0", "20%"]);
    expect(cells).toContain("£1,000.00");
  });
});

describe("child poverty-proofing", () => {
  test("records an assessment with an effect on each building block and family type", async ({ database }) => {
    const partial = await lead.post(`/partnerships/${eng}/proofing/new`, {
      name: "Parking strategy",
      owner: "Highways",
      assessedOn: "01/05/2025",
      outcome: "Approved",
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain("Select the expected effect on place");
    expect(partial.body).toContain("Select the expected effect on lone parent families");
    const effects = Object.fromEntries(
      ["driver-financial-support", "driver-employment-skills", "driver-life-chances", "driver-place"].map((key) => [
        key,
        "neutral",
      ]),
    );
    for (const code of [
      "lone-parent",
      "minority-ethnic",
      "disability",
      "young-mother",
      "child-under-one",
      "larger-family",
    ]) {
      effects[`family-${code}`] = code === "larger-family" ? "negative" : "unknown";
    }
    const saved = await lead.post(`/partnerships/${eng}/proofing/new`, {
      name: "Parking strategy",
      owner: "Highways",
      assessedOn: "01/05/2025",
      outcome: "Approved with a family permit discount",
      mitigations: "Family permit discount",
      ...effects,
    });
    expect(saved.statusCode).toBe(303);
    const list = await lead.get(`/partnerships/${eng}/proofing`);
    expect(list.body).toContain("Parking strategy");
    expect(list.body).toContain("Family permit discount");
    expect(await auditActions(database, eng)).toContain("proofing.create");
  });
});
