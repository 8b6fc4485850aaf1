import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSampleDocument } from "../../../tests/helpers/sample-document.ts";
import { chromiumAvailable, renderStandaloneHtml } from "./index.ts";
import { CHROMIUM_ARGS } from "./pdf-printer.ts";
import { CHROMIUM_PATH } from "./pdf-renderer.ts";

const hasChromium = chromiumAvailable();
if (!hasChromium)
  console.warn(
    "Skipping the document accessibility test: /usr/bin/chromium is not installed (apt-get install chromium).",
  );

describe.skipIf(!hasChromium)("standalone document accessibility (axe, real Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(() => browser?.close());

  it("has no WCAG 2.2 AA violations with every chart type and the real Darlington map", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(renderStandaloneHtml(buildSampleDocument({ charts: 4, actions: 10, map: true })), {
      waitUntil: "load",
    });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`);
    expect(summary).toEqual([]);
    // Each chart and the map is exposed as one image named by its title.
    const images = await page.getByRole("img").count();
    expect(images).toBe(5);
    await context.close();
  });
});
