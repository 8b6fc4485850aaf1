import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Actor, Nation, PartnershipRole } from "../../src/kernel/auth/policy.ts";
import type { Database, Db } from "../../src/kernel/db/database.ts";
import { csrfTokenFor, PRE_SESSION_COOKIE } from "../../src/kernel/http/csrf.ts";
import type { LoadedPartnership } from "../../src/kernel/http/pipeline.ts";
import { createServer } from "../../src/kernel/http/server.ts";
import { testConfig } from "./test-app.ts";

/**
 * The kernel's server without a database, for fast route tests of the pipeline and the form kit:
 * partnerships come from a list, and the acting person from the `x-test-actor` header (no session).
 */
export interface StubApp {
  app: FastifyInstance;
  /** Signs as `actor` (a key of the actors given) and keeps cookies, like a browser. */
  client(actor?: string): StubClient;
  close(): Promise<void>;
}

export interface StubClient {
  readonly cookies: Map<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields?: Record<string, string>, options?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

const stubDatabase: Database = {
  kind: "pglite",
  db: {} as Db,
  withDedicatedConnection: () => Promise.reject(new Error("no database in a stub app")),
  ping: async () => {},
  close: async () => {},
};

/** A person with the given grants. */
export function actor(
  name: string,
  grants: { admin?: boolean; nations?: Nation[]; roles?: [string, PartnershipRole][] } = {},
): Actor {
  return {
    userId: randomUUID(),
    email: `${name}@example.org`,
    name,
    organisationId: "00000000-0000-4000-8000-000000000001",
    isPlatformAdmin: grants.admin ?? false,
    coordinatorNations: grants.nations ?? [],
    partnershipRoles: new Map(grants.roles ?? []),
  };
}

/** A partnership as the pipeline loads it. */
export function partnership(name: string, nation: Nation): LoadedPartnership {
  const now = new Date();
  return {
    id: randomUUID(),
    name,
    nation,
    areaCode: "E06000001",
    areaName: name,
    isFictional: true,
    createdAt: now,
    updatedAt: now,
  };
}

export async function stubApp(options: {
  partnerships?: LoadedPartnership[];
  actors?: Record<string, Actor>;
  register: (app: FastifyInstance) => void;
}): Promise<StubApp> {
  const config = testConfig();
  const { app } = await createServer({
    config,
    database: stubDatabase,
    loadSessionActor: async () => null,
    loadPartnership: async (id) => options.partnerships?.find((partnership) => partnership.id === id),
    navigation: () => [],
    partnershipNavigation: (_actor, target) => [
      { href: `/partnerships/${target.partnershipId}`, text: "Overview", exact: true, group: "partnership" },
      { href: `/partnerships/${target.partnershipId}/things`, text: "Things", exact: false, group: "plan" },
    ],
    logger: false,
  });
  app.addHook("onRequest", async (request) => {
    const key = request.headers["x-test-actor"];
    if (typeof key === "string") request.actor = options.actors?.[key] ?? null;
  });
  options.register(app);
  await app.ready();

  const client = (who?: string): StubClient => {
    const cookies = new Map<string, string>([[PRE_SESSION_COOKIE, "stub-pre-session"]]);
    const headers = () => ({
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      ...(who ? { "x-test-actor": who } : {}),
    });
    const keep = (response: LightMyRequestResponse) => {
      for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
        if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()))
          cookies.delete(cookie.name);
        else cookies.set(cookie.name, cookie.value);
      }
      return response;
    };
    return {
      cookies,
      get: async (url) => keep(await app.inject({ method: "GET", url, headers: headers() })),
      post: async (url, fields = {}, { csrf = true } = {}) => {
        const body = new URLSearchParams(fields);
        if (csrf) body.set("_csrf", csrfTokenFor(config.sessionSecret, "p:stub-pre-session"));
        return keep(
          await app.inject({
            method: "POST",
            url,
            payload: body.toString(),
            headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" },
          }),
        );
      },
    };
  };
  return { app, client, close: () => app.close() };
}
