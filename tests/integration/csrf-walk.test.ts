import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { csrfTokenFor } from "../../src/kernel/http/csrf.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";

// Every state-changing route the app registers, from the route table buildApp records as the
// domains register their routes, so routes added later by any domain are covered without editing
// this file.
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let admin: TestClient;

/** A concrete URL for a route pattern: every parameter a fresh UUID (the usual id shape). */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+(\([^)]*\))?/g, () => randomUUID()).replace(/\*/g, "x");
}

const test = appTest
  /** Row counts of every table in the schema: nothing may change when a forged post is refused. */
  .extend(
    "tableCounts",
    { scope: "file" },
    ({ db }) =>
      async function tableCounts(): Promise<Record<string, number>> {
        const result = await db.execute(
          sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
        );
        const rows = (result as unknown as { rows: { table_name: string }[] }).rows;
        const counts: Record<string, number> = {};
        for (const { table_name: table } of rows) {
          const count = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
          counts[table] = Number((count as unknown as { rows: { n: number }[] }).rows[0]!.n);
        }
        return counts;
      },
  )
  .extend(
    "send",
    { scope: "file" },
    ({ app }) =>
      async function send(client: TestClient, method: string, url: string, token: string | undefined) {
        const body = new URLSearchParams({
          name: "forged",
          email: "forged@example.org",
          password: "forged-password-123",
        });
        if (token !== undefined) body.set("_csrf", token);
        return app.inject({
          method: method as "POST",
          url,
          payload: body.toString(),
          headers: {
            cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
            "content-type": "application/x-www-form-urlencoded",
          },
        });
      },
  );

test.beforeAll(async ({ client, fixtures }) => {
  const org = await fixtures.organisation("Walk Council");
  const partnership = await fixtures.partnership("Walk Partnership", "england");
  await fixtures.user("admin@walk.example", org.id, { admin: true, roles: [[partnership.id, "lead"]] });
  admin = client();
  expect((await admin.signIn("admin@walk.example")).statusCode).toBe(303);
});

describe("CSRF on every state-changing route", () => {
  test("finds the routes from the route table", ({ routes }) => {
    const unsafe = routes.filter((route) => UNSAFE.has(route.method));
    expect(unsafe.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(["POST /sign-in", "POST /sign-out"]),
    );
  });

  // Five forged requests per route and a row count of every table before and after: the default
  // 30 s limit is too short on a busy machine.
  test("refuses posts with no token or a forged token with 403 and changes nothing", async ({
    config,
    client,
    tableCounts,
    send,
    routes,
  }) => {
    const targets = routes.filter((route) => UNSAFE.has(route.method) && route.csrf !== false);
    const before = await tableCounts();
    const anonymous = client();
    const otherSession = csrfTokenFor(config.sessionSecret, "s:someone-elses-session");
    const wrongSecret = csrfTokenFor("not-the-secret-not-the-secret-not-the", `s:${admin.cookies.get("cpah_session")}`);
    const failures: string[] = [];
    for (const route of targets) {
      const url = concrete(route.url);
      const attempts: [string, TestClient, string | undefined][] = [
        ["signed in, no token", admin, undefined],
        ["signed in, another session's token", admin, otherSession],
        ["signed in, token signed with another secret", admin, wrongSecret],
        ["signed in, garbage token", admin, "forged"],
        ["anonymous, no token", anonymous, undefined],
      ];
      for (const [label, client, token] of attempts) {
        const response = await send(client, route.method, url, token);
        if (response.statusCode !== 403)
          failures.push(`${route.method} ${route.url} (${label}): HTTP ${response.statusCode}`);
      }
    }
    process.stdout.write(`CSRF walk: ${targets.length} state-changing routes, ${targets.length * 5} forged requests\n`);
    expect(failures).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    // The admin is still signed in: the refused sign-out did not end the session.
    expect((await admin.get("/dashboard")).statusCode).toBe(200);
  }, 240_000);

  test("lists the routes that opt out, which must be bearer-token API routes", ({ routes }) => {
    const optedOut = routes.filter((route) => UNSAFE.has(route.method) && route.csrf === false);
    for (const route of optedOut) expect(route.url, `${route.method} ${route.url} skips CSRF`).toMatch(/^\/api\//);
  });
});
