/**
 * Password reset by email (issue 11): a one-time link for an hour, only its hash stored, the
 * same answer for unknown emails, NCSC checks on the new password, other sessions ended,
 * audited. Mail goes through a local SMTP server that keeps what it receives.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { scheduleSignInPurge } from "../../src/workspace/access/index.ts";
import { mfaChallenges } from "../../src/workspace/access/mfa-tables.ts";
import { passwordResets } from "../../src/workspace/access/password-reset-tables.ts";
import { type MailCatcher, startMailCatcher } from "../helpers/mail-catcher.ts";
import { createTestApp, fixtures, TEST_PASSWORD, type TestApp } from "../helpers/test-app.ts";

let mail: MailCatcher;
let app: TestApp;
let orgId: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  app = await createTestApp({
    SMTP_URL: mail.url,
    MAIL_FROM: "hub@council.example",
    PUBLIC_URL: "https://hub.example",
  });
  orgId = (await fixtures.organisation(app.database, "Northshire Council")).id;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await mail?.close();
});

const mailTo = (email: string, already = 0) => mail.mailTo(email, already);
const received = () => mail.received;

const linkIn = (message: string) => /https:\/\/hub\.example(\/reset-password\/[A-Za-z0-9_-]+)/.exec(message)![1]!;

describe("password reset by email", () => {
  it("links from the sign-in page", async () => {
    const page = await app.client().get("/sign-in");
    expect(page.body).toContain('href="/forgotten-password"');
    expect(page.body).toContain("Forgotten your password?");
  });

  it("emails a one-time link that sets a new password, ends other sessions and is audited", async () => {
    const user = await fixtures.user(app.database, "forgetful@hub.example", orgId);
    const elsewhere = app.client();
    await elsewhere.signIn(user.email);
    expect((await elsewhere.get("/dashboard")).statusCode).toBe(200);

    const asked = await app.client().post("/forgotten-password", { email: "Forgetful@hub.example" });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Check your email");
    const path = linkIn(await mailTo(user.email));
    // Only the token's hash is stored.
    const [stored] = await app.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(path).not.toContain(stored!.tokenHash);

    const client = app.client();
    expect((await client.get(path)).body).toContain("Choose a new password");
    const weak = await client.post(path, { password: "password1234", confirmPassword: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('href="#password"');
    expect(weak.body).toContain("too common");
    const short = await client.post(path, { password: "short", confirmPassword: "short" });
    expect(short.body).toContain("at least 12 characters");
    const mismatch = await client.post(path, { password: "lantern orchard biscuit", confirmPassword: "other" });
    expect(mismatch.body).toContain('href="#confirmPassword"');
    const asEmail = await client.post(path, { password: user.email, confirmPassword: user.email });
    expect(asEmail.body).toContain("must not be your email address");

    const done = await client.post(path, {
      password: "lantern orchard biscuit",
      confirmPassword: "lantern orchard biscuit",
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/sign-in");
    expect((await elsewhere.get("/dashboard")).statusCode).toBe(303);
    expect((await app.client().signIn(user.email)).statusCode).toBe(400);
    expect((await app.client().signIn(user.email, "lantern orchard biscuit")).headers.location).toBe("/dashboard");

    const used = await app.client().get(path);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain("already been used");
    const again = await app
      .client()
      .post(path, { password: "another fine password", confirmPassword: "another fine password" });
    expect(again.statusCode).toBe(410);
    const actions = await app.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, user.id));
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(["password.reset_requested", "password.reset_emailed", "password.reset"]),
    );
  });

  it("gives the same answer for an email with no account, and sends nothing", async () => {
    const before = received().length;
    const known = await fixtures.user(app.database, "known@hub.example", orgId);
    const forKnown = await app.client().post("/forgotten-password", { email: known.email });
    const forUnknown = await app.client().post("/forgotten-password", { email: "nobody@hub.example" });
    // Per-response tokens aside (CSRF, the CSP nonce), the pages are identical.
    const strip = (html: string) =>
      html.replace(/<input type="hidden" name="_csrf"[^>]*>/g, "").replace(/nonce="[^"]*"/g, "");
    expect(forUnknown.statusCode).toBe(forKnown.statusCode);
    expect(strip(forUnknown.body)).toBe(strip(forKnown.body));
    await mailTo(known.email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      received()
        .slice(before)
        .some((mail) => mail.to.includes("nobody@hub.example")),
    ).toBe(false);
  });

  it("says an expired or unknown link is unusable, and refuses bad input naming the field", async () => {
    const user = await fixtures.user(app.database, "slow@hub.example", orgId);
    await app.client().post("/forgotten-password", { email: user.email });
    const path = linkIn(await mailTo(user.email));
    await app.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    const expired = await app.client().get(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("This link has expired");
    const posted = await app
      .client()
      .post(path, { password: "lantern orchard biscuit", confirmPassword: "lantern orchard biscuit" });
    expect(posted.statusCode).toBe(410);
    expect((await app.client().signIn(user.email, TEST_PASSWORD)).statusCode).toBe(303);

    expect((await app.client().get("/reset-password/not-a-real-token-at-all-xyz")).statusCode).toBe(404);
    expect((await app.client().get("/reset-password/%00")).statusCode).toBeLessThan(500);
    const bad = await app.client().post("/forgotten-password", { email: "not an email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#email"');
    expect((await app.client().post("/forgotten-password", { email: user.email }, { csrf: false })).statusCode).toBe(
      403,
    );
  });

  it("throttles requests for one email from one address", async () => {
    const client = app.client();
    let last = await client.post("/forgotten-password", { email: "spammed@hub.example" });
    for (let i = 0; i < 5; i++) last = await client.post("/forgotten-password", { email: "spammed@hub.example" });
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain("too many requests");
  });

  it("a new link replaces the previous one", async () => {
    const user = await fixtures.user(app.database, "twice@hub.example", orgId);
    await app.client().post("/forgotten-password", { email: user.email });
    const first = linkIn(await mailTo(user.email));
    await app.client().post("/forgotten-password", { email: user.email });
    const second = linkIn(await mailTo(user.email, 1));
    expect(second).not.toBe(first);
    expect((await app.client().get(first)).statusCode).toBe(404);
    expect((await app.client().get(second)).statusCode).toBe(200);
  });
});

describe("purging", () => {
  it("removes reset links a day past expiry and expired two-factor challenges", async () => {
    const user = await fixtures.user(app.database, "purged@hub.example", orgId);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await app.database.db.insert(passwordResets).values([
      { userId: user.id, tokenHash: "old-link", expiresAt: dayAgo },
      { userId: user.id, tokenHash: "live-link", expiresAt: new Date(Date.now() + 60_000) },
    ]);
    await app.database.db.insert(mfaChallenges).values([
      { tokenHash: "old-challenge", userId: user.id, purpose: "verify", expiresAt: new Date(Date.now() - 1000) },
      { tokenHash: "live-challenge", userId: user.id, purpose: "verify", expiresAt: new Date(Date.now() + 60_000) },
    ]);
    const purge = scheduleSignInPurge(app.database.db, { intervalMs: 3_600_000 });
    await purge.firstRun;
    await purge.stop();
    const links = await app.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(links.map((row) => row.tokenHash)).toEqual(["live-link"]);
    const challenges = await app.database.db.select().from(mfaChallenges).where(eq(mfaChallenges.userId, user.id));
    expect(challenges.map((row) => row.tokenHash)).toEqual(["live-challenge"]);
  });
});

describe("without SMTP", () => {
  it("explains who to ask instead of pretending to send", async () => {
    const plain = await createTestApp();
    try {
      const page = await plain.client().get("/forgotten-password");
      expect(page.body).toContain("This service cannot send email");
      expect(page.body).not.toContain('action="/forgotten-password"');
    } finally {
      await plain.close();
    }
  });
});
