/**
 * MFA_ENCRYPTION_KEY (issue 11): TOTP secrets sealed under their own key when it is set, so a
 * change of SESSION_SECRET no longer makes everyone enrol again. Secrets sealed under
 * SESSION_SECRET before the key was set still open, and are sealed again under the key at their
 * owner's next correct code.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/kernel/config/config.ts";
import { replaceOwnRecoveryCodes } from "../../src/workspace/access/mfa-account-service.ts";
import {
  beginEnrolment,
  enrolSignedIn,
  loadChallenge,
  startChallenge,
  verifyChallenge,
} from "../../src/workspace/access/mfa-service.ts";
import { userMfa } from "../../src/workspace/access/mfa-tables.ts";
import { totpCode } from "../../src/workspace/access/mfa-totp.ts";
import { secretOnPage } from "../helpers/mfa.ts";
import { createTestApp, fixtures, TEST_PASSWORD, type TestApp } from "../helpers/test-app.ts";

const OLD_SESSION_SECRET = "old-session-secret-old-session-secret-0001";
const NEW_SESSION_SECRET = "new-session-secret-new-session-secret-0002";
const MFA_KEY = "mfa-encryption-key-mfa-encryption-key-0003";
const meta = { ip: "192.0.2.1", requestId: "test" };
const audit = { actorUserId: null, actorLabel: "test" };

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp({ MFA_ENCRYPTION_KEY: MFA_KEY });
  orgId = (await fixtures.organisation(app.database, "Northshire Council")).id;
}, 60_000);
afterAll(() => app?.close());

const sealed = async (userId: string) =>
  (await app.database.db.select().from(userMfa).where(eq(userMfa.userId, userId)))[0]!.secretEncrypted!;

/** Lets the next code of the same 30-second step count (each step is accepted once). */
const forgetUsedStep = (userId: string) =>
  app.database.db.update(userMfa).set({ lastUsedStep: null }).where(eq(userMfa.userId, userId));

/** The sign-in's second step, with these keys, as a service started with them would check it. */
async function secondStep(keys: { sessionSecret: string; mfaEncryptionKey?: string }, userId: string, secret: string) {
  await forgetUsedStep(userId);
  const challenge = await loadChallenge(app.database.db, await startChallenge(app.database.db, userId, "verify", "/"));
  const result = await verifyChallenge(app.database.db, keys, challenge!, totpCode(secret), 60, meta);
  return result.kind;
}

describe("MFA_ENCRYPTION_KEY", () => {
  it("is optional, and at least 32 characters when given", () => {
    const base = { NODE_ENV: "test", SESSION_SECRET: OLD_SESSION_SECRET, DATA_DIR: "./tmp/test-data" } as const;
    expect(loadConfig(base).mfaEncryptionKey).toBeUndefined();
    expect(loadConfig({ ...base, MFA_ENCRYPTION_KEY: MFA_KEY }).mfaEncryptionKey).toBe(MFA_KEY);
    expect(() => loadConfig({ ...base, MFA_ENCRYPTION_KEY: "short" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, MFA_ENCRYPTION_KEY: "short" })).toThrow(
      /MFA_ENCRYPTION_KEY: must be at least 32/,
    );
  });

  it("seals a secret enrolled through the pages under the key, not SESSION_SECRET", async () => {
    const ada = await fixtures.user(app.database, "ada@northshire.example", orgId);
    const client = app.client();
    expect((await client.signIn(ada.email)).statusCode).toBe(303);
    const secret = secretOnPage((await client.get("/account/security")).body)!;
    const confirmed = await client.post("/account/security/two-factor", { code: totpCode(secret) });
    expect(confirmed.statusCode).toBe(303);
    expect(await sealed(ada.id)).toMatch(/^m1\./);
    // SESSION_SECRET alone does not open it; the key does, whatever SESSION_SECRET now is.
    expect(await secondStep({ sessionSecret: app.config.sessionSecret }, ada.id, secret)).toBe("refused");
    expect(await secondStep({ sessionSecret: NEW_SESSION_SECRET, mfaEncryptionKey: MFA_KEY }, ada.id, secret)).toBe(
      "signed-in",
    );
    const signIn = await app.client().post("/sign-in", { email: ada.email, password: TEST_PASSWORD });
    expect(signIn.headers.location).toMatch(/^\/sign-in\/two-factor/);
  });

  it("opens a secret sealed under SESSION_SECRET before the key was set, and seals it again under the key", async () => {
    const bea = await fixtures.user(app.database, "bea@northshire.example", orgId);
    const before = { sessionSecret: OLD_SESSION_SECRET };
    const enrolment = await beginEnrolment(app.database.db, before, bea);
    expect((await enrolSignedIn(app.database.db, before, bea.id, totpCode(enrolment!.secret), audit)).ok).toBe(true);
    const legacy = await sealed(bea.id);
    expect(legacy).toMatch(/^v1\./);

    // Before anyone has signed in since the key was set, rotating SESSION_SECRET would still lose it.
    expect(
      await secondStep({ sessionSecret: NEW_SESSION_SECRET, mfaEncryptionKey: MFA_KEY }, bea.id, enrolment!.secret),
    ).toBe("refused");
    // The key is set: the old seal still opens (fallback), and the correct code seals it again.
    const withKey = { sessionSecret: OLD_SESSION_SECRET, mfaEncryptionKey: MFA_KEY };
    expect(await secondStep(withKey, bea.id, enrolment!.secret)).toBe("signed-in");
    const resealed = await sealed(bea.id);
    expect(resealed).toMatch(/^m1\./);
    // Now SESSION_SECRET can change: the enrolment still works.
    const rotated = { sessionSecret: NEW_SESSION_SECRET, mfaEncryptionKey: MFA_KEY };
    expect(await secondStep(rotated, bea.id, enrolment!.secret)).toBe("signed-in");
    // Sealed under the key already: a later code leaves it as it is.
    expect(await sealed(bea.id)).toBe(resealed);
  });

  it("re-seals on a code entered to change one's own settings too", async () => {
    const cy = await fixtures.user(app.database, "cy@northshire.example", orgId);
    const before = { sessionSecret: OLD_SESSION_SECRET };
    const enrolment = await beginEnrolment(app.database.db, before, cy);
    await enrolSignedIn(app.database.db, before, cy.id, totpCode(enrolment!.secret), audit);
    await forgetUsedStep(cy.id);
    const withKey = { sessionSecret: OLD_SESSION_SECRET, mfaEncryptionKey: MFA_KEY };
    const wrong = await replaceOwnRecoveryCodes(app.database.db, withKey, cy.id, "000000", {
      ...audit,
      ip: "192.0.2.2",
    });
    expect(wrong.ok).toBe(false);
    expect(await sealed(cy.id)).toMatch(/^v1\./);
    const replaced = await replaceOwnRecoveryCodes(app.database.db, withKey, cy.id, totpCode(enrolment!.secret), {
      ...audit,
      ip: "192.0.2.2",
    });
    expect(replaced.ok).toBe(true);
    expect(await sealed(cy.id)).toMatch(/^m1\./);
  });
});
