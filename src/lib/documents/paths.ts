import { path } from "../../kernel/http/paths.ts";

export const documentPaths = {
  /** A PDF being made: its progress, then its download link. */
  pdfJob: path("/documents/pdf/:jobId"),
  pdfJobStatus: path("/documents/pdf/:jobId/status"),
  pdfJobFile: path("/documents/pdf/:jobId/download"),
};
