import { describe, expect } from "vitest";
import { registerSignInRoutes } from "../../src/workspace/access/sign-in-routes.ts";
import { registerSiteRoutes } from "../../src/workspace/site/routes.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { routeTest } from "../helpers/route-test.ts";

// What is refused before any query needs no database.
const routes = routeTest((app, context) => {
  registerSiteRoutes(app, context);
  registerSignInRoutes(app, context);
});

let email: string;

test.beforeAll(async ({ fixtures }) => {
  const org = await fixtures.organisation("Northshire Council");
  const user = await fixtures.user("lead@northshire.example", org.id);
  email = user.email;
});

describe("sign in", () => {
  test("signs in with the right password and shows the dashboard", async ({ client: newClient }) => {
    const client = newClient();
    const response = await client.signIn(email);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/dashboard");
    const dashboard = await client.get("/dashboard");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Your partnerships");
  });

  test("gives the same message for an unknown email and a wrong password", async ({ client }) => {
    const unknown = await client().signIn("nobody@example.org", "whatever-password");
    const wrong = await client().signIn(email, "wrong-password-123");
    expect(unknown.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    expect(unknown.body).toContain("Enter a correct email address and password");
    expect(wrong.body).toContain("Enter a correct email address and password");
    expect(unknown.body).toContain("govuk-error-summary");
  });

  routes("rejects a form without a CSRF token", async ({ client }) => {
    const response = await client().post("/sign-in", { email, password: "x" }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  routes("redirects anonymous visitors from the dashboard to sign in", async ({ client }) => {
    const response = await client().get("/dashboard");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?returnTo=%2Fdashboard");
  });
});
