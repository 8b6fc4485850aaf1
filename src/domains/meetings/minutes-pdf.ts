import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { createViewEnvironment } from "../../kernel/views/environment.ts";
import type { MeetingRecord } from "./meetings-service.ts";
import { actionStatusLabels } from "./schemas.ts";

const CHROMIUM = "/usr/bin/chromium";
const views = createViewEnvironment();

export function pdfAvailable(): boolean {
  return existsSync(CHROMIUM);
}

// One conversion at a time: each uses a Chromium process, and the machine is small.
let queue: Promise<unknown> = Promise.resolve();

/** Prints a self-contained HTML page to PDF in headless Chromium with scripts and network off. */
async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" }, printBackground: true });
  } finally {
    await browser.close();
  }
}

export function minutesPdf(partnership: { name: string; isFictional: boolean }, record: MeetingRecord): Promise<Buffer> {
  const html = views.render("meetings/views/minutes-pdf.njk", { partnership, ...record, statusLabels: actionStatusLabels });
  const job = queue.then(() => htmlToPdf(html));
  queue = job.catch(() => undefined);
  return job;
}
