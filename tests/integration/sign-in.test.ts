import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, fixtures, type TestApp } from "../helpers/test-app.ts";

let t: TestApp;
let email: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await fixtures.organisation(t.database, "Northshire Council");
  const user = await fixtures.user(t.database, "lead@northshire.example", org.id);
  email = user.email;
});
afterAll(() => t.close());

describe("sign in", () => {
  it("signs in with the right password and shows the dashboard", async () => {
    const client = t.client();
    const response = await client.signIn(email);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/dashboard");
    const dashboard = await client.get("/dashboard");
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Your partnerships");
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    const unknown = await t.client().signIn("nobody@example.org", "whatever-password");
    const wrong = await t.client().signIn(email, "wrong-password-123");
    expect(unknown.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    expect(unknown.body).toContain("Enter a correct email address and password");
    expect(wrong.body).toContain("Enter a correct email address and password");
    expect(unknown.body).toContain("govuk-error-summary");
  });

  it("rejects a form without a CSRF token", async () => {
    const response = await t.client().post("/sign-in", { email, password: "x" }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  it("redirects anonymous visitors from the dashboard to sign in", async () => {
    const response = await t.client().get("/dashboard");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?returnTo=%2Fdashboard");
  });
});
