import sanitizeHtml from "sanitize-html";

// A strict allow-list: structure and emphasis only; links limited to http(s) and mailto.
const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
};

/**
 * sanitize-html drops what is inside script, style, textarea and option up to their end tag, as
 * a browser would; an opening tag that is never closed would drop everything the person wrote
 * after it. Such a lone opening tag is removed first, so the text after it is kept (and cleaned
 * like the rest).
 */
export function dropUnclosedRawTextTags(html: string): string {
  const lower = html.toLowerCase();
  const lastClose = new Map<string, number>();
  return html.replace(/<(script|style|textarea|option|title)\b[^>]*>/gi, (tag, name: string, offset: number) => {
    const key = name.toLowerCase();
    if (!lastClose.has(key)) lastClose.set(key, lower.lastIndexOf(`</${key}`));
    return lastClose.get(key)! > offset ? tag : "";
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * User rich text to safe HTML. Text without tags is treated as plain paragraphs (blank line
 * between paragraphs, single newlines as line breaks) so a plain textarea works well too.
 */
export function sanitizeRichText(input: string): string {
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (!text) return "";
  if (!/<[a-z][\s\S]*>/i.test(text)) {
    return text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
      .join("\n");
  }
  return sanitizeHtml(dropUnclosedRawTextTags(text), options).trim();
}

/** Plain text from sanitised HTML, for exports (DOCX, CSV). */
export function richTextToParagraphs(html: string): string[] {
  const withBreaks = html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|li|h2|h3|h4|blockquote)>/gi, "\n\n");
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
