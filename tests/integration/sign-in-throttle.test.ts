/**
 * Sign-in throttling as an attacker meets it: parallel guesses on two app nodes sharing one
 * database, waits that grow, and no way to lock someone out who signs in from elsewhere.
 */
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { loginThrottle } from "../../src/kernel/auth/tables.ts";
import { throttle, throttleKeys } from "../../src/kernel/auth/throttle.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { csrfTokenFor, PRE_SESSION_COOKIE } from "../../src/kernel/http/csrf.ts";
import { fixtures, TEST_PASSWORD, testConfig } from "../helpers/test-app.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const config = testConfig();
let database: Database;
let nodes: FastifyInstance[];

beforeAll(async () => {
  database = await createTestDatabase();
  // Two app nodes: each has its own memory, only the database is shared.
  nodes = [
    (await buildApp({ config, database, logger: false })).app,
    (await buildApp({ config, database, logger: false })).app,
  ];
  const org = await fixtures.organisation(database, "Throttle Council");
  await fixtures.user(database, "target@throttle.example", org.id);
  await fixtures.user(database, "second@throttle.example", org.id);
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await database.close();
});

function attempt(node: FastifyInstance, email: string, password: string, remoteAddress: string) {
  const pre = `pre-${remoteAddress}`;
  const body = new URLSearchParams({ email, password, _csrf: csrfTokenFor(config.sessionSecret, `p:${pre}`) });
  return node.inject({
    method: "POST",
    url: "/sign-in",
    remoteAddress,
    payload: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${PRE_SESSION_COOKIE}=${pre}` },
  });
}

const checkedFailures = async () =>
  (await database.db.select().from(auditLog).where(eq(auditLog.action, "session.sign_in_failed"))).length;

async function row(email: string, address: string) {
  const [found] = await database.db
    .select({
      failures: loginThrottle.failures,
      waitSeconds: sql<number>`ceil(extract(epoch from ${loginThrottle.nextAttemptAt} - now()))::int`,
    })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, throttleKeys(email, address).account));
  return found ? { failures: found.failures, waitSeconds: Number(found.waitSeconds) } : undefined;
}

/** As if the wait had passed: the row's next attempt moved into the past. */
async function waitOut(email: string, address: string) {
  await database.db
    .update(loginThrottle)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(loginThrottle.key, throttleKeys(email, address).account));
}

describe("sign-in throttling", () => {
  it("checks only the free attempts of 30 parallel guesses across two nodes", async () => {
    const before = await checkedFailures();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt(nodes[i % 2]!, "target@throttle.example", `wrong-password-${i}`, "203.0.113.10"),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 400)).toHaveLength(throttle.freePerAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - throttle.freePerAccount);
    expect((await checkedFailures()) - before).toBe(throttle.freePerAccount);
    const refused = answers.find((answer) => answer.statusCode === 429)!;
    expect(refused.body).toContain("There have been too many attempts to sign in. Wait 1 minute and try again");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses even the right password from that address while it waits, but not from another", async () => {
    expect((await attempt(nodes[0]!, "target@throttle.example", TEST_PASSWORD, "203.0.113.10")).statusCode).toBe(429);
    const elsewhere = await attempt(nodes[1]!, "target@throttle.example", TEST_PASSWORD, "198.51.100.20");
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe("/dashboard");
  });

  it("doubles the wait with each further failure, up to the cap", async () => {
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await waitOut("target@throttle.example", "203.0.113.10");
      const answer = await attempt(nodes[i % 2]!, "target@throttle.example", "still-wrong", "203.0.113.10");
      expect(answer.statusCode).toBe(400);
      waits.push((await row("target@throttle.example", "203.0.113.10"))!.waitSeconds);
    }
    expect(waits.map((wait) => Math.round(wait / 30) * 30)).toEqual([60, 120, 240]);
    expect((await row("target@throttle.example", "203.0.113.10"))!.failures).toBe(throttle.freePerAccount + 3);
  });

  it("starts the count again after the right password", async () => {
    await waitOut("target@throttle.example", "203.0.113.10");
    expect((await attempt(nodes[0]!, "target@throttle.example", TEST_PASSWORD, "203.0.113.10")).statusCode).toBe(303);
    expect(await row("target@throttle.example", "203.0.113.10")).toBeUndefined();
    expect((await attempt(nodes[1]!, "target@throttle.example", "wrong-again", "203.0.113.10")).statusCode).toBe(400);
  });

  it("makes one address that tries many accounts wait too", async () => {
    const address = "192.0.2.99";
    for (let i = 0; i < throttle.freePerAddress; i++) {
      expect((await attempt(nodes[i % 2]!, `sprayed-${i}@throttle.example`, "Winter2026!", address)).statusCode).toBe(
        400,
      );
    }
    expect((await attempt(nodes[0]!, "second@throttle.example", "Winter2026!", address)).statusCode).toBe(429);
    // Whoever signs in from elsewhere is unaffected.
    expect((await attempt(nodes[1]!, "second@throttle.example", TEST_PASSWORD, "192.0.2.100")).statusCode).toBe(303);
  });

  it("keeps no email or address in clear", async () => {
    const keys = (await database.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toMatch(/@|203\.0\.113|192\.0\.2/);
  });
});
