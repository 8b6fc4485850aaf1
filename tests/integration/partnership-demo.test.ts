import { describe, expect } from "vitest";
import { seedBudgetsDemo } from "../../src/cycle/budgets/index.ts";
import { seedGovernanceDemo } from "../../src/cycle/governance/index.ts";
import { seedMeetingsDemo } from "../../src/cycle/meetings/index.ts";
import { seedFeedbackDemo } from "../../src/national/national/index.ts";
import { addMember } from "../helpers/partnership-fixtures.ts";
import { appTest as test } from "../helpers/app-test.ts";

let p: { id: string };

test.beforeAll(async ({ database, db, fixtures }) => {
  const org = await fixtures.organisation("Demo Improvement Service", "national-body");
  p = await fixtures.partnership("Demoshire Partnership", "scotland", "S12000060", "Demoshire");
  const members: string[] = [];
  for (const [name, type] of [
    ["Demoshire Council", "council"],
    ["NHS Demoshire", "health-board"],
    ["Demoshire Advice", "advice-agency"],
  ] as const) {
    members.push((await addMember(database, p.id, name, type)).id);
  }
  const coordinator = await fixtures.user("coordinator@demo.example", org.id, { nations: ["scotland"] });
  await fixtures.user("lead@demo.example", org.id, { roles: [[p.id, "lead"]] });
  await db.transaction(async (tx) => {
    await seedGovernanceDemo(tx, { id: p.id, nation: "scotland", areaName: "Demoshire" });
    await seedMeetingsDemo(tx, p.id, members);
    await seedBudgetsDemo(tx, p.id, members);
    await seedFeedbackDemo(tx, p.id, { userId: coordinator.id, name: coordinator.name });
  });
});

describe("demo seeding for the partnership pages", () => {
  test("gives the national coordinator a populated national view and the lead an attention list", async ({
    signIn,
  }) => {
    const coordinator = await signIn("coordinator@demo.example");
    const national = await coordinator.get("/national/scotland");
    expect(national.body).toContain("Demoshire Partnership");
    expect(national.body).toMatch(/govuk-table__cell--numeric">6</);
    const lead = await signIn("lead@demo.example");
    const attention = await lead.get("/attention");
    expect(attention.body).toContain("Meetings needing minutes (1)");
    expect(attention.body).toContain("Map advice services offered in GP practices");
    expect(attention.body).toContain("Income maximisation");
    expect((await lead.get(`/partnerships/${p.id}/cooperation`)).body).toContain(
      "Every statutory partner authority is represented",
    );
    expect((await lead.get(`/partnerships/${p.id}/budgets`)).body).toContain("Totals by financial year");
  });
});
