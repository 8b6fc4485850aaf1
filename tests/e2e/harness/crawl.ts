import type { Page, Response } from "playwright-core";
import { runAxe } from "./browser.ts";
import { AXE_EVERY_PAGE, pageStructure } from "./structure.ts";

export interface Problem {
  url: string;
  kind: "axe" | "structure" | "console" | "http" | "form";
  detail: string;
}

export interface CrawlReport {
  label: string;
  visited: { url: string; status: number }[];
  formsSubmitted: { page: string; action: string; status: number }[];
  problems: Problem[];
  /** Same-origin links left unvisited because a bound (pages, repeats of a pattern) was reached. */
  skippedForBound: number;
  /** Route patterns found but never visited because maxPages was reached: templates left unchecked. */
  patternsLeft: number;
  /** Pages whose structure axe had already passed on another page (see structure.ts): axe not run again. */
  axeSkipped: number;
  /** Milliseconds spent loading pages, checking them (axe etc.) and submitting forms: where CI's time goes. */
  timings: { load: number; check: number; forms: number };
}

export interface CrawlOptions {
  label: string;
  /** Route patterns that may answer 4xx when linked (see the test for why each is there). */
  tolerated4xx?: readonly string[];
  origin: string;
  start: string[];
  maxPages: number;
  /** Further instances of an already-seen route pattern to visit, at most (default 1). */
  maxRepeatsPerPattern?: number;
  /**
   * Forms already submitted empty (method + route pattern), shared between crawls so each form's
   * error state is checked once for everyone; every person still has each page checked.
   */
  formsTried?: Set<string>;
  /**
   * Page structures axe has checked (structure.ts), shared between crawls like formsTried: a page
   * built the same way as one already checked gets its structure, title and console checked, not axe.
   */
  structuresChecked?: Set<string>;
  /** Paths not to visit (another person's crawl covers them); counted with the bound's. */
  leaveOut?: RegExp;
  /** Called after a form submission; lets the caller sign back in if a form signed us out. */
  afterFormSubmit?: (page: Page) => Promise<void>;
}

const SKIPPED_PREFIXES = ["/sign-out", "/static/", "/assets/", "/metrics", "/healthz", "/readyz"];
const DOWNLOAD_EXTENSIONS = /\.(csv|xlsx?|ods|pdf|docx?|odt|zip|json|geojson|topojson|png|jpe?g|gif|svg|ico|txt|xml)$/i;
const DOWNLOAD_SEGMENT = /\/(download|export)(\/|$)/i;
/** Forms never submitted by the crawl: they end the session or destroy things. */
const UNSAFE_FORM_ACTION = /sign-out|delete|remove|withdraw|disable|revoke|destroy|archive|cancel/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The route pattern a URL is an instance of: ids replaced, query values dropped. */
export function routePattern(url: URL): string {
  const pathPattern = url.pathname.replace(UUID, ":id").replace(/\/\d+(?=\/|$)/g, "/:n");
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${pathPattern}?${keys.join("&")}` : pathPattern;
}

function crawlable(url: URL, origin: string, download: boolean): boolean {
  if (url.origin !== origin || download) return false;
  if (SKIPPED_PREFIXES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(prefix))) return false;
  return !DOWNLOAD_EXTENSIONS.test(url.pathname) && !DOWNLOAD_SEGMENT.test(url.pathname);
}

function withoutHash(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.toString();
}

/** Console errors, page errors, CSP reports and failed sub-resources while on one page. */
function watchConsole(page: Page): () => string[] {
  const errors: string[] = [];
  const onConsole = (message: import("playwright-core").ConsoleMessage) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Chromium logs every 4xx/5xx load, including the document's own status (the 404 page, a
    // 400 form re-render). Document statuses are asserted by the crawl and sub-resources below.
    if (text.startsWith("Failed to load resource")) return;
    errors.push(text);
  };
  const onPageError = (error: Error) => errors.push(`uncaught: ${error.message}`);
  const onResponse = (response: Response) => {
    if (!response.request().isNavigationRequest() && response.status() >= 400) {
      errors.push(`${response.request().resourceType()} ${response.url()} answered HTTP ${response.status()}`);
    }
  };
  const onRequestFailed = (request: import("playwright-core").Request) => {
    // ERR_ABORTED: the crawl navigated on before a late load (the favicon) finished.
    const reason = request.failure()?.errorText ?? "";
    if (!request.isNavigationRequest() && reason !== "net::ERR_ABORTED")
      errors.push(`${request.resourceType()} ${request.url()} failed: ${reason}`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("response", onResponse);
  page.on("requestfailed", onRequestFailed);
  return () => {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("response", onResponse);
    page.off("requestfailed", onRequestFailed);
    return errors;
  };
}

/** axe, one h1, a title, no console errors: what every rendered page must satisfy. */
async function checkPage(
  page: Page,
  url: string,
  consoleErrors: string[],
  report: CrawlReport,
  structuresChecked: Set<string>,
): Promise<void> {
  const problems = report.problems;
  const structure = AXE_EVERY_PAGE ? null : await pageStructure(page);
  const findings = structure && structuresChecked.has(structure) ? null : await runAxe(page);
  if (findings === null) report.axeSkipped += 1;
  // Only a structure that passed is remembered: a failing one is reported on every page built so.
  else if (structure && findings.length === 0) structuresChecked.add(structure);
  for (const finding of findings ?? []) {
    problems.push({
      url,
      kind: "axe",
      detail: `${finding.rule} (${finding.impact}): ${finding.help} at ${finding.targets.join(", ")}`,
    });
  }
  const h1s = await page.locator("h1").count();
  if (h1s !== 1) problems.push({ url, kind: "structure", detail: `expected exactly one h1, found ${h1s}` });
  const title = (await page.title()).trim();
  if (!title) problems.push({ url, kind: "structure", detail: "empty <title>" });
  for (const error of consoleErrors) problems.push({ url, kind: "console", detail: error });
}

function isHtml(response: Response | null): boolean {
  return (response?.headers()["content-type"] ?? "").includes("text/html");
}

interface FoundForm {
  index: number;
  method: string;
  action: string;
}

/**
 * Breadth-first over same-origin links (GET only), one instance of each route pattern first
 * and then other instances while the bound allows. On every page: axe, structure, console.
 * Each distinct form is also submitted once with its fields emptied, and the result checked.
 */
export async function crawl(page: Page, options: CrawlOptions): Promise<CrawlReport> {
  const report: CrawlReport = {
    label: options.label,
    visited: [],
    formsSubmitted: [],
    problems: [],
    skippedForBound: 0,
    axeSkipped: 0,
    patternsLeft: 0,
    timings: { load: 0, check: 0, forms: 0 },
  };
  const fresh: string[] = [];
  const repeats: string[] = [];
  const queued = new Set<string>();
  const patterns = new Map<string, number>();
  const maxRepeats = options.maxRepeatsPerPattern ?? 1;
  const formsTried = options.formsTried ?? new Set<string>();
  const structuresChecked = options.structuresChecked ?? new Set<string>();

  const enqueue = (raw: string) => {
    const url = new URL(raw, options.origin);
    const key = withoutHash(url);
    if (queued.has(key)) return;
    queued.add(key);
    if (options.leaveOut?.test(url.pathname)) {
      report.skippedForBound += 1;
      return;
    }
    const pattern = routePattern(url);
    const seen = patterns.get(pattern) ?? 0;
    patterns.set(pattern, seen + 1);
    if (seen === 0) fresh.push(key);
    else if (seen <= maxRepeats) repeats.push(key);
    else report.skippedForBound += 1;
  };
  for (const start of options.start) enqueue(start);

  while (report.visited.length < options.maxPages && (fresh.length > 0 || repeats.length > 0)) {
    const url = (fresh.length > 0 ? fresh.shift() : repeats.shift())!;
    const stopWatching = watchConsole(page);
    let response: Response | null;
    let started = Date.now();
    try {
      response = await page.goto(url, { waitUntil: "load" });
    } catch (error) {
      report.timings.load += Date.now() - started;
      stopWatching();
      report.problems.push({
        url,
        kind: "http",
        detail: `navigation failed: ${(error as Error).message.split("\n")[0]}`,
      });
      continue;
    }
    report.timings.load += Date.now() - started;
    const status = response?.status() ?? 0;
    report.visited.push({ url, status });
    if (!isHtml(response)) {
      stopWatching();
      continue;
    }
    const finalUrl = page.url();
    queued.add(withoutHash(new URL(finalUrl)));
    const tolerated = status < 500 && (options.tolerated4xx ?? []).includes(routePattern(new URL(url)));
    if (status >= 400 && !tolerated) {
      report.problems.push({ url, kind: "http", detail: `link leads to HTTP ${status} (${finalUrl})` });
    }
    started = Date.now();
    await checkPage(page, finalUrl, stopWatching(), report, structuresChecked);
    report.timings.check += Date.now() - started;

    const links = await page.$$eval("a[href]", (anchors) =>
      anchors.map((anchor) => ({
        href: (anchor as HTMLAnchorElement).href,
        download: anchor.hasAttribute("download"),
      })),
    );
    for (const link of links) {
      const target = new URL(link.href);
      if (crawlable(target, options.origin, link.download)) enqueue(target.toString());
    }

    const forms: FoundForm[] = await page.$$eval("form", (elements) =>
      elements.map((form, index) => ({
        index,
        method: (form.getAttribute("method") ?? "get").toLowerCase(),
        action: (form as HTMLFormElement).action,
      })),
    );
    let pageIntact = true;
    started = Date.now();
    for (const form of forms) {
      const action = new URL(form.action, finalUrl);
      const formKey = `${form.method} ${routePattern(action)}`;
      if (formsTried.has(formKey) || action.origin !== options.origin || UNSAFE_FORM_ACTION.test(action.pathname))
        continue;
      formsTried.add(formKey);
      // After a submission the page may have re-rendered or changed: load it again.
      if (!pageIntact) await page.goto(finalUrl, { waitUntil: "load" });
      pageIntact = false;
      await submitEmpty(page, finalUrl, form, report, structuresChecked);
      await options.afterFormSubmit?.(page);
    }
    report.timings.forms += Date.now() - started;
  }
  report.patternsLeft = fresh.length;
  report.skippedForBound += fresh.length + repeats.length;
  return report;
}

async function submitEmpty(
  page: Page,
  pageUrl: string,
  form: FoundForm,
  report: CrawlReport,
  structuresChecked: Set<string>,
): Promise<void> {
  const label = `${form.method.toUpperCase()} ${new URL(form.action).pathname} (form on ${pageUrl})`;
  // Find the form again by what it does: an earlier submission may have changed the page.
  const index = await page.evaluate(
    ({ method, action }) =>
      Array.from(document.forms).findIndex(
        (candidate) =>
          candidate.action === action && (candidate.getAttribute("method") ?? "get").toLowerCase() === method,
      ),
    { method: form.method, action: form.action },
  );
  if (index < 0) return;
  const stopWatching = watchConsole(page);
  let response: Response | null;
  try {
    [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: "load", timeout: 15_000 }),
      page.evaluate((index) => {
        const target = document.forms[index]!;
        target.noValidate = true;
        for (const element of Array.from(target.elements)) {
          if (element instanceof HTMLInputElement) {
            if (["hidden", "submit", "button", "image", "reset", "file"].includes(element.type)) continue;
            if (element.type === "checkbox" || element.type === "radio") element.checked = false;
            else element.value = "";
          } else if (element instanceof HTMLTextAreaElement) element.value = "";
          else if (element instanceof HTMLSelectElement) element.selectedIndex = -1;
        }
        const submitter = target.querySelector<HTMLElement>(
          'button:not([type]), button[type="submit"], input[type="submit"]',
        );
        target.requestSubmit(submitter ?? undefined);
      }, index),
    ]);
  } catch (error) {
    stopWatching();
    report.problems.push({
      url: pageUrl,
      kind: "form",
      detail: `${label} did not navigate: ${(error as Error).message.split("\n")[0]}`,
    });
    return;
  }
  const status = response?.status() ?? 0;
  report.formsSubmitted.push({ page: pageUrl, action: label, status });
  if (status >= 500) report.problems.push({ url: pageUrl, kind: "form", detail: `${label} answered HTTP ${status}` });
  if (!isHtml(response)) {
    stopWatching();
    return;
  }
  await checkPage(page, `${page.url()} (after empty submit of ${label})`, stopWatching(), report, structuresChecked);
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((problem) => `- [${problem.kind}] ${problem.url}\n    ${problem.detail}`).join("\n");
}
