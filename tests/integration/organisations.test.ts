import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { createTestApp, fixtures, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let councilId: string;

async function organisationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  const council = await fixtures.organisation(t.database, "Northshire Council");
  councilId = council.id;
  await fixtures.user(t.database, "admin@hub.example", council.id, { admin: true });
  await fixtures.user(t.database, "member@hub.example", council.id);
});
afterAll(() => t.close());

describe("organisation admin pages", () => {
  it("are for service administrators only", async () => {
    const member = t.client();
    await member.signIn("member@hub.example");
    expect((await member.get("/admin/organisations")).statusCode).toBe(403);
    expect((await member.get("/admin/organisations/new")).statusCode).toBe(403);
    const before = await organisationCount();
    expect((await member.post("/admin/organisations", { name: "Sneaky", type: "other" })).statusCode).toBe(403);
    expect(await organisationCount()).toBe(before);
    expect((await t.client().get("/admin/organisations")).statusCode).toBe(303);
  });

  it("shows errors in the summary, keeps values and saves nothing", async () => {
    const admin = t.client();
    await admin.signIn("admin@hub.example");
    const before = await organisationCount();
    const response = await admin.post("/admin/organisations", { name: "NHS Tayside", type: "", gssCode: "S0800" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("govuk-error-summary");
    expect(response.body).toContain('href="#type"');
    expect(response.body).toContain("Select the type of organisation");
    expect(response.body).toContain("Enter a GSS code in the correct format");
    expect(response.body).toContain('value="NHS Tayside"');
    expect(response.body).toContain('value="S0800"');
    const duplicate = await admin.post("/admin/organisations", { name: "northshire council", type: "council" });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("An organisation with this name already exists");
    expect(await organisationCount()).toBe(before);
  });

  it("adds and edits an organisation, with audit entries", async () => {
    const admin = t.client();
    await admin.signIn("admin@hub.example");
    const added = await admin.post("/admin/organisations", {
      name: "NHS Tayside",
      type: "health-board",
      gssCode: "s08000030",
    });
    expect(added.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(organisations).where(eq(organisations.name, "NHS Tayside"));
    expect(row).toMatchObject({ type: "health-board", gssCode: "S08000030" });
    const list = await admin.get("/admin/organisations?saved=created");
    expect(list.body).toContain("Organisation added");
    expect(list.body).toContain("Health board");

    const form = await admin.get(`/admin/organisations/${row!.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="S08000030"');
    const clash = await admin.post(`/admin/organisations/${row!.id}`, {
      name: "Northshire Council",
      type: "health-board",
    });
    expect(clash.statusCode).toBe(400);
    const edited = await admin.post(`/admin/organisations/${row!.id}`, {
      name: "NHS Tayside Health Board",
      type: "health-board",
      gssCode: "",
    });
    expect(edited.statusCode).toBe(303);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, row!.id))
      .orderBy(auditLog.id);
    expect(entries.map((entry) => entry.action)).toEqual(["organisation.created", "organisation.updated"]);
    expect(entries[1]!.before).toMatchObject({ name: "NHS Tayside", gssCode: "S08000030" });
    expect(entries[1]!.after).toMatchObject({ name: "NHS Tayside Health Board", gssCode: null });
    expect(entries[1]!.actorLabel).toBe("admin@hub.example");
  });

  it("gives 404 for unknown or malformed ids", async () => {
    const admin = t.client();
    await admin.signIn("admin@hub.example");
    expect((await admin.get("/admin/organisations/not-a-uuid/edit")).statusCode).toBe(404);
    expect((await admin.get("/admin/organisations/00000000-0000-4000-8000-000000000000/edit")).statusCode).toBe(404);
    expect(
      (await admin.post("/admin/organisations/00000000-0000-4000-8000-000000000000", { name: "X", type: "other" }))
        .statusCode,
    ).toBe(404);
    expect(councilId).toBeTruthy();
  });
});
