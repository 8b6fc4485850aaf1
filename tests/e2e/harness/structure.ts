import { createHash } from "node:crypto";
import type { Page } from "playwright-core";

/**
 * A page's structure, as axe sees it, without its data: every element with its attributes, the
 * values of the attributes that change what axe decides (class, id, role, aria-*, for, type, lang,
 * scope, style…) with digits and UUIDs generalised, the other attributes (href, value, alt, title,
 * aria-label, src, d…) and text nodes only as empty or not, and a run of identical siblings (a
 * table's rows, a list's items, a chart's bars) as one. Two pages with the same structure differ
 * only in non-empty text and in how many times a repeated part repeats: axe's WCAG 2.2 AA rules
 * decide the same on both (names, labels, roles, ids, contrast by class and style), so the crawl
 * checks the second one's structure and title but does not run axe on it again. Why: axe is most
 * of the crawl's time (1.2 s a page), and the people crawled see many pages built by the same
 * template from different records. `E2E_AXE_EVERY_PAGE=1` runs axe on every page all the same.
 */
export async function pageStructure(page: Page): Promise<string> {
  const signature = await page.evaluate(() => {
    const FREE_TEXT = new Set([
      "href",
      "action",
      "value",
      "alt",
      "title",
      "aria-label",
      "aria-valuenow",
      "aria-valuetext",
      "placeholder",
      "content",
      "src",
      "srcset",
      "datetime",
      "d",
      "points",
      "x",
      "y",
      "x1",
      "x2",
      "y1",
      "y2",
      "cx",
      "cy",
      "r",
      "width",
      "height",
      "transform",
      "viewBox",
      "nonce",
      "integrity",
    ]);
    const general = (value: string) =>
      value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "#").replace(/\d+/g, "#");
    const describe = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent?.trim() ? "t" : "";
      if (node.nodeType !== Node.ELEMENT_NODE) return "";
      const element = node as Element;
      const attributes = Array.from(element.attributes)
        .map((attribute) => {
          const name = attribute.name;
          if (FREE_TEXT.has(name) || name.startsWith("data-")) return `${name}${attribute.value.trim() ? "+" : "-"}`;
          return `${name}=${general(attribute.value)}`;
        })
        .sort()
        .join(" ");
      const children: string[] = [];
      for (const child of Array.from(element.childNodes)) {
        const described = describe(child);
        if (described && described !== children[children.length - 1]) children.push(described);
      }
      return `<${element.tagName} ${attributes}>${children.join("")}</>`;
    };
    return `${document.title.trim() ? "titled" : "untitled"}${describe(document.documentElement)}`;
  });
  return createHash("sha256").update(signature).digest("hex");
}

export const AXE_EVERY_PAGE = process.env.E2E_AXE_EVERY_PAGE === "1";
