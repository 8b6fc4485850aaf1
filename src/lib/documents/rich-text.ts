import sanitizeHtml from "sanitize-html";
import { dropUnclosedRawTextTags } from "../../kernel/views/rich-text.ts";

/**
 * Strict allow-list for narrative written by users: paragraphs, emphasis, lists and links.
 * Headings are not allowed here because the document's own sections own the outline.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowProtocolRelative: false,
  transformTags: { b: "strong", i: "em" },
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href,
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(dropUnclosedRawTextTags(html), options).trim();
}

export type InlineRun = { text: string; bold: boolean; italic: boolean; href?: string };
export type RichBlock =
  | { kind: "paragraph"; runs: InlineRun[] }
  | { kind: "list"; ordered: boolean; items: InlineRun[][] };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reads sanitised rich text (only the allow-listed tags above, as sanitize-html writes them) into
 * paragraphs and lists of styled runs, for renderers that are not HTML (DOCX).
 */
export function parseRichText(sanitised: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let runs: InlineRun[] = [];
  let list: { ordered: boolean; items: InlineRun[][] } | null = null;
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  const flush = () => {
    if (runs.some((run) => run.text.trim())) {
      if (list) list.items.push(runs);
      else blocks.push({ kind: "paragraph", runs });
    }
    runs = [];
  };
  for (const token of sanitised.split(/(<[^>]+>)/)) {
    if (!token) continue;
    const tag = token.match(/^<(\/?)([a-z]+)([^>]*)>$/i);
    if (!tag) {
      runs.push({ text: decode(token), bold: bold > 0, italic: italic > 0, href });
      continue;
    }
    const [, closing, name] = tag;
    const open = !closing;
    switch (name!.toLowerCase()) {
      case "p":
      case "li":
        flush();
        break;
      case "br":
        runs.push({ text: "\n", bold: false, italic: false });
        break;
      case "strong":
        bold += open ? 1 : -1;
        break;
      case "em":
        italic += open ? 1 : -1;
        break;
      case "a":
        href = open ? decode(tag[3]!.match(/href="([^"]*)"/)?.[1] ?? "") || undefined : undefined;
        break;
      case "ul":
      case "ol":
        flush();
        if (open) list = { ordered: name === "ol", items: [] };
        else if (list) {
          blocks.push({ kind: "list", ...list });
          list = null;
        }
        break;
    }
  }
  flush();
  return blocks;
}
