import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type nunjucks from "nunjucks";
import { createViewEnvironment } from "../../kernel/views/environment.ts";
import { type DocumentInput, documentSchema } from "./schemas.ts";
import { buildView, type DocumentView } from "./view-model.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Read once: the print stylesheet is inlined so the standalone file needs nothing else. */
export const documentPrintCss = readFileSync(path.join(here, "views/document-print.css"), "utf8");

let environment: nunjucks.Environment | null = null;
function views(): nunjucks.Environment {
  environment ??= createViewEnvironment();
  return environment;
}

/** Validates the model (sanitising rich text, checking figure SVG) and numbers figures and tables. */
export function documentView(input: DocumentInput): DocumentView {
  return buildView(documentSchema.parse(input));
}

/** The document as an HTML fragment for use inside a page (the page supplies the h1 if showTitle is false). */
export function renderDocumentFragment(
  input: DocumentInput,
  options: { showTitle?: boolean; collapsibleTables?: boolean } = {},
): string {
  const view = documentView(input);
  return views().render("documents/views/fragment.njk", {
    view,
    options: { showTitle: options.showTitle ?? true, collapsibleTables: options.collapsibleTables ?? true },
  });
}

/**
 * A complete HTML file with inline print styles: for download and for PDF printing. Pass the
 * response's CSP nonce when serving it from the app so the inline stylesheet is allowed.
 */
export function renderStandaloneHtml(input: DocumentInput, options: { nonce?: string } = {}): string {
  return standaloneHtmlFromView(documentView(input), options);
}

/** For renderers that already validated the document with documentView(). */
export function standaloneHtmlFromView(view: DocumentView, options: { nonce?: string } = {}): string {
  return views().render("documents/views/standalone.njk", { view, css: documentPrintCss, nonce: options.nonce });
}
