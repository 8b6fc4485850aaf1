/**
 * The ways councils sign in (issue 11), in Chromium: single sign-on through a real OpenID
 * Connect provider (a tampered ID token signs nobody in), an administrator enrolling TOTP at
 * first sign-in and requiring single sign-on for an organisation, whose invitation link then
 * leads to single sign-on, and a password reset by email that works once.
 */
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { buildAssets } from "../../src/kernel/http/assets.ts";
import { freePort } from "../helpers/free-port.ts";
import { type MailCatcher, startMailCatcher } from "../helpers/mail-catcher.ts";
import { startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { fixtures, TEST_PASSWORD, testConfig } from "../helpers/test-app.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";
import { launchBrowser, newPage, pageProblems, signInThroughForm } from "./harness/browser.ts";

let provider: TestProvider;
let mail: MailCatcher;
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  await buildAssets();
  mail = await startMailCatcher();
  // The callback address comes from PUBLIC_URL, so the app's port is chosen before it starts.
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${origin}/sign-in/oidc/callback`);
  database = await createTestDatabase();
  const council = await fixtures.organisation(database, "Northshire Council");
  await fixtures.organisation(database, "Southshire Health Board", "health-board");
  await fixtures.user(database, "ada@northshire.example", council.id);
  await fixtures.user(database, "admin@hub.example", council.id, { admin: true });
  const config = testConfig({
    PUBLIC_URL: origin,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    SMTP_URL: mail.url,
    MAIL_FROM: "hub@council.example",
  });
  ({ app } = await buildApp({ config, database, logger: false }));
  await app.listen({ host: "127.0.0.1", port });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  await provider?.close();
  await mail?.close();
});

/** At the provider's own login page (its development form takes any login as the email). */
async function loginAtProvider(page: Page, login: string): Promise<void> {
  await page
    .waitForURL((url) => url.origin === provider.issuer)
    .catch(async (error) => {
      throw new Error(
        `not at the provider but ${page.url()}: ${(await page.locator("main").textContent())?.replace(/\s+/g, " ").slice(0, 400)}`,
        {
          cause: error,
        },
      );
    });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await Promise.all([
    page.waitForURL((url) => url.origin === origin),
    page.locator('button[type="submit"]').first().click(),
  ]);
  await page.waitForLoadState();
}

async function pressSingleSignOn(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign in with your organisation account" }).click();
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto(`${origin}/dashboard`);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
}

const mailTo = (email: string) => mail.mailTo(email);

describe("signing in as councils do", () => {
  it("signs a person in through their organisation's provider; a tampered ID token signs nobody in", async () => {
    const page = await newPage(browser);
    await page.goto(`${origin}/sign-in`);
    expect(await pageProblems(page)).toMatchObject({ axe: [] });
    await pressSingleSignOn(page);
    await loginAtProvider(page, "ada@northshire.example");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect(page.locator("body").textContent()).resolves.toContain("Signed in as ada");

    for (const tamper of ["audience", "nonce"] as const) {
      provider.tamper = tamper;
      const stranger = await newPage(browser);
      await stranger.goto(`${origin}/sign-in`);
      await pressSingleSignOn(stranger);
      await loginAtProvider(stranger, "ada@northshire.example");
      expect(new URL(stranger.url()).pathname, tamper).not.toBe("/dashboard");
      await expect(stranger.locator("h1").textContent()).resolves.toMatch(/not been signed in/i);
      expect(await pageProblems(stranger)).toMatchObject({ axe: [] });
      await expectSignedOut(stranger);
    }
    provider.tamper = undefined;
  });

  it("has an administrator enrol at first sign-in, require single sign-on, and the invitation then leads to it", async () => {
    const page = await newPage(browser);
    expect(await signInThroughForm(page, origin, "admin@hub.example", TEST_PASSWORD)).toBeNull();
    await page.goto(`${origin}/account/security`);
    await expect(page.locator("main").textContent()).resolves.toContain("cannot be turned off");
    expect(await pageProblems(page)).toMatchObject({ axe: [] });

    await page.goto(`${origin}/admin/single-sign-on`);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Require single sign-on for Southshire Health Board" }).click(),
    ]);
    await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain(
      "Single sign-on is now required",
    );

    await page.goto(`${origin}/admin/users/new`);
    await page.getByLabel("Full name").fill("Otto Invitee");
    await page.getByLabel("Email address").fill("otto@southshire.example");
    await page.getByLabel("Organisation").selectOption({ label: "Southshire Health Board (Health board)" });
    await page.getByLabel("Create an invitation link").check();
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Add user" }).click()]);
    await expect(page.locator("h1").textContent()).resolves.toContain("Invitation emailed");
    const invitation = await mailTo("otto@southshire.example");
    expect(invitation).toContain("sign in with your organisation account");
    const link = new RegExp(`${origin}/invitations/[A-Za-z0-9_-]+`).exec(invitation)![0];

    const otto = await newPage(browser);
    await otto.goto(link);
    await expect(otto.locator("h1").textContent()).resolves.toBe("Sign in with your organisation account");
    expect(await otto.locator('input[type="password"]').count()).toBe(0);
    expect(await pageProblems(otto)).toMatchObject({ axe: [] });
    await pressSingleSignOn(otto);
    await loginAtProvider(otto, "otto@southshire.example");
    expect(new URL(otto.url()).pathname).toBe("/dashboard");
    await expect(otto.locator("body").textContent()).resolves.toContain("Signed in as Otto Invitee");
  });

  it("resets a forgotten password by an emailed link that works once", async () => {
    const page = await newPage(browser);
    await page.goto(`${origin}/sign-in`);
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await page.getByLabel("Email address").fill("ada@northshire.example");
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Send the link" }).click()]);
    expect(await pageProblems(page)).toMatchObject({ axe: [] });
    const link = new RegExp(`${origin}/reset-password/[A-Za-z0-9_-]+`).exec(await mailTo("ada@northshire.example"))![0];

    await page.goto(link);
    expect(await pageProblems(page)).toMatchObject({ axe: [] });
    await page.getByLabel("New password", { exact: true }).fill("quiet harbour lantern");
    await page.getByLabel("Confirm new password").fill("quiet harbour lantern");
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Change password" }).click()]);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain(
      "Your password has been changed",
    );

    const again = await newPage(browser);
    await again.goto(link);
    expect(await again.locator('input[type="password"]').count()).toBe(0);
    expect(await signInThroughForm(again, origin, "ada@northshire.example", "quiet harbour lantern")).toBeNull();
  });
});
