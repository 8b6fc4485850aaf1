import { AxeBuilder } from "@axe-core/playwright";
import axe from "axe-core";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

// Debian's Chromium, as root, on a machine without internet: no sandbox, no background traffic.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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
  if (page.frames().length > 1) results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  else {
    // Evaluated as a string, as AxeBuilder does, so the page's CSP (no eval) does not apply.
    if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axe.source);
    results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }),
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
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  if (new URL(page.url()).pathname !== "/sign-in") return null;
  const summary = await page
    .locator(".govuk-error-summary")
    .textContent()
    .catch(() => null);
  return `sign-in as ${email} failed (HTTP ${response?.status()}): ${(summary ?? "no error summary").replace(/\s+/g, " ").trim()}`;
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
