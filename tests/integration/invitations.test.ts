import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { invitations, users } from "../../src/workspace/access/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";

let admin: TestClient;
let orgId: string;

async function invite(name: string, email: string): Promise<string> {
  const response = await admin.post("/admin/users", { name, email, organisationId: orgId, method: "invite" });
  expect(response.statusCode).toBe(200);
  return /\/invitations\/([A-Za-z0-9_-]+)/.exec(response.body)![1]!;
}

const test = appTest.extend(
  "userByEmail",
  { scope: "file" },
  ({ db }) =>
    async function userByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row!;
    },
);

test.beforeAll(async ({ signIn, fixtures }) => {
  orgId = (await fixtures.organisation("Northshire Council")).id;
  await fixtures.user("admin@hub.example", orgId, { admin: true });
  admin = await signIn("admin@hub.example");
});

describe("accepting an invitation", () => {
  test("works end to end: set a password, signed in, link used up", async ({ db, client, userByEmail }) => {
    const token = await invite("Ivy Invitee", "ivy@hub.example");
    // Invited people cannot sign in, and are told the same as anyone with a wrong password.
    const early = await client().signIn("ivy@hub.example", "anything-at-all-123");
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("Enter a correct email address and password");

    const visitor = client();
    const form = await visitor.get(`/invitations/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Set your password");
    expect(form.body).toContain("Ivy Invitee");

    const mismatch = await visitor.post(`/invitations/${token}`, {
      password: "a-new-password-123",
      confirmPassword: "different-one-123",
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain("Passwords must match");
    const short = await visitor.post(`/invitations/${token}`, { password: "short", confirmPassword: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Password must be at least 12 characters");
    expect((await userByEmail("ivy@hub.example")).status).toBe("invited");

    const accepted = await visitor.post(`/invitations/${token}`, {
      password: "a-new-password-123",
      confirmPassword: "a-new-password-123",
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe("/dashboard");
    const dashboard = await visitor.get("/dashboard");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Signed in as Ivy Invitee");
    const user = await userByEmail("ivy@hub.example");
    expect(user.status).toBe("active");
    const [invitation] = await db.select().from(invitations).where(eq(invitations.userId, user.id));
    expect(invitation!.acceptedAt).not.toBeNull();
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id)).orderBy(auditLog.id);
    expect(entries.map((entry) => entry.action)).toEqual(["user.created", "invitation.created", "invitation.accepted"]);
    expect(entries.at(-1)!.actorLabel).toBe("ivy@hub.example");

    expect((await client().signIn("ivy@hub.example", "a-new-password-123")).statusCode).toBe(303);

    const reused = await client().get(`/invitations/${token}`);
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain("already been used");
    const repost = await client().post(`/invitations/${token}`, {
      password: "another-password-1",
      confirmPassword: "another-password-1",
    });
    expect(repost.statusCode).toBe(410);
  });

  test("shows a clear page for unknown and expired links", async ({ db, client, userByEmail }) => {
    const unknown = await client().get("/invitations/this-token-does-not-exist-at-all");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("This invitation link cannot be used");
    expect(unknown.body).toContain("not recognised");
    expect((await client().get("/invitations/%3Cscript%3E")).statusCode).toBe(404);

    const token = await invite("Ed Expired", "ed@hub.example");
    const user = await userByEmail("ed@hub.example");
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, user.id));
    const expired = await client().get(`/invitations/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("expired");
    const post = await client().post(`/invitations/${token}`, {
      password: "a-new-password-123",
      confirmPassword: "a-new-password-123",
    });
    expect(post.statusCode).toBe(410);
    expect((await userByEmail("ed@hub.example")).status).toBe("invited");
  });

  test("refuses a link whose account has since been disabled", async ({ client, userByEmail }) => {
    const token = await invite("Dee Disabled", "dee@hub.example");
    const user = await userByEmail("dee@hub.example");
    expect((await admin.post(`/admin/users/${user.id}/status`, { status: "disabled" })).statusCode).toBe(303);
    const page = await client().get(`/invitations/${token}`);
    expect(page.statusCode).toBe(404); // disabling voids unused links
    expect((await userByEmail("dee@hub.example")).passwordHash).toBeNull();
  });
});

describe("lock-out", () => {
  test("after 5 failed sign-ins shows the same message whether or not the email exists", {
    timeout: 90_000,
  }, async ({ client, fixtures }) => {
    await fixtures.user("real@hub.example", orgId);
    const bodies: Record<string, string> = {};
    for (const email of ["real@hub.example", "ghost@hub.example"]) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const failed = await client().signIn(email, "wrong-password-123");
        expect(failed.statusCode).toBe(400);
      }
      const locked = await client().signIn(email, "wrong-password-123");
      expect(locked.statusCode).toBe(429);
      bodies[email] = locked.body;
    }
    const message = "There have been too many attempts to sign in";
    expect(bodies["real@hub.example"]).toContain(message);
    expect(bodies["ghost@hub.example"]).toContain(message);
    const strip = (html: string) =>
      html
        .replace(/value="[^"]*"/g, "")
        .replace(/Reference: [\w-]+/g, "")
        .replace(/nonce="\w+"/g, "");
    expect(strip(bodies["real@hub.example"]!)).toBe(strip(bodies["ghost@hub.example"]!));
    // Even the right password is refused while locked.
    expect((await client().signIn("real@hub.example")).statusCode).toBe(429);
  });
});
