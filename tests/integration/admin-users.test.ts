import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { sessions } from "../../src/kernel/auth/tables.ts";
import { coordinatorNations, invitations, partnershipRoles, users } from "../../src/workspace/access/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";

let admin: TestClient;
const ids: Record<string, string> = {};

const test = appTest
  .extend("userByEmail", { scope: "file" }, ({ db }) => async (email: string) => {
    const [row] = await db.select().from(users).where(eq(users.email, email));
    return row;
  })
  .extend("actionsFor", { scope: "file" }, ({ db }) => async (entityId: string): Promise<string[]> => {
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
    return rows.map((row) => row.action);
  });

test.beforeAll(async ({ signIn, fixtures }) => {
  const council = await fixtures.organisation("Northshire Council");
  ids.org = council.id;
  ids.partnership = (await fixtures.partnership("Northshire Partnership", "england", "E06000005", "Darlington")).id;
  ids.admin = (await fixtures.user("admin@hub.example", council.id, { admin: true })).id;
  ids.other = (await fixtures.user("other@hub.example", council.id)).id;
  admin = await signIn("admin@hub.example");
});

describe("adding users", () => {
  test("lists users for administrators only", async ({ signIn, userByEmail }) => {
    const list = await admin.get("/admin/users");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("other@hub.example");
    const other = await signIn("other@hub.example");
    expect((await other.get("/admin/users")).statusCode).toBe(403);
    expect((await other.get(`/admin/users/${ids.admin}`)).statusCode).toBe(403);
    expect(
      (
        await other.post("/admin/users", {
          name: "X",
          email: "x@hub.example",
          organisationId: ids.org!,
          method: "invite",
        })
      ).statusCode,
    ).toBe(403);
    expect(await userByEmail("x@hub.example")).toBeUndefined();
  });

  test("shows errors, keeps values but not the password, and saves nothing", async ({ db }) => {
    const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    const short = await admin.post("/admin/users", {
      name: "Ann Example",
      email: "ann@hub.example",
      organisationId: ids.org!,
      method: "password",
      password: "too-short",
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Password must be at least 12 characters");
    expect(short.body).toContain('value="Ann Example"');
    expect(short.body).not.toContain("too-short");
    const duplicate = await admin.post("/admin/users", {
      name: "Dup",
      email: "OTHER@hub.example",
      organisationId: ids.org!,
      method: "invite",
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("Someone already has an account with this email address");
    expect(duplicate.body).toContain('href="#email"');
    const missing = await admin.post("/admin/users", {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Select the person&#39;s organisation");
    const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  test("creates an invitation link shown once, storing only its SHA-256", async ({
    db,
    client,
    userByEmail,
    actionsFor,
  }) => {
    const response = await admin.post("/admin/users", {
      name: "Ivy Invitee",
      email: "ivy@hub.example",
      organisationId: ids.org!,
      method: "invite",
    });
    expect(response.statusCode).toBe(200);
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(response.body)![1]!;
    const user = (await userByEmail("ivy@hub.example"))!;
    expect(user.status).toBe("invited");
    expect(user.passwordHash).toBeNull();
    const [invitation] = await db.select().from(invitations).where(eq(invitations.userId, user.id));
    expect(invitation!.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(invitation!.tokenHash).not.toContain(token);
    const days = (invitation!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await actionsFor(user.id)).toEqual(["user.created", "invitation.created"]);
    // The detail page never shows the link again.
    expect((await admin.get(`/admin/users/${user.id}`)).body).not.toContain(token);
    // A new link replaces the old one.
    const again = await admin.post(`/admin/users/${user.id}/invitation`);
    expect(again.statusCode).toBe(200);
    const newToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(again.body)![1]!;
    expect(newToken).not.toBe(token);
    expect((await client().get(`/invitations/${token}`)).statusCode).toBe(404);
    expect((await client().get(`/invitations/${newToken}`)).statusCode).toBe(200);
  });

  test("creates a user with an initial password who can sign in", async ({ db, client, userByEmail }) => {
    const response = await admin.post("/admin/users", {
      name: "Pat Password",
      email: "pat@hub.example",
      organisationId: ids.org!,
      method: "password",
      password: "a-long-initial-password",
      isPlatformAdmin: "true",
    });
    expect(response.statusCode).toBe(303);
    const user = (await userByEmail("pat@hub.example"))!;
    expect(user).toMatchObject({ status: "active", isPlatformAdmin: true });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.created")));
    expect(JSON.stringify(entry)).not.toContain("a-long-initial-password");
    expect((await client().signIn("pat@hub.example", "a-long-initial-password")).statusCode).toBe(303);
  });
});

describe("the user page", () => {
  test("assigns, changes and removes partnership roles with audit entries", async ({ db, actionsFor }) => {
    const url = `/admin/users/${ids.other}`;
    expect((await admin.post(`${url}/roles`, { partnershipId: ids.partnership!, role: "viewer" })).statusCode).toBe(
      303,
    );
    expect((await admin.post(`${url}/roles`, { partnershipId: ids.partnership!, role: "editor" })).statusCode).toBe(
      303,
    );
    const page = await admin.get(url);
    expect(page.body).toContain("Northshire Partnership");
    expect(page.body).toContain("Editor");
    // Remove is a link to a question naming the person, the partnership and the role.
    expect(page.body).toContain(`href="${url}/roles/${ids.partnership}/remove"`);
    const question = await admin.get(`${url}/roles/${ids.partnership}/remove`);
    expect(question.statusCode).toBe(200);
    expect(question.body).toContain("role in Northshire Partnership?");
    expect(question.body).toContain("their role as editor of Northshire Partnership");
    expect((await admin.post(`${url}/roles/${ids.partnership}/remove`)).statusCode).toBe(303);
    expect((await admin.get(`${url}/roles/${ids.partnership}/remove`)).statusCode).toBe(404);
    expect((await admin.post(`${url}/roles`, { partnershipId: ids.partnership!, role: "boss" })).statusCode).toBe(400);
    // The last lead cannot be demoted from here either.
    expect((await admin.post(`${url}/roles`, { partnershipId: ids.partnership!, role: "lead" })).statusCode).toBe(303);
    const demote = await admin.post(`${url}/roles`, { partnershipId: ids.partnership!, role: "none" });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain("must keep at least one lead");
    await db.delete(partnershipRoles).where(eq(partnershipRoles.userId, ids.other!));
    const roles = await db.select().from(partnershipRoles).where(eq(partnershipRoles.userId, ids.other!));
    expect(roles).toHaveLength(0);
    const actions = (await actionsFor(ids.other!)).filter((action) => action.startsWith("partnership_role"));
    expect(actions).toEqual([
      "partnership_role.granted",
      "partnership_role.changed",
      "partnership_role.removed",
      "partnership_role.granted",
    ]);
  });

  test("adds and removes coordinator nations", async ({ db, actionsFor }) => {
    const url = `/admin/users/${ids.other}`;
    expect((await admin.post(`${url}/nations`, { nation: "scotland" })).statusCode).toBe(303);
    expect((await admin.post(`${url}/nations`, { nation: "atlantis" })).statusCode).toBe(400);
    let rows = await db.select().from(coordinatorNations).where(eq(coordinatorNations.userId, ids.other!));
    expect(rows.map((row) => row.nation)).toEqual(["scotland"]);
    const question = await admin.get(`${url}/nations/scotland/remove`);
    expect(question.statusCode).toBe(200);
    expect(question.body).toContain("no longer be a national coordinator for Scotland?");
    expect((await admin.get(`${url}/nations/atlantis/remove`)).statusCode).toBe(404);
    expect((await admin.post(`${url}/nations/scotland/remove`)).statusCode).toBe(303);
    expect((await admin.get(`${url}/nations/scotland/remove`)).statusCode).toBe(404);
    rows = await db.select().from(coordinatorNations).where(eq(coordinatorNations.userId, ids.other!));
    expect(rows).toHaveLength(0);
    expect((await actionsFor(ids.other!)).filter((action) => action.startsWith("coordinator"))).toEqual([
      "coordinator.added",
      "coordinator.removed",
    ]);
  });

  test("does not let an administrator remove their own rights or disable themself", async ({
    userByEmail,
    actionsFor,
  }) => {
    const url = `/admin/users/${ids.admin}`;
    const own = await admin.get(url);
    expect(own.body).toContain("This is your own account");
    expect(own.body).not.toContain("Disable account");
    const before = await actionsFor(ids.admin!);
    const demote = await admin.post(`${url}/admin`, { isPlatformAdmin: "false" });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain("You cannot remove your own administrator rights");
    const disable = await admin.post(`${url}/status`, { status: "disabled" });
    expect(disable.statusCode).toBe(400);
    expect(disable.body).toContain("You cannot disable your own account");
    expect(await userByEmail("admin@hub.example")).toMatchObject({ isPlatformAdmin: true, status: "active" });
    expect(await actionsFor(ids.admin!)).toEqual(before);
  });

  test("grants and removes another person's administrator rights", async ({ userByEmail, actionsFor }) => {
    const url = `/admin/users/${ids.other}`;
    expect((await admin.post(`${url}/admin`, { isPlatformAdmin: "true" })).statusCode).toBe(303);
    expect((await userByEmail("other@hub.example"))!.isPlatformAdmin).toBe(true);
    expect((await admin.post(`${url}/admin`, { isPlatformAdmin: "false" })).statusCode).toBe(303);
    expect((await userByEmail("other@hub.example"))!.isPlatformAdmin).toBe(false);
    expect((await actionsFor(ids.other!)).filter((action) => action.startsWith("user.admin"))).toEqual([
      "user.admin_granted",
      "user.admin_revoked",
    ]);
  });

  test("disabling ends the person's sessions and stops them signing in; enabling restores access", async ({
    db,
    client,
    actionsFor,
  }) => {
    const other = client();
    expect((await other.signIn("other@hub.example")).statusCode).toBe(303);
    expect((await other.get("/dashboard")).statusCode).toBe(200);
    expect((await admin.post(`/admin/users/${ids.other}/status`, { status: "disabled" })).statusCode).toBe(303);
    const live = await db.select().from(sessions).where(eq(sessions.userId, ids.other!));
    expect(live).toHaveLength(0);
    expect((await other.get("/dashboard")).statusCode).toBe(303);
    const denied = await client().signIn("other@hub.example");
    expect(denied.statusCode).toBe(400);
    expect(denied.body).toContain("Enter a correct email address and password");
    expect((await admin.post(`/admin/users/${ids.other}/invitation`)).statusCode).toBe(400);
    expect((await admin.post(`/admin/users/${ids.other}/status`, { status: "active" })).statusCode).toBe(303);
    expect((await client().signIn("other@hub.example")).statusCode).toBe(303);
    expect((await actionsFor(ids.other!)).filter((action) => /user\.(dis|en)abled/.test(action))).toEqual([
      "user.disabled",
      "user.enabled",
    ]);
  });

  test("gives 404 for an unknown user", async () => {
    expect((await admin.get("/admin/users/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect(
      (await admin.post("/admin/users/00000000-0000-4000-8000-000000000000/status", { status: "disabled" })).statusCode,
    ).toBe(404);
    expect((await admin.get("/admin/users/nope")).statusCode).toBe(404);
  });
});
