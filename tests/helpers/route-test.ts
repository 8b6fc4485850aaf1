import { Extensions } from "../../src/kernel/domains/extensions.ts";
import type { FastifyInstance } from "fastify";
import { test as base } from "vitest";
import type { Actor } from "../../src/kernel/auth/policy.ts";
import type { Database, Db } from "../../src/kernel/db/database.ts";
import type { AppContext } from "../../src/kernel/http/context.ts";
import { createServer } from "../../src/kernel/http/server.ts";
import { TestClient, testConfig } from "./test-app.ts";

/**
 * A database for tests that must not need one: any query fails the test, saying what was used.
 * (Symbols and `then` read as undefined, so printing or awaiting the object is harmless.)
 */
export function noDatabase(): Database {
  const fail = (what: string): never => {
    throw new Error(`This route test has no database, but the code under test used ${what}: use appTest instead`);
  };
  const db = new Proxy(
    {},
    {
      get: (_target, property) =>
        typeof property === "symbol" || property === "then" ? undefined : fail(`db.${String(property)}`),
    },
  ) as Db;
  return {
    kind: "pglite",
    db,
    withDedicatedConnection: async () => fail("a dedicated connection"),
    ping: async () => fail("ping"),
    close: async () => undefined,
  };
}

export interface RouteTestOptions {
  /** Who every request is made as: the actor the session would give (signed out when absent). */
  actor?: Actor;
  configOverrides?: Record<string, string>;
}

/**
 * Fast route tests where a database adds nothing (rendering, validation, headers, CSRF, the
 * redirect of someone signed out): the kernel's server (helmet and CSP, cookies, forms, CSRF,
 * views, error pages, operations routes) over `noDatabase()`, with only the routes `register`
 * adds, given stub dependencies where they take any. One app per file, built on first use:
 *
 *   const test = routeTest((app, context) => registerSignInRoutes(app, context));
 *   test("…", async ({ app, client }) => { … });
 */
export function routeTest(
  register: (app: FastifyInstance, context: AppContext) => void,
  options: RouteTestOptions = {},
) {
  return (
    base
      // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
      .extend("config", { scope: "file" }, ({}) => testConfig(options.configOverrides))
      .extend("app", { scope: "file" }, async ({ config }, { onCleanup }) => {
        const database = noDatabase();
        const { app } = await createServer({
          config,
          database,
          loadSessionActor: async () => null,
          navigation: () => [{ href: "/", text: "Home" }],
          logger: false,
        });
        const actor = options.actor;
        if (actor) {
          app.addHook("onRequest", async (request) => {
            request.actor = actor;
          });
        }
        register(app, { config, database, db: database.db, extensions: new Extensions() });
        await app.ready();
        onCleanup(() => app.close());
        return app;
      })
      .extend(
        "client",
        { scope: "file" },
        ({ app, config }) =>
          () =>
            new TestClient(app, config),
      )
  );
}
