/**
 * API tokens and restricted data (see tests/helpers/api-data.ts): none, invalid, revoked and
 * expired tokens get 401; a token whose user may not see the data gets 404; a member's gets it.
 */
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { users } from "../../src/workspace/access/index.ts";
import { apiTokens, hashToken } from "../../src/data/api/index.ts";
import { dataPageSchema, errorSchema, indicatorListSchema } from "../../src/data/api/schemas.ts";
import { type ApiWorld, bearer, createTokenAs, csvRows, files, loadApiWorld, OPEN } from "../helpers/api-data.ts";
import { apiTest } from "../helpers/app-test.ts";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";

let world: ApiWorld;
const test = apiTest;

describeWithSharedData(...Object.values(files))("read-only API: tokens and restricted data", () => {
  test.beforeAll(async ({ database, signIn }) => {
    world = await loadApiWorld({ database, signIn });
  }, 300_000);

  test("keeps restricted data behind a token its user may use", async ({ api }) => {
    const url = `/api/v1/indicators/${world.restrictedSlug}/data?pageSize=1000`;
    const catalogue = (headers = {}) =>
      api("/api/v1/indicators", headers).then((r) => indicatorListSchema.parse(r.json()).data.map((i) => i.id));
    expect(await catalogue()).toContain(OPEN);
    expect(await catalogue()).not.toContain(world.restrictedSlug);
    expect(await catalogue(bearer(world.outsiderToken))).not.toContain(world.restrictedSlug);
    expect(await catalogue(bearer(world.memberToken))).toContain(world.restrictedSlug);

    const none = await api(url);
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    expect((await api(url, bearer("cpah_not-a-real-token"))).statusCode).toBe(401);
    expect((await api(url, { authorization: "Basic abc" })).statusCode).toBe(401);
    // A bad token is refused even where no token is needed.
    expect((await api("/api/v1/areas", bearer("cpah_not-a-real-token"))).statusCode).toBe(401);
    expect((await api(url, bearer(world.outsiderToken))).statusCode).toBe(404);

    const ok = await api(url, bearer(world.memberToken));
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["cache-control"]).toContain("no-store");
    const body = dataPageSchema.parse(ok.json());
    expect(body.indicator.access).toBe("restricted");
    const raw = csvRows(readFileSync(files.tidy, "utf8")).filter(
      (r) => r[3] === "Children in relative low income families (under 16s)" && r[0] === "E08000009",
    );
    expect(raw.length).toBeGreaterThan(0);
    for (const row of raw) {
      const value = body.data.find((v) => v.area.code === "E08000009" && v.period.code === row[2]);
      expect(value?.value, row[2]).toBe(Number(row[6]));
      expect(value?.source.publisher).toBe("Trafford Council");
    }
  });

  test("stores only a hash, audits create and revoke, and refuses revoked and expired tokens", async ({ db, api }) => {
    const secret = await createTokenAs(world.member, "Short-lived");
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(secret)));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const url = `/api/v1/indicators/${world.restrictedSlug}`;
    expect((await api(url, bearer(secret))).statusCode).toBe(200);

    // Shown once: the list page never shows the secret again.
    const list = await world.member.get("/account/api-tokens");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Short-lived");
    expect(list.body).not.toContain(secret);

    // Someone else cannot revoke it.
    expect((await world.outsider.post(`/account/api-tokens/${row!.id}/revoke`)).statusCode).toBe(404);
    expect((await api(url, bearer(secret))).statusCode).toBe(200);

    const revoked = await world.member.post(`/account/api-tokens/${row!.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    const refused = await api(url, bearer(secret));
    expect(refused.statusCode).toBe(401);
    expect(errorSchema.parse(refused.json()).error.message).toMatch(/revoked/);

    const audit = await db.execute(sql`select action from audit_log where entity_id = ${row!.id} order by id`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "api-token.created",
      "api-token.revoked",
    ]);

    const expiring = await createTokenAs(world.member, "Expiring");
    expect((await api(url, bearer(expiring))).statusCode).toBe(200);
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.tokenHash, hashToken(expiring)));
    const expired = await api(url, bearer(expiring));
    expect(expired.statusCode).toBe(401);
    expect(errorSchema.parse(expired.json()).error.message).toMatch(/expired/);
  });

  test("stops a disabled user's tokens", async ({ db, signIn, fixtures, api }) => {
    const [someone] = await db.select().from(users).where(eq(users.email, "member@trafford.example"));
    await fixtures.user("leaver@example.org", someone!.organisationId);
    const leaver = await signIn("leaver@example.org");
    const token = await createTokenAs(leaver, "Leaver's script");
    expect((await api("/api/v1/indicators", bearer(token))).statusCode).toBe(200);
    await db.update(users).set({ status: "disabled" }).where(eq(users.email, "leaver@example.org"));
    const refused = await api("/api/v1/indicators", bearer(token));
    expect(refused.statusCode).toBe(401);
    expect(errorSchema.parse(refused.json()).error.message).toMatch(/not active/);
  });

  test("validates the token form and needs sign-in", async ({ db, client, signIn }) => {
    const before = await db.select().from(apiTokens);
    const bad = await world.member.post("/account/api-tokens", { name: "", days: "9999" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a name for the token");
    expect(bad.body).toContain("Choose when the token expires");
    expect(await db.select().from(apiTokens)).toHaveLength(before.length);
    // At most 20 live tokens each: the 21st is refused with the reason, and nothing is saved.
    const busy = await signIn("outsider@elsewhere.example");
    const [first] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(world.outsiderToken)));
    const live = (await db.select().from(apiTokens).where(eq(apiTokens.userId, first!.userId))).length;
    for (let i = live; i < 20; i++) await createTokenAs(busy, `Script ${i}`);
    const refused = await busy.post("/account/api-tokens", { name: "One too many", days: "7" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("You have 20 active tokens");
    expect(refused.body).toContain('value="One too many"');
    const anonymous = await client().get("/account/api-tokens");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
  });
});
