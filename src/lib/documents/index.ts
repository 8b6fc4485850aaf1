/** Documents: one model rendered to HTML (page fragment or standalone), DOCX and PDF. */
export { documentsDomain } from "./domain.ts";
export {
  documentSchema,
  blockSchema,
  type DocumentInput,
  type DocumentModel,
  type BlockInput,
  type Block,
  type Section,
} from "./schemas.ts";
export { figureFromChart } from "./figures.ts";
export { documentView, renderDocumentFragment, renderStandaloneHtml, documentPrintCss } from "./html-renderer.ts";
export type { DocumentView } from "./view-model.ts";
export { renderDocumentDocxInProcess } from "./docx-renderer.ts";
export {
  renderDocumentDocx,
  renderChartsOffThread,
  closeDocumentWorker,
  createDocumentWorker,
  type DocumentWorker,
} from "./document-worker-pool.ts";
export type { ChartKind, ChartOutcome, ChartRequest } from "./document-worker-tasks.ts";
export { type ChartAhead, drawChartsAhead } from "./charts-ahead.ts";
export { svgToPng } from "./svg-to-png.ts";
export { documentFormats, type DocumentFormat, sendDocument } from "./send-document.ts";
export { documentPaths } from "./paths.ts";
export { createPdfJobs, DOCUMENT_NODE_ID, type PdfJobs } from "./pdf-jobs.ts";
export {
  createPdfRenderer,
  renderDocumentPdf,
  renderHtmlPdf,
  closePdfRenderer,
  chromiumAvailable,
  type PdfRenderer,
  type PdfRendererOptions,
} from "./pdf-renderer.ts";
