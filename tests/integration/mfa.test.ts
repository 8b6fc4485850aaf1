/**
 * Two-factor authentication (issue 11): TOTP with recovery codes; required for administrators
 * and national coordinators (enrolled at first sign-in), optional for others; the half-signed
 * state is server-side; codes throttled and never accepted twice; an administrator's reset.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { issueInvitation } from "../../src/workspace/access/index.ts";
import { userMfa } from "../../src/workspace/access/mfa-tables.ts";
import { stepAt, totpCode } from "../../src/workspace/access/mfa-totp.ts";
import { recoveryCodesOnPage, secretOnPage } from "../helpers/mfa.ts";
import { createTestApp, fixtures, TEST_PASSWORD, type TestApp, type TestClient } from "../helpers/test-app.ts";

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = (await fixtures.organisation(app.database, "Northshire Council")).id;
}, 60_000);
afterAll(() => app?.close());

const passwordStep = (client: TestClient, email: string) => client.post("/sign-in", { email, password: TEST_PASSWORD });

async function actions(userId: string): Promise<string[]> {
  const rows = await app.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, userId))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

/** Enrols through the sign-in pages as a person would; returns the secret and the recovery codes. */
async function enrolAtSignIn(client: TestClient, email: string) {
  const password = await passwordStep(client, email);
  expect(password.headers.location).toBe("/sign-in/two-factor/set-up");
  const page = await client.get("/sign-in/two-factor/set-up");
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('src="data:image/svg+xml;base64,');
  const secret = secretOnPage(page.body)!;
  const confirmed = await client.post("/sign-in/two-factor/set-up", { code: totpCode(secret) });
  expect(confirmed.headers.location).toBe("/account/security/recovery-codes");
  const codes = recoveryCodesOnPage((await client.get("/account/security/recovery-codes")).body);
  return { secret, codes };
}

describe("two-factor authentication", () => {
  it("makes an administrator enrol at first sign-in: no session until a correct code, codes shown once", async () => {
    const admin = await fixtures.user(app.database, "admin@hub.example", orgId, { admin: true });
    const client = app.client();
    const password = await passwordStep(client, admin.email);
    expect(password.statusCode).toBe(303);
    expect(password.headers.location).toBe("/sign-in/two-factor/set-up");
    // Half signed in is not signed in: no page opens, whatever the browser claims.
    expect((await client.get("/dashboard")).headers.location).toMatch(/^\/sign-in/);
    const page = await client.get("/sign-in/two-factor/set-up");
    const secret = secretOnPage(page.body)!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await client.post("/sign-in/two-factor/set-up", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#code"');
    expect((await client.get("/dashboard")).statusCode).toBe(303);
    const empty = await client.post("/sign-in/two-factor/set-up", {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the code");

    const confirmed = await client.post("/sign-in/two-factor/set-up", { code: totpCode(secret) });
    expect(confirmed.headers.location).toBe("/account/security/recovery-codes");
    const shown = await client.get("/account/security/recovery-codes");
    const codes = recoveryCodesOnPage(shown.body);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await client.get("/account/security/recovery-codes")).headers.location).toBe("/account/security");
    expect((await client.get("/dashboard")).statusCode).toBe(200);
    // The secret is stored sealed, and never shown again once enrolled.
    const [row] = await app.database.db.select().from(userMfa).where(eq(userMfa.userId, admin.id));
    expect(row!.secretEncrypted).not.toContain(secret);
    const account = await client.get("/account/security");
    expect(account.body).not.toContain(secret);
    expect(account.body).toContain("Recovery codes left");
    expect(await actions(admin.id)).toEqual(
      expect.arrayContaining(["session.password_accepted", "mfa.enrolled", "session.sign_in"]),
    );
  });

  it("asks an enrolled person for a code; refuses a wrong one and the same code twice", async () => {
    const user = await fixtures.user(app.database, "coordinator@hub.example", orgId, { nations: ["england"] });
    const { secret } = await enrolAtSignIn(app.client(), user.email);
    // The code that confirmed the enrolment is used up: wait for the next step's code.
    const next = (stepAt(Date.now()) + 1) * 30_000 + 1_000;
    const client = app.client();
    expect((await passwordStep(client, user.email)).headers.location).toBe("/sign-in/two-factor");
    const wrong = await client.post("/sign-in/two-factor", {
      code: "123456" === totpCode(secret, next) ? "654321" : "123456",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Enter a correct code");
    const signedIn = await client.post("/sign-in/two-factor", { code: totpCode(secret, next) });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe("/dashboard");
    expect((await client.get("/dashboard")).statusCode).toBe(200);

    const replay = app.client();
    await passwordStep(replay, user.email);
    const again = await replay.post("/sign-in/two-factor", { code: totpCode(secret, next) });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("already been used");
    expect((await replay.get("/dashboard")).statusCode).toBe(303);
    expect(await actions(user.id)).toContain("session.mfa_failed");
  });

  it("throttles codes like passwords: five wrong and the sign-in starts again, then even a right code waits", async () => {
    const user = await fixtures.user(app.database, "guessed@hub.example", orgId, { admin: true });
    const { secret } = await enrolAtSignIn(app.client(), user.email);
    const client = app.client();
    await passwordStep(client, user.email);
    let last = await client.post("/sign-in/two-factor", { code: "not-a-code" });
    for (let attempt = 2; attempt <= 5; attempt++) last = await client.post("/sign-in/two-factor", { code: "000001" });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain("Too many wrong codes");
    // The challenge is gone: the code page sends the person back to the password.
    expect((await client.post("/sign-in/two-factor", { code: "000002" })).headers.location).toBe("/sign-in");
    await passwordStep(client, user.email);
    const waiting = await client.post("/sign-in/two-factor", { code: totpCode(secret, Date.now() + 30_000) });
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers["retry-after"])).toBeGreaterThan(0);
    expect(waiting.body).toContain("too many attempts");
    expect((await client.get("/dashboard")).statusCode).toBe(303);
  });

  it("accepts each recovery code once", async () => {
    const user = await fixtures.user(app.database, "phone-lost@hub.example", orgId, { admin: true });
    const { codes } = await enrolAtSignIn(app.client(), user.email);
    const first = app.client();
    await passwordStep(first, user.email);
    const used = await first.post("/sign-in/two-factor", { code: ` ${codes[0]!.toUpperCase()} ` });
    expect(used.statusCode).toBe(303);
    expect((await first.get("/dashboard")).statusCode).toBe(200);
    const second = app.client();
    await passwordStep(second, user.email);
    const reused = await second.post("/sign-in/two-factor", { code: codes[0]! });
    expect(reused.statusCode).toBe(400);
    expect((await second.post("/sign-in/two-factor", { code: codes[1]! })).statusCode).toBe(303);
    expect(await actions(user.id)).toContain("mfa.recovery_code_used");
  });

  it("is optional for others: no code until they turn it on from their account page", async () => {
    const user = await fixtures.user(app.database, "lead@hub.example", orgId);
    const client = app.client();
    expect((await passwordStep(client, user.email)).headers.location).toBe("/dashboard");
    const account = await client.get("/account/security");
    expect(account.body).toContain("Two-factor authentication is off");
    const secret = secretOnPage(account.body)!;
    expect(secretOnPage((await client.get("/account/security")).body)).toBe(secret);
    expect((await client.post("/account/security/two-factor", { code: "12345" })).statusCode).toBe(400);
    const on = await client.post("/account/security/two-factor", { code: totpCode(secret) });
    expect(on.headers.location).toBe("/account/security/recovery-codes");
    expect(recoveryCodesOnPage((await client.get("/account/security/recovery-codes")).body)).toHaveLength(10);
    expect((await passwordStep(app.client(), user.email)).headers.location).toBe("/sign-in/two-factor");
    // Anonymous visitors are sent to sign in.
    expect((await app.client().get("/account/security")).headers.location).toMatch(/^\/sign-in/);
  });

  it("lets an administrator reset a lost device: audited, signed out, and the person must enrol again", async () => {
    const person = await fixtures.user(app.database, "lost-device@hub.example", orgId);
    const personClient = app.client();
    await personClient.signIn(person.email);
    const page = await personClient.get("/account/security");
    await personClient.post("/account/security/two-factor", { code: totpCode(secretOnPage(page.body)!) });
    expect((await personClient.get("/dashboard")).statusCode).toBe(200);

    const admin = await fixtures.user(app.database, "resetter@hub.example", orgId, { admin: true });
    const adminClient = app.client();
    await adminClient.signIn(admin.email);
    const detail = await adminClient.get(`/admin/users/${person.id}`);
    expect(detail.body).toContain("Reset two-factor authentication");
    // Not for oneself, and not for anyone but an administrator.
    expect((await adminClient.post(`/admin/users/${admin.id}/two-factor/reset`)).statusCode).toBe(403);
    const viewer = await fixtures.user(app.database, "viewer@hub.example", orgId);
    const lead = app.client();
    await lead.signIn(viewer.email);
    expect((await lead.post(`/admin/users/${person.id}/two-factor/reset`)).statusCode).toBe(403);
    expect((await adminClient.post(`/admin/users/${person.id}/two-factor/reset`, {}, { csrf: false })).statusCode).toBe(
      403,
    );

    const reset = await adminClient.post(`/admin/users/${person.id}/two-factor/reset`);
    expect(reset.headers.location).toBe(`/admin/users/${person.id}`);
    expect((await personClient.get("/dashboard")).statusCode).toBe(303);
    const [audit] = await app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, "mfa.reset")));
    expect(audit!.actorUserId).toBe(admin.id);
    // Optional for their role, but after a reset they must enrol again.
    expect((await passwordStep(app.client(), person.email)).headers.location).toBe("/sign-in/two-factor/set-up");
  });

  it("lets a person replace their recovery codes and turn it off, each with a current code", async () => {
    const user = await fixtures.user(app.database, "changes-own@hub.example", orgId);
    const client = app.client();
    expect((await passwordStep(client, user.email)).headers.location).toBe("/dashboard");
    const secret = secretOnPage((await client.get("/account/security")).body)!;
    await client.post("/account/security/two-factor", { code: totpCode(secret) });
    const old = recoveryCodesOnPage((await client.get("/account/security/recovery-codes")).body);

    const wrong = await client.post("/account/security/recovery-codes/new", { code: "not-mine" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#newCodesCode"');
    expect(
      (await client.post("/account/security/recovery-codes/new", { code: old[0]! }, { csrf: false })).statusCode,
    ).toBe(403);
    const replaced = await client.post("/account/security/recovery-codes/new", { code: old[0]! });
    expect(replaced.headers.location).toBe("/account/security/recovery-codes");
    const fresh = recoveryCodesOnPage((await client.get("/account/security/recovery-codes")).body);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(old[1]);
    // The old codes stopped working; the new ones work.
    const signIn = app.client();
    await passwordStep(signIn, user.email);
    expect((await signIn.post("/sign-in/two-factor", { code: old[1]! })).statusCode).toBe(400);
    expect((await signIn.post("/sign-in/two-factor", { code: fresh[0]! })).statusCode).toBe(303);

    expect((await client.post("/account/security/two-factor/off", { code: "" })).body).toContain('href="#turnOffCode"');
    const off = await client.post("/account/security/two-factor/off", { code: fresh[1]! });
    expect(off.headers.location).toBe("/account/security");
    expect((await client.get("/account/security")).body).toContain("Two-factor authentication is off");
    expect((await passwordStep(app.client(), user.email)).headers.location).toBe("/dashboard");
    expect(await actions(user.id)).toEqual(expect.arrayContaining(["mfa.recovery_codes_replaced", "mfa.turned_off"]));
  });

  it("does not let an administrator turn off the second factor their role requires", async () => {
    const admin = await fixtures.user(app.database, "keeps-it@hub.example", orgId, { admin: true });
    const client = app.client();
    const { codes } = await enrolAtSignIn(client, admin.email);
    expect((await client.get("/account/security")).body).toContain("cannot be turned off");
    const refused = await client.post("/account/security/two-factor/off", { code: codes[0]! });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("required for service administrators");
    const [row] = await app.database.db.select().from(userMfa).where(eq(userMfa.userId, admin.id));
    expect(row!.enabledAt).not.toBeNull();
    // The refused code was not spent.
    const again = app.client();
    await passwordStep(again, admin.email);
    expect((await again.post("/sign-in/two-factor", { code: codes[0]! })).statusCode).toBe(303);
  });

  it("does not let an invitation link skip the second factor", async () => {
    const invited = await fixtures.user(app.database, "invited-admin@hub.example", orgId, { admin: true });
    const system = { actorUserId: null, actorLabel: "test" };
    const first = await issueInvitation(app.database.db, system, invited.id);
    const client = app.client();
    const accepted = await client.post(`/invitations/${first.token}`, {
      password: "lantern orchard biscuit",
      confirmPassword: "lantern orchard biscuit",
    });
    expect(accepted.headers.location).toBe("/sign-in/two-factor/set-up");
    expect((await client.get("/dashboard")).statusCode).toBe(303);
    const secret = secretOnPage((await client.get("/sign-in/two-factor/set-up")).body)!;
    expect((await client.post("/sign-in/two-factor/set-up", { code: totpCode(secret) })).statusCode).toBe(303);
    expect((await client.get("/dashboard")).statusCode).toBe(200);
    // Enrolled now: a new link (say, a forgotten password) asks for a code too.
    const second = await issueInvitation(app.database.db, system, invited.id);
    const again = await app.client().post(`/invitations/${second.token}`, {
      password: "another orchard biscuit",
      confirmPassword: "another orchard biscuit",
    });
    expect(again.headers.location).toBe("/sign-in/two-factor");
  });
});
