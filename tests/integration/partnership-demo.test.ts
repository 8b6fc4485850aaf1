import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBudgetsDemo } from "../../src/cycle/budgets/index.ts";
import { seedGovernanceDemo } from "../../src/cycle/governance/index.ts";
import { seedMeetingsDemo } from "../../src/cycle/meetings/index.ts";
import { seedFeedbackDemo } from "../../src/national/national/index.ts";
import { addMember } from "../helpers/partnership-fixtures.ts";
import { createTestApp, fixtures, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let p: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const org = await fixtures.organisation(t.database, "Demo Improvement Service", "national-body");
  p = await fixtures.partnership(t.database, "Demoshire Partnership", "scotland", "S12000060", "Demoshire");
  const members: string[] = [];
  for (const [name, type] of [
    ["Demoshire Council", "council"],
    ["NHS Demoshire", "health-board"],
    ["Demoshire Advice", "advice-agency"],
  ] as const) {
    members.push((await addMember(t.database, p.id, name, type)).id);
  }
  const coordinator = await fixtures.user(t.database, "coordinator@demo.example", org.id, { nations: ["scotland"] });
  await fixtures.user(t.database, "lead@demo.example", org.id, { roles: [[p.id, "lead"]] });
  await t.database.db.transaction(async (tx) => {
    await seedGovernanceDemo(tx, { id: p.id, nation: "scotland", areaName: "Demoshire" });
    await seedMeetingsDemo(tx, p.id, members);
    await seedBudgetsDemo(tx, p.id, members);
    await seedFeedbackDemo(tx, p.id, { userId: coordinator.id, name: coordinator.name });
  });
});
afterAll(() => t.close());

describe("demo seeding for the partnership pages", () => {
  it("gives the national coordinator a populated national view and the lead an attention list", async () => {
    const coordinator = t.client();
    await coordinator.signIn("coordinator@demo.example");
    const national = await coordinator.get("/national/scotland");
    expect(national.body).toContain("Demoshire Partnership");
    expect(national.body).toMatch(/govuk-table__cell--numeric">6</);
    const lead = t.client();
    await lead.signIn("lead@demo.example");
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
