import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { partnershipRoles } from "../../src/workspace/access/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import { appTest } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

const ids: Record<string, string> = {};

const test = appTest
  .extend(
    "count",
    { scope: "file" },
    ({ database }) =>
      async function count(
        table: typeof auditLog | typeof partnershipMembers | typeof partnershipRoles,
      ): Promise<number> {
        const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
        return Number(row!.n);
      },
  )
  .extend(
    "snapshot",
    { scope: "file" },
    ({ count }) =>
      async function snapshot() {
        return {
          audit: await count(auditLog),
          members: await count(partnershipMembers),
          roles: await count(partnershipRoles),
        };
      },
  )
  .extend(
    "signedIn",
    { scope: "file" },
    ({ client }) =>
      async function signedIn(email: string): Promise<TestClient> {
        const c = client();
        const response = await c.signIn(email);
        expect(response.statusCode).toBe(303);
        return c;
      },
  )
  /** Every route under /partnerships/:id, with its parameters filled for one partnership. */
  .extend(
    "partnershipRoutes",
    { scope: "file" },
    ({ routes }) =>
      function partnershipRoutes(method: string, partnershipId: string): string[] {
        return routes
          .filter((route) => route.method === method && route.url.startsWith("/partnerships/:id"))
          .map((route) =>
            route.url
              .replace(":id", partnershipId)
              .replace(":organisationId", ids.memberOrg!)
              .replace(":userId", ids.leadA!),
          );
      },
  );

const plausibleBody = () => ({ organisationId: ids.spareOrg!, role: "lead", email: "spare@a.example" });

test.beforeAll(async ({ database, fixtures }) => {
  const org = await fixtures.organisation("Northshire Council");
  ids.memberOrg = (await fixtures.organisation("Northshire Jobcentre Plus", "jobcentre-plus")).id;
  ids.spareOrg = (await fixtures.organisation("Northshire Advice", "advice-agency")).id;
  const a = await fixtures.partnership("Partnership A", "england", "E06000005", "Darlington");
  const b = await fixtures.partnership("Partnership B", "england", "E06000001", "Hartlepool");
  const c = await fixtures.partnership("Partnership C", "scotland", "S12000042", "Dundee City");
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  await database.db.update(partnerships).set({ isFictional: true }).where(eq(partnerships.id, c.id));
  await database.db
    .insert(partnershipMembers)
    .values({ partnershipId: a.id, organisationId: ids.memberOrg, role: "Statutory partner" });
  ids.leadA = (await fixtures.user("lead@a.example", org.id, { roles: [[a.id, "lead"]] })).id;
  await fixtures.user("editor@a.example", org.id, { roles: [[a.id, "editor"]] });
  await fixtures.user("viewer@a.example", org.id, { roles: [[a.id, "viewer"]] });
  await fixtures.user("lead@b.example", org.id, { roles: [[b.id, "lead"]] });
  await fixtures.user("coordinator@england.example", org.id, { nations: ["england"] });
  await fixtures.user("admin@hub.example", org.id, { admin: true });
  ids.spare = (await fixtures.user("spare@a.example", org.id)).id;
});

describe("partnership routes", () => {
  test("covers the management routes this test relies on", ({ routes }) => {
    const posts = routes.filter((route) => route.method === "POST").map((route) => route.url);
    expect(posts).toEqual(
      expect.arrayContaining([
        "/partnerships/:id/organisations",
        "/partnerships/:id/organisations/:organisationId/remove",
        "/partnerships/:id/people",
        "/partnerships/:id/people/:userId",
        "/partnerships/:id/people/:userId/remove",
      ]),
    );
  });

  test("answers 403 to a viewer for every partnership POST, and changes nothing", async ({
    snapshot,
    signedIn,
    partnershipRoutes,
  }) => {
    const viewer = await signedIn("viewer@a.example");
    const before = await snapshot();
    const urls = partnershipRoutes("POST", ids.a!);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const response = await viewer.post(url, plausibleBody());
      // Routes naming a child record this fixture lacks (":meetingId"…) cannot even find it.
      const expected = url.includes("/:") ? [403, 404] : [403];
      expect(expected, `viewer POST ${url} answered ${response.statusCode}`).toContain(response.statusCode);
    }
    expect(await snapshot()).toEqual(before);
    expect((await viewer.get(`/partnerships/${ids.a}`)).statusCode).toBe(200);
    expect((await viewer.get(`/partnerships/${ids.a}/people`)).statusCode).toBe(403);
  });

  test("answers 403 to an editor for every lead-only management POST, and changes nothing", async ({
    snapshot,
    signedIn,
    partnershipRoutes,
  }) => {
    const editor = await signedIn("editor@a.example");
    const before = await snapshot();
    const urls = partnershipRoutes("POST", ids.a!).filter((url) => /\/(organisations|people)(\/|$)/.test(url));
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const response = await editor.post(url, plausibleBody());
      expect(response.statusCode, `editor POST ${url}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect((await editor.get(`/partnerships/${ids.a}/people`)).statusCode).toBe(403);
  });

  test("gives a member of partnership A 404 for every GET and POST route of partnership B", async ({
    snapshot,
    signedIn,
    partnershipRoutes,
  }) => {
    const lead = await signedIn("lead@a.example");
    const before = await snapshot();
    const gets = partnershipRoutes("GET", ids.b!);
    expect(gets).toEqual(
      expect.arrayContaining([
        `/partnerships/${ids.b}`,
        `/partnerships/${ids.b}/people`,
        `/partnerships/${ids.b}/audit`,
      ]),
    );
    for (const url of gets) expect((await lead.get(url)).statusCode, `GET ${url}`).toBe(404);
    for (const url of partnershipRoutes("POST", ids.b!)) {
      expect((await lead.post(url, plausibleBody())).statusCode, `POST ${url}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    const dashboard = await lead.get("/dashboard");
    expect(dashboard.body).toContain("Partnership A");
    expect(dashboard.body).not.toContain("Partnership B");
  });

  test("lets a national coordinator read every partnership in their nation, and nothing else", async ({
    signedIn,
    partnershipRoutes,
  }) => {
    const coordinator = await signedIn("coordinator@england.example");
    const overviewA = await coordinator.get(`/partnerships/${ids.a}`);
    expect(overviewA.statusCode).toBe(200);
    expect(overviewA.body).toContain("Northshire Jobcentre Plus");
    expect(overviewA.body).toContain("Statutory partner");
    expect(overviewA.body).toMatch(/<td class="govuk-table__cell">Viewer<\/td>/);
    expect(overviewA.body).toContain(
      "Not yet represented: Health body, Police, Youth offending team, Probation, Transport authority.",
    );
    expect((await coordinator.get(`/partnerships/${ids.b}`)).statusCode).toBe(200);
    for (const url of partnershipRoutes("GET", ids.c!)) expect((await coordinator.get(url)).statusCode, url).toBe(404);
    // Reading is not managing.
    expect((await coordinator.post(`/partnerships/${ids.a}/people`, plausibleBody())).statusCode).toBe(403);
    const dashboard = await coordinator.get("/dashboard");
    expect(dashboard.body).toContain("Partnership B");
    expect(dashboard.body).not.toContain("Partnership C");
  });

  test("labels a fictional partnership", async ({ signedIn }) => {
    const admin = await signedIn("admin@hub.example");
    const page = await admin.get(`/partnerships/${ids.c}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Fictional");
    expect(page.body).toContain("This is a fictional partnership");
    expect((await admin.get(`/partnerships/${ids.a}`)).body).not.toContain("This is a fictional partnership");
  });

  test("lets a lead manage member organisations, with an audit entry for each change", async ({
    database,
    count,
    signedIn,
  }) => {
    const lead = await signedIn("lead@a.example");
    const before = await count(auditLog);
    const added = await lead.post(`/partnerships/${ids.a}/organisations`, {
      organisationId: ids.spareOrg!,
      role: "Welfare rights advice",
    });
    expect(added.statusCode).toBe(303);
    const page = await lead.get(`/partnerships/${ids.a}/organisations`);
    expect(page.body).toContain("Welfare rights advice");
    const again = await lead.post(`/partnerships/${ids.a}/organisations`, {
      organisationId: ids.spareOrg!,
      role: "Twice",
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("already a member");
    // Remove is a link to a question that names the organisation and its role; Yes removes it.
    expect(page.body).toContain(`href="/partnerships/${ids.a}/organisations/${ids.spareOrg}/remove"`);
    const question = await lead.get(`/partnerships/${ids.a}/organisations/${ids.spareOrg}/remove`);
    expect(question.statusCode).toBe(200);
    expect(question.body).toContain("“Welfare rights advice”");
    const removed = await lead.post(`/partnerships/${ids.a}/organisations/${ids.spareOrg}/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await lead.get(removed.headers.location as string)).body).toContain(
      "Organisation removed from the partnership",
    );
    expect((await lead.get(`/partnerships/${ids.a}/organisations/${ids.spareOrg}/remove`)).statusCode).toBe(404);
    expect((await lead.post(`/partnerships/${ids.a}/organisations/${ids.spareOrg}/remove`)).statusCode).toBe(404);
    const entries = await database.db.select().from(auditLog).where(sql`${auditLog.id} > 0`).orderBy(auditLog.id);
    const actions = entries.slice(-2).map((entry) => [entry.action, entry.partnershipId, entry.actorLabel]);
    expect(actions).toEqual([
      ["partnership_member.added", ids.a, "lead@a.example"],
      ["partnership_member.removed", ids.a, "lead@a.example"],
    ]);
    expect(await count(auditLog)).toBe(before + 2);
  });

  test("lets a lead add, change and remove people, keeping at least one lead", async ({
    database,
    count,
    signedIn,
  }) => {
    const lead = await signedIn("lead@a.example");
    const roleOf = async (userId: string) => {
      const [row] = await database.db
        .select()
        .from(partnershipRoles)
        .where(and(eq(partnershipRoles.userId, userId), eq(partnershipRoles.partnershipId, ids.a!)));
      return row?.role;
    };
    // The only lead can neither demote nor remove themself.
    const auditBefore = await count(auditLog);
    const demote = await lead.post(`/partnerships/${ids.a}/people/${ids.leadA}`, { role: "editor" });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain("must keep at least one lead");
    expect(demote.body).toContain("govuk-error-summary");
    // Remove asks first; the refusal is said on that page, at its button.
    const question = await lead.get(`/partnerships/${ids.a}/people/${ids.leadA}/remove`);
    expect(question.statusCode).toBe(200);
    expect(question.body).toMatch(/Are you sure you want to remove .+ from /);
    const remove = await lead.post(`/partnerships/${ids.a}/people/${ids.leadA}/remove`);
    expect(remove.statusCode).toBe(400);
    expect(remove.body).toContain("must keep at least one lead");
    expect(remove.body).toContain('href="#confirm"');
    expect(await roleOf(ids.leadA!)).toBe("lead");
    expect(await count(auditLog)).toBe(auditBefore);

    // Bad input: error summary, value kept, nothing saved.
    const unknown = await lead.post(`/partnerships/${ids.a}/people`, {
      email: "nobody@nowhere.example",
      role: "editor",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("No one has an account with this email address");
    expect(unknown.body).toContain('value="nobody@nowhere.example"');
    const noRole = await lead.post(`/partnerships/${ids.a}/people`, { email: "spare@a.example" });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toContain("Select a role");
    expect(await roleOf(ids.spare!)).toBeUndefined();
    expect(await count(auditLog)).toBe(auditBefore);

    expect(
      (await lead.post(`/partnerships/${ids.a}/people`, { email: "SPARE@a.example", role: "lead" })).statusCode,
    ).toBe(303);
    expect(await roleOf(ids.spare!)).toBe("lead");
    const duplicate = await lead.post(`/partnerships/${ids.a}/people`, { email: "spare@a.example", role: "viewer" });
    expect(duplicate.statusCode).toBe(400);
    expect((await lead.post(`/partnerships/${ids.a}/people/${ids.spare}`, { role: "viewer" })).statusCode).toBe(303);
    expect((await lead.post(`/partnerships/${ids.a}/people/${ids.spare}`, { role: "lead" })).statusCode).toBe(303);
    // With a second lead, the first can step down.
    expect((await lead.post(`/partnerships/${ids.a}/people/${ids.leadA}`, { role: "editor" })).statusCode).toBe(303);
    expect(await roleOf(ids.leadA!)).toBe("editor");
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.partnershipId, ids.a!))
      .orderBy(auditLog.id);
    expect(entries.slice(-4).map((entry) => entry.action)).toEqual([
      "partnership_role.granted",
      "partnership_role.changed",
      "partnership_role.changed",
      "partnership_role.changed",
    ]);
    expect(entries.at(-1)!.before).toEqual({ person: "lead@a.example", role: "lead" });
    expect(entries.at(-1)!.after).toEqual({ person: "lead@a.example", role: "editor" });
    // The former lead's own session now sees they cannot manage.
    expect((await lead.get(`/partnerships/${ids.a}/people`)).statusCode).toBe(403);
    // A person who is not in the partnership is a 404.
    const spareLead = await signedIn("spare@a.example");
    expect((await spareLead.post(`/partnerships/${ids.a}/people/${ids.b}`, { role: "viewer" })).statusCode).toBe(404);
  });
});

describe("creating a partnership", () => {
  test("is for administrators only", async ({ signedIn }) => {
    const lead = await signedIn("lead@b.example");
    expect((await lead.get("/partnerships/new")).statusCode).toBe(403);
    expect(
      (await lead.post("/partnerships", { name: "X", nation: "england", areaCode: "E06000005", areaName: "X" }))
        .statusCode,
    ).toBe(403);
  });

  test("checks the area code against the nation, keeps values and saves nothing", async ({ database, signedIn }) => {
    const admin = await signedIn("admin@hub.example");
    const before = await database.db.select().from(partnerships);
    const wrong = await admin.post("/partnerships", {
      name: "Tayside test",
      nation: "scotland",
      areaCode: "E06000005",
      areaName: "Dundee",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("An area code in Scotland must start with S12");
    expect(wrong.body).toContain('value="Tayside test"');
    expect(wrong.body).toContain('href="#areaCode"');
    const empty = await admin.post("/partnerships", {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the partnership&#39;s name");
    expect(empty.body).toContain("Select the nation");
    const duplicate = await admin.post("/partnerships", {
      name: "partnership a",
      nation: "england",
      areaCode: "E06000005",
      areaName: "D",
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("A partnership with this name already exists");
    expect(await database.db.select().from(partnerships)).toHaveLength(before.length);

    const created = await admin.post("/partnerships", {
      name: "Tayside test",
      nation: "scotland",
      areaCode: "s12000042",
      areaName: "Dundee City",
    });
    expect(created.statusCode).toBe(303);
    const id = created.headers.location!.split("/")[2]!.split("?")[0]!;
    const [row] = await database.db.select().from(partnerships).where(eq(partnerships.id, id));
    expect(row).toMatchObject({ areaCode: "S12000042", nation: "scotland", isFictional: false });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "partnership.created"), eq(auditLog.entityId, id)));
    expect(entry?.actorLabel).toBe("admin@hub.example");
  });
});
