import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";

export const reportPaths = {
  list: path("/partnerships/:id/reports"),
  newReport: path("/partnerships/:id/reports/new"),
  report: path("/partnerships/:id/reports/:reportId"),
  signOff: path("/partnerships/:id/reports/:reportId/sign-off"),
  publish: path("/partnerships/:id/reports/:reportId/publish"),
  regenerate: path("/partnerships/:id/reports/:reportId/regenerate"),
  /** A draft's download; `.format` is one of the export formats (checked by the route). */
  exportDraft: (format: string) => path(`/partnerships/:id/reports/:reportId/export.${format}` as const),
  published: path("/published/reports/:publicationId"),
  publishedDocument: (format: string) => path(`/published/reports/:publicationId/report.${format}` as const),
  publishedStrategy: path("/published/strategies/:strategyId"),
  /** A section's narrative; the key is checked against the report's sections. */
  section: path("/partnerships/:id/reports/:reportId/sections/:key", { key: z.string().max(80) }),
};
