import type { FastifyInstance } from "fastify";
import { describe, expect } from "vitest";
import { buildApp } from "../../src/app.ts";
import type { AppContext } from "../../src/kernel/http/context.ts";
import { startMetricsServer } from "../../src/kernel/http/metrics-server.ts";
import type { Lifecycle } from "../../src/kernel/http/operations.ts";
import { registerSignInRoutes } from "../../src/workspace/access/sign-in-routes.ts";
import { registerSiteRoutes } from "../../src/workspace/site/routes.ts";
import { dbTest } from "../helpers/app-test.ts";
import { routeTest } from "../helpers/route-test.ts";
import { TestClient, testConfig } from "../helpers/test-app.ts";

// Two apps on one database: plain HTTP (as in the demo) and behind TLS (COOKIE_SECURE=true).
const METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";
const plainConfig = testConfig({ METRICS_TOKEN });
const secureConfig = testConfig({ COOKIE_SECURE: "true" });
const test = dbTest
  .extend("plain", { scope: "file" }, async ({ database }, { onCleanup }) => {
    const built = await buildApp({ config: plainConfig, database, logger: false });
    onCleanup(() => built.app.close());
    return built;
  })
  .extend("secure", { scope: "file" }, async ({ database }, { onCleanup }) => {
    const built = await buildApp({ config: secureConfig, database, logger: false });
    onCleanup(() => built.app.close());
    return built;
  });

// Headers and error pages need no database: the kernel's server with only the routes they visit.
const pages = (app: FastifyInstance, context: AppContext) => {
  registerSiteRoutes(app, context);
  registerSignInRoutes(app, context);
};
const plainRoutes = routeTest(pages);
const secureRoutes = routeTest(pages, { configOverrides: { COOKIE_SECURE: "true" } });
const failingRoute = routeTest((app) => {
  app.get("/explode", async () => {
    throw new Error("secret-internal-detail at Database.query");
  });
});

test.beforeAll(async ({ fixtures }) => {
  const org = await fixtures.organisation("Ops Council");
  await fixtures.user("ops@ops.example", org.id);
});

describe("health, readiness and metrics", () => {
  test("answers /healthz", async ({ plain }) => {
    const response = await plain.app.inject("/healthz");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  test("is ready while the database answers, and 503 while shutting down", async ({ database, plain }) => {
    const lifecycle: Lifecycle = plain.lifecycle;
    const ready = await plain.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready", database: database.kind });
    lifecycle.shuttingDown = true;
    try {
      const draining = await plain.app.inject("/readyz");
      expect(draining.statusCode).toBe(503);
      expect(draining.json()).toEqual({ status: "shutting-down" });
    } finally {
      lifecycle.shuttingDown = false;
    }
    expect((await plain.app.inject("/readyz")).statusCode).toBe(200);
  });

  test("exposes request durations by route for Prometheus", async ({ plain }) => {
    await plain.app.inject("/");
    await plain.app.inject("/no-such-page");
    const response = await plain.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toContain("# TYPE cpah_http_request_duration_seconds histogram");
    expect(response.body).toMatch(
      /cpah_http_request_duration_seconds_count\{method="GET",route="\/",status="200"\} \d+/,
    );
    expect(response.body).toMatch(
      /cpah_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} \d+/,
    );
  });
});

describe("metrics on the app's port", () => {
  test("answer only to the metrics token, and not at all when none is set", async ({ plain, secure }) => {
    for (const authorization of [undefined, "Bearer wrong-token", `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const response = await plain.app.inject({ url: "/metrics", headers: authorization ? { authorization } : {} });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.body).not.toContain("cpah_");
    }
    // The TLS app has no METRICS_TOKEN: /metrics does not exist on its port.
    const none = await secure.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(none.statusCode).toBe(404);
    expect(none.body).not.toContain("cpah_");
  });

  test("serve on METRICS_PORT without a token when configured", async ({ secure }) => {
    const server = await startMetricsServer(secure.metrics, "127.0.0.1", 0);
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("cpah_http_request_duration_seconds");
      expect((await fetch(server.url.replace("/metrics", "/"))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  test("refuses a METRICS_TOKEN too short to be secret", () => {
    expect(() => testConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
  });
});

describe("security headers", () => {
  plainRoutes("sends a nonce-based CSP and the usual protections", async ({ app }) => {
    const response = await app.inject("/");
    const csp = String(response.headers["content-security-policy"]);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    // The page's only inline script (govuk's js-enabled marker) carries that nonce.
    expect(response.body).toContain(`nonce="${nonce}"`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    // The same as frame-ancestors 'none': no page of the service may be framed, by anyone.
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  plainRoutes("gives each response its own nonce", async ({ app }) => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec(String((await app.inject("/")).headers["content-security-policy"]))?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  secureRoutes("sends HSTS when COOKIE_SECURE=true", async ({ app }) => {
    const response = await app.inject("/");
    expect(response.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("session cookie", () => {
  function sessionCookie(setCookie: string | string[] | undefined): string {
    const cookies = Array.isArray(setCookie) ? setCookie : [setCookie ?? ""];
    const found = cookies.find((cookie) => cookie.startsWith("cpah_session="));
    expect(found, "a cpah_session cookie is set").toBeDefined();
    return found!;
  }

  test("is HttpOnly and SameSite=Lax, not Secure on plain HTTP", async ({ plain }) => {
    const response = await new TestClient(plain.app, plainConfig).signIn("ops@ops.example");
    expect(response.statusCode).toBe(303);
    const cookie = sessionCookie(response.headers["set-cookie"]);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  test("is also Secure when COOKIE_SECURE=true", async ({ secure }) => {
    const response = await new TestClient(secure.app, secureConfig).signIn("ops@ops.example");
    expect(response.statusCode).toBe(303);
    const cookie = sessionCookie(response.headers["set-cookie"]);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Secure/i);
  });

  secureRoutes("protects the pre-sign-in CSRF cookie the same way", async ({ app }) => {
    const response = await app.inject("/sign-in");
    const cookies = [response.headers["set-cookie"]].flat().map(String);
    const pre = cookies.find((cookie) => cookie.startsWith("cpah_pre="));
    expect(pre).toMatch(/; HttpOnly/i);
    expect(pre).toMatch(/; SameSite=Lax/i);
    expect(pre).toMatch(/; Secure/i);
  });
});

describe("internal errors", () => {
  failingRoute("shows the 500 page with a reference and no stack trace or message", async ({ app }) => {
    const response = await app.inject({ url: "/explode", headers: { "x-request-id": "trace-me-123" } });
    expect(response.statusCode).toBe(500);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("Sorry, there is a problem with the service");
    expect(response.body).toContain("trace-me-123");
    expect(response.body).not.toContain("secret-internal-detail");
    expect(response.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);

    const json = await app.inject({ url: "/explode", headers: { accept: "application/json" } });
    expect(json.statusCode).toBe(500);
    expect(json.json()).toEqual({
      error: { code: "INTERNAL", message: "Sorry, there is a problem with the service" },
    });
  });
});
