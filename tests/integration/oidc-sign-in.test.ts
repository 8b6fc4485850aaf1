import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { hashToken } from "../../src/kernel/auth/sessions.ts";
import { sessions } from "../../src/kernel/auth/tables.ts";
import { SESSION_COOKIE } from "../../src/kernel/http/server.ts";
import { invitations, users } from "../../src/workspace/access/index.ts";
import { beginOidcSignIn } from "../../src/workspace/access/oidc-service.ts";
import { oidcLoginTransactions } from "../../src/workspace/access/tables.ts";
import { startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

const PUBLIC_URL = "http://localhost:3000";
const REDIRECT_URI = `${PUBLIC_URL}/sign-in/oidc/callback`;

let provider: TestProvider;
let hub: TestApp;
let orgId: string;

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI);
  hub = await createTestApp({
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
  });
  orgId = (await fixtures.organisation(hub.database, "Northshire Council")).id;
  await fixtures.user(hub.database, "ada@northshire.example", orgId);
  await fixtures.user(hub.database, "admin@hub.example", orgId, { admin: true });
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await provider?.close();
});

/** Presses the button on the sign-in page: the app answers with a redirect to the provider. */
async function startAt(client: TestClient, returnTo?: string): Promise<string> {
  const started = await client.post("/sign-in/oidc", returnTo ? { returnTo } : {});
  expect(started.statusCode).toBe(303);
  const location = new URL(started.headers.location as string);
  expect(location.origin).toBe(provider.issuer);
  return location.href;
}

/** The whole round: button, provider login as `login`, back to the callback. */
async function signInAs(client: TestClient, login: string, returnTo?: string) {
  const callback = await provider.signInAt(await startAt(client, returnTo), login);
  return { callback, response: await client.get(callback.pathname + callback.search) };
}

const sessionCount = async () => (await hub.database.db.select().from(sessions)).length;
const auditActions = async (action: string) =>
  hub.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);

describe("single sign-on by OpenID Connect", () => {
  it("shows the button with the default label when configured", async () => {
    const page = await hub.client().get("/sign-in");
    expect(page.body).toContain("Sign in with your organisation account");
    // The button posts here and is redirected to the provider: the browser holds that to form-action.
    expect(page.headers["content-security-policy"]).toContain(`form-action 'self' ${provider.issuer};`);
    expect(page.body).toContain('action="/sign-in/oidc"');
  });

  it("without the settings: no button, no routes, and it cannot be required", async () => {
    const plain = await createTestApp();
    try {
      const without = await plain.client().get("/sign-in");
      expect(without.statusCode).toBe(200);
      expect(without.body).not.toContain("/sign-in/oidc");
      expect((await plain.client().post("/sign-in/oidc")).statusCode).toBe(404);
      expect((await plain.client().get("/sign-in/oidc/callback?code=x&state=y")).statusCode).toBe(404);
      const org = await fixtures.organisation(plain.database, "Southshire Council");
      await fixtures.user(plain.database, "root@hub.example", org.id, { admin: true });
      const admin = plain.client();
      expect((await admin.signIn("root@hub.example")).statusCode).toBe(303);
      const refused = await admin.post(`/admin/single-sign-on/${org.id}`, { ssoRequired: "true" });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain("Single sign-on is not set up on this service");
    } finally {
      await plain.close();
    }
  }, 120_000);

  it("signs a person in with PKCE S256, state and nonce, and returns them where they were going", async () => {
    const client = hub.client();
    // Signed in by password already: the single sign-on session replaces that one.
    expect((await client.signIn("ada@northshire.example")).statusCode).toBe(303);
    const passwordSession = hashToken(client.cookies.get(SESSION_COOKIE)!);
    const authorization = new URL(await startAt(client, "/admin/users?x=1"));
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get("state")).toBeTruthy();
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    expect(authorization.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    // The started sign-in is in the database (any node can finish it), not this process.
    expect(await hub.database.db.select().from(oidcLoginTransactions)).toHaveLength(1);

    const callback = await provider.signInAt(authorization.href, "Ada@Northshire.example");
    const landed = await client.get(callback.pathname + callback.search);
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe("/admin/users?x=1");
    const dashboard = await client.get("/dashboard");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Signed in as ada");
    expect(await hub.database.db.select().from(oidcLoginTransactions)).toHaveLength(0);
    expect(await hub.database.db.select().from(sessions).where(eq(sessions.idHash, passwordSession))).toHaveLength(0);
    const entry = (await auditActions("session.sign_in"))
      .filter((row) => row.actorLabel === "ada@northshire.example")
      .at(-1);
    expect(entry!.after).toMatchObject({ method: "single sign-on", issuer: provider.issuer });

    // The same callback again (a replay, from this browser or any other) signs nobody in.
    const before = await sessionCount();
    const replayed = await client.get(callback.pathname + callback.search);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.body).toContain("already been used");
    const elsewhere = hub.client();
    elsewhere.cookies.set("cpah_oidc_state", callback.searchParams.get("state")!);
    expect((await elsewhere.get(callback.pathname + callback.search)).statusCode).toBe(400);
    expect(await sessionCount()).toBe(before);
  });

  it("refuses a replayed authorization code inside a new sign-in", async () => {
    const first = hub.client();
    const { callback } = await signInAs(first, "ada@northshire.example");
    const second = hub.client();
    const fresh = new URL(await startAt(second));
    const before = await sessionCount();
    const replay = await second.get(
      `/sign-in/oidc/callback?code=${encodeURIComponent(callback.searchParams.get("code")!)}&state=${fresh.searchParams.get("state")}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain("did not confirm who you are");
    expect(await sessionCount()).toBe(before);
    expect((await second.get("/dashboard")).statusCode).not.toBe(200);
  });

  it("answers a cancelled sign-in or a bare callback with a page, not an error", async () => {
    const client = hub.client();
    const state = new URL(await startAt(client)).searchParams.get("state")!;
    const cancelled = await client.get(
      `/sign-in/oidc/callback?error=access_denied&error_description=cancelled&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(cancelled.statusCode).toBe(400);
    expect(cancelled.body).toContain("did not confirm who you are");
    expect((await auditActions("session.sso_refused")).at(-1)!.after).toMatchObject({
      detail: expect.stringContaining("access_denied"),
    });
    const bare = await hub.client().get("/sign-in/oidc/callback");
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain("has expired, has already been used");
  });

  it("refuses a callback without this browser's state cookie (login CSRF)", async () => {
    const victim = hub.client();
    const attacker = hub.client();
    const callback = await provider.signInAt(await startAt(attacker), "ada@northshire.example");
    const before = await sessionCount();
    const forced = await victim.get(callback.pathname + callback.search);
    expect(forced.statusCode).toBe(400);
    expect(forced.body).toContain("started in another browser");
    expect(await sessionCount()).toBe(before);
  });

  for (const [tamper, label, code] of [
    ["nonce", "a wrong nonce", 'unexpected ID Token "nonce" claim value'],
    ["audience", "a token for another client", 'unexpected JWT "aud" (audience) claim value'],
    ["expired", "an expired token", "expiration is past current timestamp"],
    ["signature", "a bad signature", "OAUTH_INVALID_RESPONSE: JWT signature verification failed"],
  ] as const) {
    it(`signs nobody in with ${label}`, async () => {
      provider.tamper = tamper;
      try {
        const client = hub.client();
        const before = await sessionCount();
        const { response } = await signInAs(client, "ada@northshire.example");
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain("You have not been signed in");
        expect(response.body).toContain("did not confirm who you are");
        expect(await sessionCount()).toBe(before);
        expect((await client.get("/dashboard")).statusCode).not.toBe(200);
      } finally {
        provider.tamper = undefined;
      }
      const refusals = await auditActions("session.sso_refused");
      expect(refusals.at(-1)!.after).toMatchObject({ reason: "refused", detail: expect.stringContaining(code) });
    });
  }

  it("says the provider cannot be reached (503), and keeps no started sign-in", async () => {
    const dead = { ...hub.config.oidc!, issuer: "http://127.0.0.1:9" };
    const before = (await hub.database.db.select().from(oidcLoginTransactions)).length;
    await expect(beginOidcSignIn(hub.database.db, dead, "/")).rejects.toMatchObject({ reason: "unavailable" });
    expect(await hub.database.db.select().from(oidcLoginTransactions)).toHaveLength(before);
  });

  it("gives an unknown email a clear page and no account", async () => {
    const client = hub.client();
    const { response } = await signInAs(client, "stranger@elsewhere.example");
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("There is no active account for <strong>stranger@elsewhere.example</strong>");
    const found = await hub.database.db.select().from(users).where(eq(users.email, "stranger@elsewhere.example"));
    expect(found).toHaveLength(0);
    expect((await auditActions("session.sso_refused")).at(-1)).toMatchObject({
      actorLabel: "stranger@elsewhere.example",
      after: { reason: "no-account", detail: "no account" },
    });
  });

  it("refuses an email the provider says it has not verified", async () => {
    provider.claims.set("ada@northshire.example#unverified", {
      email: "ada@northshire.example",
      email_verified: false,
    });
    const { response } = await signInAs(hub.client(), "ada@northshire.example#unverified");
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("did not give us a verified email address");
  });

  it("accepts a pending invitation for the email", async () => {
    const admin = hub.client();
    expect((await admin.signIn("admin@hub.example")).statusCode).toBe(303);
    const invited = await admin.post("/admin/users", {
      name: "Ivy Invitee",
      email: "ivy@northshire.example",
      organisationId: orgId,
      method: "invite",
    });
    expect(invited.statusCode).toBe(200);
    const client = hub.client();
    const { response } = await signInAs(client, "ivy@northshire.example");
    expect(response.statusCode).toBe(303);
    expect((await client.get("/dashboard")).body).toContain("Signed in as Ivy Invitee");
    const [ivy] = await hub.database.db.select().from(users).where(eq(users.email, "ivy@northshire.example"));
    expect(ivy!.status).toBe("active");
    const [invitation] = await hub.database.db.select().from(invitations).where(eq(invitations.userId, ivy!.id));
    expect(invitation!.acceptedAt).not.toBeNull();
    const accepted = await hub.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invitation.accepted"), eq(auditLog.entityId, ivy!.id)));
    expect(accepted[0]!.after).toMatchObject({ method: "single sign-on" });
  });

  it("lets an administrator require single sign-on, which stops passwords (audited)", async () => {
    const admin = hub.client();
    expect((await admin.signIn("admin@hub.example")).statusCode).toBe(303);
    expect((await admin.get("/admin/organisations")).body).toContain('href="/admin/single-sign-on"');
    const page = await admin.get("/admin/single-sign-on");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Northshire Council");
    const ada = hub.client();
    expect((await ada.signIn("ada@northshire.example")).statusCode).toBe(303);
    // Ada is also signed in by single sign-on in another browser: that session outlives the change.
    const adaSso = hub.client();
    expect((await signInAs(adaSso, "ada@northshire.example")).response.statusCode).toBe(303);
    const methodOf = async (client: TestClient) =>
      (
        await hub.database.db
          .select({ method: sessions.method })
          .from(sessions)
          .where(eq(sessions.idHash, hashToken(client.cookies.get(SESSION_COOKIE)!)))
      )[0]?.method;
    expect(await methodOf(ada)).toBe("password");
    expect(await methodOf(adaSso)).toBe("single-sign-on");
    expect((await ada.post(`/admin/single-sign-on/${orgId}`, { ssoRequired: "true" })).statusCode).toBe(403);
    expect((await admin.post(`/admin/single-sign-on/${orgId}`, { ssoRequired: "maybe" })).statusCode).toBe(400);
    const set = await admin.post(`/admin/single-sign-on/${orgId}`, { ssoRequired: "true" });
    expect(set.statusCode).toBe(303);
    const [changed] = await auditActions("organisation.sign_in_policy_changed");
    expect(changed).toMatchObject({ entityId: orgId, before: { ssoRequired: false }, after: { ssoRequired: true } });
    // Sessions that passwords opened end with them; the administrator making the change keeps theirs.
    expect((changed!.after as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await ada.get("/dashboard")).statusCode).toBe(303);
    expect(await methodOf(ada)).toBeUndefined();
    expect((await adaSso.get("/dashboard")).statusCode).toBe(200);
    expect(await methodOf(adaSso)).toBe("single-sign-on");
    expect((await admin.get("/admin/single-sign-on")).statusCode).toBe(200);
    // An invitation link sets no password now: it sends the person to single sign-on.
    const invited = await admin.post("/admin/users", {
      name: "Otto Invitee",
      email: "otto@northshire.example",
      organisationId: orgId,
      method: "invite",
    });
    // Without SMTP the administrator is shown the link to pass on: it says how the person signs in.
    expect(invited.body).toContain("Invitation link created");
    expect(invited.body).toContain("sign in with their organisation account");
    expect(invited.body).not.toContain("set their password");
    const token = /\/invitations\/([A-Za-z0-9_-]{20,100})/.exec(invited.body)![1];
    const linkPage = await hub.client().get(`/invitations/${token}`);
    expect(linkPage.statusCode).toBe(409);
    expect(linkPage.body).toContain("Sign in with your organisation account");
    expect(linkPage.body).toContain('action="/sign-in/oidc"');
    const setPassword = await hub.client().post(`/invitations/${token}`, {
      password: "lantern orchard biscuit",
      confirmPassword: "lantern orchard biscuit",
    });
    expect(setPassword.statusCode).toBe(409);
    const [otto] = await hub.database.db.select().from(users).where(eq(users.email, "otto@northshire.example"));
    expect(otto).toMatchObject({ status: "invited", passwordHash: null });

    const refused = await hub.client().signIn("ada@northshire.example");
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Your organisation signs in with single sign-on");
    expect(await auditActions("session.password_refused_sso")).toHaveLength(1);
    // A wrong password still gets the usual answer, so the message reveals nothing without it.
    const wrong = await hub.client().signIn("ada@northshire.example", "not-the-password-at-all");
    expect(wrong.body).toContain("Enter a correct email address and password");
    // Single sign-on still works for them.
    const client = hub.client();
    expect((await signInAs(client, "ada@northshire.example")).response.statusCode).toBe(303);

    expect((await admin.post(`/admin/single-sign-on/${orgId}`, { ssoRequired: "false" })).statusCode).toBe(303);
    expect((await hub.client().signIn("ada@northshire.example")).statusCode).toBe(303);
  });
});
