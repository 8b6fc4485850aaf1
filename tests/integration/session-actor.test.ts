/**
 * The session and its person are read in one statement on every request (access's
 * loadSessionActor): a session ended, expired or held by a disabled person counts at once, every
 * grant is as the database has it now, and the idle expiry slides at most once a minute.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { hashToken } from "../../src/kernel/auth/sessions.ts";
import { sessions } from "../../src/kernel/auth/tables.ts";
import { SESSION_COOKIE } from "../../src/kernel/http/server.ts";
import { loadActor, nationalPartners, partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { loadSessionActor } from "../../src/workspace/access/actor-loader.ts";
import { appTest as test } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

let ids: { user: string; glen: string; strath: string; body: string; otherBody: string };

test.beforeAll(async ({ fixtures, db }) => {
  const body = await fixtures.organisation("Body A", "national-body");
  const otherBody = await fixtures.organisation("Body B", "national-body");
  const glen = await fixtures.partnership("Glen Partnership", "scotland", "S12000001");
  const strath = await fixtures.partnership("Strath Partnership", "scotland", "S12000002");
  const user = await fixtures.user("person@session.test", body.id, { roles: [[glen.id, "lead"]] });
  await db.insert(nationalPartners).values([
    { userId: user.id, nation: "scotland", organisationId: body.id },
    // A grant for a body the person has left does not count.
    { userId: user.id, nation: "wales", organisationId: otherBody.id },
  ]);
  ids = { user: user.id, glen: glen.id, strath: strath.id, body: body.id, otherBody: otherBody.id };
});

const tokenOf = (client: TestClient) =>
  (client as unknown as { cookies: Map<string, string> }).cookies.get(SESSION_COOKIE)!;

describe("the session's person", () => {
  test("is read with every grant, the same as by user id", async ({ db, signIn }) => {
    const client = await signIn("person@session.test");
    const found = await loadSessionActor(db, hashToken(tokenOf(client)));
    expect(found?.actor).toMatchObject({ userId: ids.user, email: "person@session.test", isPlatformAdmin: false });
    expect(found?.actor.coordinatorNations).toEqual([]);
    expect([...found!.actor.partnershipRoles]).toEqual([[ids.glen, "lead"]]);
    expect(found?.actor.nationalPartnerNations).toEqual(["scotland"]);
    expect(found?.lastSeenAt).toBeInstanceOf(Date);
    expect(await loadActor(db, ids.user)).toEqual(found?.actor);
    expect(await loadSessionActor(db, hashToken("not a session"))).toBeNull();
  });

  test("grants given or taken after sign-in count on the next request", async ({ db, signIn }) => {
    const client = await signIn("person@session.test");
    expect((await client.get(`/partnerships/${ids.strath}`)).statusCode).toBe(404);
    await db.insert(partnershipRoles).values({ userId: ids.user, partnershipId: ids.strath, role: "viewer" });
    expect((await client.get(`/partnerships/${ids.strath}`)).statusCode).toBe(200);
    await db.delete(partnershipRoles).where(eq(partnershipRoles.partnershipId, ids.strath));
    expect((await client.get(`/partnerships/${ids.strath}`)).statusCode).toBe(404);
  });

  test("an ended or expired session, or a disabled person's, signs out at once", async ({ db, signIn }) => {
    const signedOut = (response: { statusCode: number; headers: Record<string, unknown> }) =>
      response.statusCode === 303 && String(response.headers.location).startsWith("/sign-in");
    const ended = await signIn("person@session.test");
    expect((await ended.get("/dashboard")).statusCode).toBe(200);
    await db.delete(sessions).where(eq(sessions.idHash, hashToken(tokenOf(ended))));
    expect(signedOut(await ended.get("/dashboard"))).toBe(true);

    const expired = await signIn("person@session.test");
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.idHash, hashToken(tokenOf(expired))));
    expect(signedOut(await expired.get("/dashboard"))).toBe(true);

    const disabled = await signIn("person@session.test");
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, ids.user));
    try {
      expect(signedOut(await disabled.get("/dashboard"))).toBe(true);
    } finally {
      await db.update(users).set({ status: "active" }).where(eq(users.id, ids.user));
    }
    expect((await disabled.get("/dashboard")).statusCode).toBe(200);
  });

  test("slides the idle expiry once a minute at most", async ({ db, signIn, config }) => {
    const client = await signIn("person@session.test");
    const idHash = hashToken(tokenOf(client));
    const row = async () => (await db.select().from(sessions).where(eq(sessions.idHash, idHash)))[0]!;
    const fresh = await row();
    await client.get("/dashboard");
    expect((await row()).lastSeenAt).toEqual(fresh.lastSeenAt);
    const earlier = new Date(Date.now() - 5 * 60_000);
    await db
      .update(sessions)
      .set({ lastSeenAt: earlier, expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(sessions.idHash, idHash));
    await client.get("/dashboard");
    const slid = await row();
    expect(slid.lastSeenAt.getTime()).toBeGreaterThan(earlier.getTime());
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + (config.sessionIdleMinutes - 1) * 60_000);
  });
});
