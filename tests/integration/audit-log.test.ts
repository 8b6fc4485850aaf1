import { describe, expect } from "vitest";
import { recordAudit } from "../../src/kernel/audit/audit.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

let admin: TestClient;
const ids: Record<string, string> = {};

function rowCount(html: string): number {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return (body.match(/<tr class="govuk-table__row">/g) ?? []).length;
}

test.beforeAll(async ({ db, signIn, fixtures }) => {
  const org = await fixtures.organisation("Northshire Council");
  ids.a = (await fixtures.partnership("Partnership A", "england", "E06000005", "Darlington")).id;
  ids.b = (await fixtures.partnership("Partnership B", "scotland", "S12000042", "Dundee City")).id;
  await fixtures.user("admin@hub.example", org.id, { admin: true });
  await fixtures.user("lead@a.example", org.id, { roles: [[ids.a, "lead"]] });
  await fixtures.user("editor@a.example", org.id, { roles: [[ids.a, "editor"]] });
  await fixtures.user("lead@b.example", org.id, { roles: [[ids.b, "lead"]] });
  const context = { actorUserId: null, actorLabel: "bulk@import.example" };
  for (let i = 0; i < 120; i++) {
    await recordAudit(db, context, {
      action: "thing.bulk_changed",
      entityType: "thing",
      entityId: String(i),
      partnershipId: ids.b,
    });
  }
  await recordAudit(
    db,
    { actorUserId: null, actorLabel: "someone@a.example" },
    {
      action: "partnership_role.changed",
      entityType: "user",
      partnershipId: ids.a,
      before: { person: "viewer@a.example", role: "viewer" },
      after: { person: "viewer@a.example", role: "lead" },
    },
  );
  admin = await signIn("admin@hub.example");
});

describe("/audit", () => {
  test("is for service administrators only", async ({ signIn }) => {
    const lead = await signIn("lead@a.example");
    expect((await lead.get("/audit")).statusCode).toBe(403);
  });

  test("shows who, what, when and a readable list of changes, newest first", async () => {
    const page = await admin.get("/audit");
    expect(page.statusCode).toBe(200);
    expect(rowCount(page.body)).toBe(50);
    const firstRow = /<tbody class="govuk-table__body">([\s\S]*?)<\/tr>/.exec(page.body)![1]!;
    // The admin's own sign-in is newest.
    expect(firstRow).toContain("Session sign in");
    expect(page.body).toContain("Partnership role changed");
    expect(page.body).toMatch(
      /<strong>Role<\/strong>: viewer <span aria-hidden="true">→<\/span><span class="govuk-visually-hidden"> changed to <\/span> lead/,
    );
    expect(page.body).toContain("Showing 1 to 50 of");
  });

  test("filters by action, partnership, actor and dates, and pages 50 at a time", async () => {
    const bulk = await admin.get(`/audit?action=thing.bulk_changed&partnershipId=${ids.b}&actor=bulk%40import`);
    expect(bulk.statusCode).toBe(200);
    expect(bulk.body).toContain("Showing 1 to 50 of 120 entries");
    expect(bulk.body).toContain("page=2");
    const third = await admin.get(`/audit?action=thing.bulk_changed&page=3`);
    expect(rowCount(third.body)).toBe(20);
    expect(third.body).toContain("Showing 101 to 120 of 120 entries");
    const otherPartnership = await admin.get(`/audit?action=thing.bulk_changed&partnershipId=${ids.a}`);
    expect(otherPartnership.body).toContain("No entries match these filters");
    const today = new Date().toISOString().slice(0, 10);
    const dated = await admin.get(`/audit?action=thing.bulk_changed&from=${today}&to=${today}`);
    expect(dated.body).toContain("of 120 entries");
    const past = await admin.get("/audit?action=thing.bulk_changed&from=2001-01-01&to=2001-01-31");
    expect(past.body).toContain("No entries match these filters");
  });

  test("rejects bad filters with the error summary", async () => {
    const bad = await admin.get("/audit?from=2026-02-30&to=yesterday&partnershipId=nope");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("govuk-error-summary");
    expect(bad.body).toContain("Enter a real date");
    expect(bad.body).toContain("Enter a date like 2026-04-30");
    expect(bad.body).toContain("Select a partnership from the list");
    const reversed = await admin.get("/audit?from=2026-05-01&to=2026-04-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain("The end date must be on or after the start date");
  });
});

describe("/partnerships/:id/audit", () => {
  test("shows a lead only their partnership's entries", async ({ signIn }) => {
    const lead = await signIn("lead@a.example");
    const page = await lead.get(`/partnerships/${ids.a}/audit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Partnership role changed");
    expect(page.body).not.toContain("Thing bulk changed");
    // A forged partnership filter cannot widen the scope.
    const forged = await lead.get(`/partnerships/${ids.a}/audit?partnershipId=${ids.b}`);
    expect(forged.body).not.toContain("Thing bulk changed");
    expect((await lead.get(`/partnerships/${ids.b}/audit`)).statusCode).toBe(404);
  });

  test("is closed to editors", async ({ signIn }) => {
    const editor = await signIn("editor@a.example");
    expect((await editor.get(`/partnerships/${ids.a}/audit`)).statusCode).toBe(403);
  });
});
