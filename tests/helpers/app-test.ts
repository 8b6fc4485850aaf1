import type { SQL } from "drizzle-orm";
import { test as base } from "vitest";
import { buildApp } from "../../src/app.ts";
import { fixtures as unboundFixtures, TestClient, testConfig } from "./test-app.ts";
import { createTestDatabase } from "./test-database.ts";

type Unbound = typeof unboundFixtures;
type Drop1<F> = F extends (database: never, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;
/** `fixtures.*` with the file's database already given: `fixtures.user(email, organisationId, grants)`. */
export type BoundFixtures = { [K in keyof Unbound]: Drop1<Unbound[K]> };

/**
 * Integration tests with a database: `dbTest` gives each test file one migrated database of its
 * own (in-memory PGlite, or a fresh database on the server in TEST_DATABASE_URL), created when
 * a hook or test of the file first asks for it and closed after the file's last test.
 *
 *   dbTest.beforeAll(async ({ fixtures }) => { … });
 *   dbTest("…", async ({ db, query }) => { … });
 */
export const dbTest = base
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("database", { scope: "file" }, async ({}, { onCleanup }) => {
    const database = await createTestDatabase();
    onCleanup(() => database.close());
    return database;
  })
  .extend("db", { scope: "file" }, ({ database }) => database.db)
  /** The rows of a raw SQL query: `await query<{ n: number }>(sql\`select …\`)`. */
  .extend(
    "query",
    { scope: "file" },
    ({ database }) =>
      async <T>(text: SQL): Promise<T[]> =>
        ((await database.db.execute(text)) as unknown as { rows: T[] }).rows,
  )
  .extend("fixtures", { scope: "file" }, ({ database }): BoundFixtures => {
    const bound: Record<string, unknown> = {};
    for (const [name, fixture] of Object.entries(unboundFixtures)) {
      bound[name] = (...rest: unknown[]) => (fixture as (...args: unknown[]) => unknown)(database, ...rest);
    }
    return bound as BoundFixtures;
  });

/**
 * `dbTest` plus the whole app over that database (`buildApp`, as served), and people to drive it
 * through `app.inject`: `client()` is a new anonymous cookie-keeping, CSRF-aware client and
 * `signIn(email)` a new client signed in (set-up fails loudly when the sign-in does not
 * succeed). A file that needs other settings extends `configOverrides`:
 *
 *   const test = appTest.extend("configOverrides", { scope: "file" }, { API_RATE_LIMIT_PER_MINUTE: "5" });
 */
export const appTest = dbTest
  .extend("configOverrides", { scope: "file" }, {} as Record<string, string>)
  .extend("config", { scope: "file" }, ({ configOverrides }) => testConfig(configOverrides))
  .extend("built", { scope: "file" }, async ({ config, database }, { onCleanup }) => {
    const built = await buildApp({ config, database, logger: false });
    onCleanup(() => built.app.close());
    return built;
  })
  .extend("app", { scope: "file" }, ({ built }) => built.app)
  .extend("routes", { scope: "file" }, ({ built }) => built.routes)
  .extend(
    "client",
    { scope: "file" },
    ({ app, config }) =>
      () =>
        new TestClient(app, config),
  )
  .extend("signIn", { scope: "file" }, ({ client }) => async (email: string, password?: string) => {
    const signedIn = client();
    const response = await signedIn.signIn(email, password);
    if (response.statusCode !== 303) {
      throw new Error(`Test set-up: signing in as ${email} answered ${response.statusCode}, not a redirect`);
    }
    return signedIn;
  });

/**
 * `appTest` plus `api(url, auth)`: a GET through the app as an API client sends it, with a
 * personal API token (sent as a bearer token) or headers of its own (none when left out).
 */
export const apiTest = appTest.extend(
  "api",
  { scope: "file" },
  ({ app }) =>
    (url: string, auth: string | Record<string, string> = {}) =>
      app.inject({
        method: "GET",
        url,
        headers: typeof auth === "string" ? { authorization: `Bearer ${auth}` } : auth,
      }),
);
