import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect } from "vitest";
import { AXE_TAGS, runAxe } from "./harness/browser.ts";
import { browserTest as test } from "./harness/fixtures.ts";

// runAxe checks frameless pages with axe.run in the page (faster than AxeBuilder's default):
// it must find exactly what AxeBuilder finds, and find it again on the next page.
const BAD_PAGE = `<!doctype html><html><head><title>t</title></head><body><main>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <input type="text">
  <p style="color:#bbb;background:#fff">faint text</p>
</main></body></html>`;

describe("runAxe", () => {
  test("reports the same violations as AxeBuilder, on every page it is run on", async ({ page }) => {
    await page.setContent(BAD_PAGE);
    const expected = (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id).sort();
    expect(expected).toEqual(expect.arrayContaining(["color-contrast", "image-alt", "label"]));
    expect((await runAxe(page)).map((finding) => finding.rule).sort()).toEqual(expected);
    // A second run on the same document, and a run after navigating, still check.
    expect((await runAxe(page)).map((finding) => finding.rule).sort()).toEqual(expected);
    await page.setContent(BAD_PAGE.replace("<img", '<img alt="dot"'));
    expect((await runAxe(page)).map((finding) => finding.rule).sort()).toEqual(
      expected.filter((rule) => rule !== "image-alt"),
    );
  });
});
