/**
 * The one sanitiser for HTML people write (sanitize-html), with named profiles:
 * - "page": narrative shown on the service's pages (minutes, terms of reference, report and
 *   assessment narrative): structure, emphasis, sub-headings, quotes and links.
 * - "document": rich text inside a generated document (lib/documents), whose sections own the
 *   outline: paragraphs, emphasis, lists and links only, so DOCX can render every tag.
 * Both allow links to http(s) and mailto only. Text without tags becomes paragraphs (a blank
 * line between paragraphs, single newlines as line breaks), so a plain textarea works too.
 */
import sanitizeHtml from "sanitize-html";

export type RichTextProfile = "page" | "document";

const shared: sanitizeHtml.IOptions = {
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

const profiles: Record<RichTextProfile, sanitizeHtml.IOptions> = {
  page: {
    ...shared,
    allowedTags: ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"],
  },
  document: {
    ...shared,
    allowedTags: ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"],
    transformTags: { b: "strong", i: "em" },
    exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href,
  },
};

/** Elements whose content the HTML parser reads as raw text up to their closing tag. */
const RAW_TEXT_OPEN = /<(script|style|textarea|title|xmp)(?=[\s/>])[^>]*>/gi;

/**
 * An opening <style> (or script, textarea, title, xmp) without its closing tag makes the
 * parser read the whole rest of the input as that element's text, which is then discarded:
 * everything after it was lost. Such an unclosed tag is taken out with its text up to the next
 * tag, so what follows is read as the HTML it is. Closed elements are left to sanitize-html,
 * which drops them with their content as before.
 */
function closeRawText(html: string): string {
  let out = "";
  let from = 0;
  RAW_TEXT_OPEN.lastIndex = 0;
  for (let open = RAW_TEXT_OPEN.exec(html); open; open = RAW_TEXT_OPEN.exec(html)) {
    const afterOpen = open.index + open[0].length;
    const close = new RegExp(`</${open[1]}\\s*>`, "i").exec(html.slice(afterOpen));
    if (close) {
      RAW_TEXT_OPEN.lastIndex = afterOpen + close.index + close[0].length;
      continue;
    }
    const nextTag = html.indexOf("<", afterOpen);
    out += html.slice(from, open.index);
    from = nextTag < 0 ? html.length : nextTag;
    RAW_TEXT_OPEN.lastIndex = from;
  }
  return out + html.slice(from);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** User rich text to safe HTML under the named profile. */
export function sanitizeRichText(input: string, profile: RichTextProfile): string {
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (!text) return "";
  if (!/<[a-z][\s\S]*>/i.test(text)) {
    return text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
      .join("\n");
  }
  let html = text;
  // Taking one tag out can never form another (the cut ends at a "<"), but loop to be sure.
  for (let i = 0; i < 5; i++) {
    const next = closeRawText(html);
    if (next === html) break;
    html = next;
  }
  return sanitizeHtml(html, profiles[profile]).trim();
}
