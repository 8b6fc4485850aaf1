/**
 * The API as other sites' code meets it: any origin may read (CORS), the preflight a browser
 * sends before a token-bearing request, read-only methods, and a per-caller rate limit, every
 * refusal as JSON.
 */
import { randomBytes } from "node:crypto";
import { describe, expect } from "vitest";
import { createTokenAs } from "../helpers/api-data.ts";
import { appTest } from "../helpers/app-test.ts";

const test = appTest.extend("configOverrides", { scope: "file" }, { API_RATE_LIMIT_PER_MINUTE: "5" });

let secret: string;
test.beforeAll(async ({ fixtures, signIn }) => {
  const org = await fixtures.organisation("API Council");
  await fixtures.user("api@api.example", org.id);
  secret = await createTokenAs(await signIn("api@api.example"), "Rate limit test");
});

describe("API over HTTP", () => {
  test("lets any origin read, and answers the preflight for an Authorization header", async ({ app }) => {
    const read = await app.inject({
      method: "GET",
      url: "/api/v1/indicators",
      headers: { origin: "https://dashboard.example" },
      remoteAddress: "192.0.2.1",
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBe("*");
    expect(read.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/areas?type=local-authority",
      headers: {
        origin: "https://dashboard.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
      remoteAddress: "192.0.2.2",
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toContain("Authorization");
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, OPTIONS");
  });

  test("refuses anything but GET with 405 JSON naming the allowed methods, not a CSRF error", async ({ app }) => {
    for (const method of ["POST", "PUT", "DELETE"] as const) {
      const response = await app.inject({
        method,
        url: "/api/v1/indicators",
        payload: {},
        remoteAddress: "192.0.2.3",
      });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe("GET, OPTIONS");
      expect(response.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    }
  });

  test("limits each caller to the configured requests a minute, with a JSON 429 and the time to wait", async ({
    app,
  }) => {
    const get = (remoteAddress: string, authorization?: string) =>
      app.inject({
        method: "GET",
        url: "/api/v1/indicators",
        remoteAddress,
        headers: authorization ? { authorization } : {},
      });
    for (let i = 0; i < 5; i++) expect((await get("198.51.100.7")).statusCode).toBe(200);
    const limited = await get("198.51.100.7");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    expect(limited.json()).toMatchObject({
      error: { code: "RATE_LIMITED", message: expect.stringContaining("at most 5 a minute") },
    });
    // Another caller, and the same address with a verified token, are counted apart.
    expect((await get("198.51.100.8")).statusCode).toBe(200);
    expect((await get("198.51.100.7", `Bearer ${secret}`)).statusCode).toBe(200);
  });

  test("counts a made-up token against its address: new tokens never buy more requests", async ({ app }) => {
    const get = (authorization: string) =>
      app.inject({
        method: "GET",
        url: "/api/v1/indicators",
        remoteAddress: "198.51.100.9",
        headers: { authorization },
      });
    const answers: number[] = [];
    for (let i = 0; i < 8; i++)
      answers.push((await get(`Bearer cpah_made-up-${i}-${randomBytes(8).toString("hex")}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Malformed headers too: keyed on the address, already spent.
    expect((await get("Basic dXNlcjpwYXNz")).statusCode).toBe(429);
    // The real token has a bucket of its own, whichever address it comes from.
    expect((await get(`Bearer ${secret}`)).statusCode).toBe(200);
  });

  test("documents the limit on the docs page", async ({ app }) => {
    const docs = await app.inject({ method: "GET", url: "/api" });
    expect(docs.body).toContain("may make 5 requests a minute");
  });
});
