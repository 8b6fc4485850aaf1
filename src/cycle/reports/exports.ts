import type { DocumentFormat } from "../../lib/documents/index.ts";

/** The order the download links are offered in. */
export const exportFormats: readonly DocumentFormat[] = ["docx", "pdf", "html"];

/** "Annual report 2025/26" for 2025/26 → "annual-report-2025-26": the year once, at the end. */
export function fileBase(title: string, year: string): string {
  return `${title.replace(/\d{4}\/\d{2}/, "").trim()} ${year.replace("/", "-")}`;
}
