import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { partnershipGovernance } from "../../src/cycle/governance/tables.ts";
import { addMember, auditCount } from "../helpers/partnership-fixtures.ts";
import { appTest as test } from "../helpers/app-test.ts";

let england: { id: string };
let scotland: { id: string };

test.beforeAll(async ({ database, fixtures }) => {
  const org = await fixtures.organisation("Northshire Council", "council");
  england = await fixtures.partnership("Northshire Child Poverty Partnership", "england", "E06000099", "Northshire");
  scotland = await fixtures.partnership("Glenmore Child Poverty Partnership", "scotland", "S12000099", "Glenmore");
  await fixtures.user("lead@northshire.example", org.id, { roles: [[england.id, "lead"]] });
  await fixtures.user("viewer@northshire.example", org.id, { roles: [[england.id, "viewer"]] });
  await fixtures.user("lead@glenmore.example", org.id, { roles: [[scotland.id, "lead"]] });
  for (const [name, type] of [
    ["Northshire NHS", "health-board"],
    ["Northshire Police", "police"],
    ["Northshire YOT", "youth-offending-team"],
    ["Probation North", "probation"],
    ["Northshire Advice Centre", "advice-agency"],
  ] as const) {
    await addMember(database, england.id, name, type, type === "advice-agency" ? "Income maximisation" : "");
  }
  await addMember(database, scotland.id, "Glenmore Council", "council");
});

describe("duty to cooperate", () => {
  test("flags a missing Jobcentre Plus in England and clears when it joins", async ({ database, signIn }) => {
    const client = await signIn("lead@northshire.example");
    const before = await client.get(`/partnerships/${england.id}/cooperation`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toMatch(/not represented: [^<]*Jobcentre Plus/);
    expect(before.body).toContain("Income maximisation");
    await addMember(database, england.id, "Jobcentre Plus Northshire", "jobcentre-plus");
    const after = await client.get(`/partnerships/${england.id}/cooperation`);
    expect(after.body).not.toMatch(/not represented: [^<]*Jobcentre Plus/);
  });

  test("flags Scotland's missing health board and clears when it joins", async ({ database, signIn }) => {
    const client = await signIn("lead@glenmore.example");
    const before = await client.get(`/partnerships/${scotland.id}/cooperation`);
    expect(before.body).toContain("not represented: The health board");
    await addMember(database, scotland.id, "NHS Glenmore", "health-board");
    const after = await client.get(`/partnerships/${scotland.id}/cooperation`);
    expect(after.body).toContain("Every statutory partner authority is represented");
  });

  test("a member of another partnership gets 404", async ({ signIn }) => {
    const client = await signIn("lead@glenmore.example");
    expect((await client.get(`/partnerships/${england.id}/cooperation`)).statusCode).toBe(404);
    expect((await client.get(`/partnerships/${england.id}/governance`)).statusCode).toBe(404);
  });
});

describe("partnership record", () => {
  test("a lead saves it, sanitising the terms of reference, with an audit entry", async ({ database, db, signIn }) => {
    const client = await signIn("lead@northshire.example");
    const response = await client.post(`/partnerships/${england.id}/governance`, {
      authorityType: "county-council",
      reportsTo: "Northshire Strategic Partnership Board",
      chairName: "Cllr A Example",
      chairIsElectedMember: "yes",
      termsOfReference:
        '<p>We meet <strong>monthly</strong>.</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(partnershipGovernance)
      .where(eq(partnershipGovernance.partnershipId, england.id));
    expect(row?.termsOfReference).toContain("<strong>monthly</strong>");
    expect(row?.termsOfReference).not.toContain("script");
    expect(row?.termsOfReference).not.toContain("javascript");
    expect(await auditCount(database, "governance.update", england.id)).toBe(1);
    const page = await client.get(`/partnerships/${england.id}/governance`);
    expect(page.body).toContain("Cllr A Example (elected member)");
    // A county council's district councils are now required
    const cooperation = await client.get(`/partnerships/${england.id}/cooperation`);
    expect(cooperation.body).toMatch(/not represented: District councils/);
  });

  test("rejects a Scottish authority type for an English partnership and bad input with 400, saving nothing", async ({
    database,
    signIn,
  }) => {
    const client = await signIn("lead@northshire.example");
    const wrongNation = await client.post(`/partnerships/${england.id}/governance`, {
      authorityType: "council-with-health-boards",
      chairIsElectedMember: "no",
    });
    expect(wrongNation.statusCode).toBe(400);
    expect(wrongNation.body).toContain("Select a type of responsible authority for this nation");
    const missing = await client.post(`/partnerships/${england.id}/governance`, { chairName: "Someone" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("govuk-error-summary");
    expect(missing.body).toContain('value="Someone"');
    expect(await auditCount(database, "governance.update", england.id)).toBe(1);
  });

  test("a viewer cannot edit it", async ({ database, signIn }) => {
    const client = await signIn("viewer@northshire.example");
    expect((await client.get(`/partnerships/${england.id}/governance/edit`)).statusCode).toBe(403);
    const response = await client.post(`/partnerships/${england.id}/governance`, {
      authorityType: "unitary-authority",
      chairIsElectedMember: "no",
    });
    expect(response.statusCode).toBe(403);
    expect(await auditCount(database, "governance.update", england.id)).toBe(1);
  });
});
