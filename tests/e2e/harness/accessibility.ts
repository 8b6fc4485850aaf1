import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { demoPartnerships } from "../../../src/demo/seed/index.ts";
import type { RunningApp } from "./app.ts";
import { newPage, signInThroughForm } from "./browser.ts";
import { type CrawlReport, crawl, formatProblems } from "./crawl.ts";
import type { SignInDetails } from "./seed.ts";

// Shared by the accessibility crawl's files (split in two so CI's two cores each run half).
// Every page each kind of person can reach, in real Chromium, checked with axe (WCAG 2.2 AA),
// for one h1, a title and a clean console; every form also submitted empty once per file.
export const MAX_PAGES = Number(process.env.E2E_MAX_PAGES ?? 200);
// Besides one instance of every route pattern, how many more instances (other records) to visit.
// None by default: another record renders the same template, and CI has a 30-minute budget.
export const REPEATS_PER_PATTERN = Number(process.env.E2E_REPEATS_PER_PATTERN ?? 0);
export const MISSING_PAGE = "/e2e-missing-page";
const ADMIN_ROLE = "Service administrator";
const PARTNERSHIP_SUBPAGES = /^\/partnerships\/[0-9a-f-]{36}\/./;
/** Every page but the dashboard and a partnership's own: what only the first partnership's lead crawls. */
const OUTSIDE_PARTNERSHIPS = /^(?!\/partnerships\/[0-9a-f-]{36}(\/|$)|\/dashboard$)/;
/**
 * Linked from the foundation's navigation and dashboard but built by the access and
 * partnerships work: tolerated as 404 until those land, and checked like any page once they
 * do. Any other link to a 4xx page fails the crawl. Remove entries as the pages arrive.
 */
export const PAGES_NOT_BUILT_YET: string[] = [];

export function summarise(report: CrawlReport): string {
  const { load, check, forms } = report.timings;
  return (
    `${report.label}: ${report.visited.length} pages, ${report.formsSubmitted.length} forms submitted empty, ` +
    `${report.problems.length} problems${report.skippedForBound ? `, ${report.skippedForBound} links left by the bound` : ""}` +
    `${report.axeSkipped ? `, ${report.axeSkipped} pages built like one axe passed` : ""}` +
    `${report.patternsLeft ? `, ${report.patternsLeft} page patterns NOT VISITED (raise E2E_MAX_PAGES)` : ""}` +
    ` (seconds: loading ${Math.round(load / 1000)}, checking ${Math.round(check / 1000)}, forms ${Math.round(forms / 1000)})`
  );
}

export function log(report: CrawlReport): void {
  process.stdout.write(`${summarise(report)}\n`);
  if (process.env.E2E_VERBOSE) {
    for (const visit of report.visited) process.stdout.write(`  ${visit.status} ${visit.url}\n`);
    for (const form of report.formsSubmitted) process.stdout.write(`  form ${form.status} ${form.action}\n`);
  }
}

export function expectClean(report: CrawlReport): void {
  log(report);
  expect(report.problems, `\n${summarise(report)}\n${formatProblems(report.problems)}\n`).toEqual([]);
}

/**
 * Every kind of person once: the admin, each coordinator, the lead and the viewer of the first
 * partnership, and the lead of one partnership of each other reporting framework (Scotland's
 * drivers and LCPAR render different templates; England and Wales share the building blocks).
 * The editor is left out: an editor's pages are the lead's templates with the partnership-
 * management controls taken away, bracketed by the lead (every control) and the viewer (none);
 * crawling them too took about 3½ minutes of CI's 30. Further people would see the same
 * templates and only add minutes to CI (E2E_EVERYONE=1 crawls all, the editor included).
 */
export function peopleToCrawl<T extends { role: string; email: string; partnership?: string | null }>(
  signIns: T[],
): T[] {
  if (process.env.E2E_ONLY) return signIns.filter((person) => person.email.includes(process.env.E2E_ONLY as string));
  if (process.env.E2E_EVERYONE) return signIns;
  const framework = (name: string | null | undefined) =>
    demoPartnerships.find((partnership) => partnership.name === name)?.nation === "scotland"
      ? "drivers"
      : "building-blocks";
  const firstPartnership = firstPartnershipOf(signIns);
  const covered = new Set([framework(firstPartnership)]);
  return signIns.filter((person) => {
    if (!person.partnership) return true;
    if (person.partnership === firstPartnership) return person.role !== "Editor";
    // The other framework's lead only with E2E_FRAMEWORKS=1: crawling them cost ~3 minutes of
    // CI's 30 for ~30 page structures of their own; the reports e2e
    // file checks a Scottish partnership's LCPAR report pages.
    if (!process.env.E2E_FRAMEWORKS) return false;
    if (person.role !== "Lead" || covered.has(framework(person.partnership))) return false;
    covered.add(framework(person.partnership));
    return true;
  });
}

/** The demo's first partnership: its people are one half of the crawl, everyone else the other. */
export function firstPartnershipOf(signIns: { partnership?: string | null }[]): string | null | undefined {
  return signIns.find((person) => person.partnership)?.partnership;
}

/** Crawls as each person in turn, each on an untouched copy of the demo; returns the failures. */
export async function crawlAsEach(running: RunningApp, browser: Browser, people: SignInDetails[]): Promise<string[]> {
  const failures: string[] = [];
  const formsTried = new Set<string>();
  const structuresChecked = new Set<string>();
  for (const person of people) {
    // Each person crawls an untouched copy of the demo: earlier crawls submitted forms.
    const origin = await running.fresh();
    const page = await newPage(browser);
    const refused = await signInThroughForm(page, origin, person.email, person.password);
    if (refused) {
      failures.push(`${person.role}: ${refused}`);
      await page.context().close();
      continue;
    }
    const stillSignedIn = async (current: Page) => {
      if ((await current.locator('form[action="/sign-out"]').count()) > 0) return;
      const again = await signInThroughForm(current, origin, person.email, person.password);
      if (again) throw new Error(`${person.role}: a form submitted empty signed them out, and ${again}`);
    };
    const report = await crawl(page, {
      label: `${person.role} (${person.email})`,
      origin,
      start: ["/dashboard", "/", MISSING_PAGE],
      maxPages: MAX_PAGES,
      maxRepeatsPerPattern: REPEATS_PER_PATTERN,
      tolerated4xx: [MISSING_PAGE, ...PAGES_NOT_BUILT_YET],
      afterFormSubmit: stillSignedIn,
      // The administrator may open every partnership's pages, but the leads' crawls (one per
      // nation) already check those templates: the administrator's own are the admin pages.
      // Likewise the pages outside a partnership (data, area profiles, the library, published
      // pages, the account) are the same templates for every partnership person: the first
      // partnership's lead checks them, and the others (its viewer, the other framework's lead)
      // crawl their partnership's own pages, where roles and frameworks differ.
      leaveOut:
        person.role === ADMIN_ROLE
          ? PARTNERSHIP_SUBPAGES
          : person.partnership &&
              !(person.partnership === firstPartnershipOf(running.signIns) && person.role === "Lead")
            ? OUTSIDE_PARTNERSHIPS
            : undefined,
      formsTried,
      structuresChecked,
    });
    log(report);
    // A template never visited is a page nobody checked: the cap must grow with the service.
    if (report.patternsLeft > 0)
      report.problems.push({
        url: origin,
        kind: "structure",
        detail: `${report.patternsLeft} page patterns were found but not visited within ${MAX_PAGES} pages: raise MAX_PAGES`,
      });
    if (report.problems.length > 0) {
      failures.push(`${summarise(report)}\n${formatProblems(report.problems)}`);
      // Printed now as well, so a later time-out cannot hide them.
      process.stdout.write(`${formatProblems(report.problems)}\n`);
    }
    await page.context().close();
  }
  return failures;
}
