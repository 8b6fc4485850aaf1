import { AxeBuilder } from "@axe-core/playwright";
import axe from "axe-core";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../../../src/lib/documents/pdf-printer.ts";
import { totpCode } from "../../../src/workspace/access/mfa-totp.ts";
import { recoveryCodesOnPage, TestAuthenticator } from "../../helpers/mfa.ts";

export const CHROMIUM = "/usr/bin/chromium";

// Debian's Chromium, as root, on a machine without internet: no sandbox, no background traffic.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/**
 * Only violations are read, so axe is told so: it then keeps one node per passed or inapplicable
 * rule instead of every node (axe's documented speed-up for large pages: charts and long tables).
 * Every rule still runs on every node, and violations are reported in full.
 */
const ONLY_VIOLATIONS: axe.resultGroups[] = ["violations"];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe (WCAG 2.2 AA tags) on the page as it is now. A page without frames is checked with
 * axe.run in the page itself: AxeBuilder's default path also opens a blank page and loads axe
 * into it for every check, which was most of the crawl's time. Pages with frames still go
 * through AxeBuilder, which checks inside each frame.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  let results: axe.AxeResults;
  if (page.frames().length > 1)
    results = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ONLY_VIOLATIONS }).analyze();
  else {
    // Evaluated as a string, as AxeBuilder does, so the page's CSP (no eval) does not apply.
    if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axe.source);
    results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        }),
      AXE_TAGS,
    );
  }
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
  }));
}

/**
 * Signs in through the real form, as a person would. Returns null when signed in, otherwise
 * what the page said (the error summary, or the status).
 */
export async function signInThroughForm(
  page: Page,
  origin: string,
  email: string,
  password: string,
): Promise<string | null> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
  const path = new URL(page.url()).pathname;
  if (path.startsWith("/sign-in/two-factor")) return secondStep(page, origin, email, path);
  if (path !== "/sign-in") return null;
  return refusal(page, email, response?.status());
}

// Each running app (origin) is a database of its own: its people's authenticator apps.
const authenticators = new Map<string, TestAuthenticator>();

/**
 * The second step after the password for administrators and coordinators (issue 11): enrol on
 * first sign-in, reading the setup key the page shows for people who cannot scan the QR code,
 * as their app would; later, a fresh code from that app.
 */
async function secondStep(page: Page, origin: string, email: string, path: string): Promise<string | null> {
  let authenticator = authenticators.get(origin);
  if (!authenticator) {
    authenticator = new TestAuthenticator();
    authenticators.set(origin, authenticator);
  }
  if (path === "/sign-in/two-factor/set-up") {
    const secret = await page.locator("[data-totp-secret]").getAttribute("data-totp-secret");
    if (!secret) return `sign-in as ${email}: no setup key on the enrolment page`;
    const confirmedAt = Date.now();
    await page.getByLabel("Code from your app").fill(totpCode(secret, confirmedAt));
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Turn on two-factor authentication" }).click(),
    ]);
    if (!page.url().endsWith("/account/security/recovery-codes")) return refusal(page, email, undefined);
    // Saved as a person would: spent when two codes were already used within 30 s (mfa.ts).
    const codes = recoveryCodesOnPage(await page.content());
    authenticator.enrolled(email, secret, confirmedAt, codes);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: /continue/ }).click()]);
    return null;
  }
  if (!authenticator.knows(email)) return `sign-in as ${email}: asked for a code, but no authenticator was set up`;
  await page.getByLabel("Security code").fill(await authenticator.code(email));
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name: "Continue", exact: true }).click(),
  ]);
  if (new URL(page.url()).pathname.startsWith("/sign-in")) return refusal(page, email, response?.status());
  return null;
}

async function refusal(page: Page, email: string, status: number | undefined): Promise<string> {
  const summary = await page
    .locator(".govuk-error-summary")
    .textContent()
    .catch(() => null);
  return `sign-in as ${email} failed (HTTP ${status}): ${(summary ?? "no error summary").replace(/\s+/g, " ").trim()}`;
}

/** Collects the console errors and warnings a page logs from now on (a CSP violation shows up here). */
export function consoleProblems(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") messages.push(message.text());
  });
  return messages;
}

/** What every page must pass: exactly one h1 and no axe (WCAG 2.2 AA) violations. */
export async function pageProblems(page: Page): Promise<{ h1Count: number; axe: AxeFinding[] }> {
  return { h1Count: await page.locator("h1").count(), axe: await runAxe(page) };
}

export const NO_PAGE_PROBLEMS = { h1Count: 1, axe: [] };

/** Opens a partnership's section as a person would: its group in the partnership navigation, then the section. */
export async function openSection(page: Page, group: string, section: string): Promise<void> {
  const navigation = page.locator("nav.app-subnav");
  await Promise.all([page.waitForNavigation(), navigation.getByRole("link", { name: group, exact: true }).click()]);
  const link = navigation.getByRole("link", { name: section, exact: true });
  if ((await link.getAttribute("aria-current")) === "page") return;
  await Promise.all([page.waitForNavigation(), link.click()]);
}
