import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { appTest } from "../helpers/app-test.ts";

let councilId: string;

const test = appTest.extend(
  "organisationCount",
  { scope: "file" },
  ({ db }) =>
    async function organisationCount(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
      return Number(row!.n);
    },
);

test.beforeAll(async ({ fixtures }) => {
  const council = await fixtures.organisation("Northshire Council");
  councilId = council.id;
  await fixtures.user("admin@hub.example", council.id, { admin: true });
  await fixtures.user("member@hub.example", council.id);
});

describe("organisation admin pages", () => {
  test("are for service administrators only", async ({ client, signIn, organisationCount }) => {
    const member = await signIn("member@hub.example");
    expect((await member.get("/admin/organisations")).statusCode).toBe(403);
    expect((await member.get("/admin/organisations/new")).statusCode).toBe(403);
    const before = await organisationCount();
    expect((await member.post("/admin/organisations", { name: "Sneaky", type: "other" })).statusCode).toBe(403);
    expect(await organisationCount()).toBe(before);
    expect((await client().get("/admin/organisations")).statusCode).toBe(303);
  });

  test("shows errors in the summary, keeps values and saves nothing", async ({ signIn, organisationCount }) => {
    const admin = await signIn("admin@hub.example");
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

  test("adds and edits an organisation, with audit entries", async ({ db, signIn }) => {
    const admin = await signIn("admin@hub.example");
    const added = await admin.post("/admin/organisations", {
      name: "NHS Tayside",
      type: "health-board",
      gssCode: "s08000030",
    });
    expect(added.statusCode).toBe(303);
    const [row] = await db.select().from(organisations).where(eq(organisations.name, "NHS Tayside"));
    expect(row).toMatchObject({ type: "health-board", gssCode: "S08000030" });
    const list = await admin.get("/admin/organisations");
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
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id)).orderBy(auditLog.id);
    expect(entries.map((entry) => entry.action)).toEqual(["organisation.created", "organisation.updated"]);
    expect(entries[1]!.before).toMatchObject({ name: "NHS Tayside", gssCode: "S08000030" });
    expect(entries[1]!.after).toMatchObject({ name: "NHS Tayside Health Board", gssCode: null });
    expect(entries[1]!.actorLabel).toBe("admin@hub.example");
  });

  test("gives 404 for unknown or malformed ids", async ({ signIn }) => {
    const admin = await signIn("admin@hub.example");
    expect((await admin.get("/admin/organisations/not-a-uuid/edit")).statusCode).toBe(404);
    expect((await admin.get("/admin/organisations/00000000-0000-4000-8000-000000000000/edit")).statusCode).toBe(404);
    expect(
      (await admin.post("/admin/organisations/00000000-0000-4000-8000-000000000000", { name: "X", type: "other" }))
        .statusCode,
    ).toBe(404);
    expect(councilId).toBeTruthy();
  });
});
