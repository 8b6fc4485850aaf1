/**
 * The one CSV writer (csv-stringify), safe to open in a spreadsheet: text cells starting with
 * = + - @ tab or CR get a leading apostrophe so they are never run as formulas (OWASP CSV
 * injection); numbers stay numbers (a negative amount is not a formula).
 */
import { stringify } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";
import { sendDownload } from "./download.ts";

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Text a spreadsheet shows as text. Importers that read our exports take the apostrophe off again. */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Header and rows as CSV text (CRLF line ends; cells with separators, quotes, line breaks or edge spaces quoted). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows] as unknown[][], {
    record_delimiter: "\r\n",
    // Line breaks of either kind must be quoted (csv-stringify quotes only the record delimiter);
    // leading or trailing spaces survive a round trip through spreadsheets only when quoted.
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: {
      string: (value) => safeCell(value),
      number: (value) => (Number.isFinite(value) ? String(value) : safeCell(value)),
      boolean: (value) => String(value),
      date: (value) => safeCell(value),
      bigint: (value) => String(value),
      object: (value) => safeCell(value),
    },
  });
}

/** Sends CSV as a download. The byte-order mark makes Excel read it as UTF-8. */
export function sendCsv(
  reply: FastifyReply,
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { cache?: string } = {},
): FastifyReply {
  return sendDownload(reply, {
    fileName,
    type: "csv",
    body: `\uFEFF${toCsv(header, rows)}`,
    ...(options.cache ? { cache: options.cache } : {}),
  });
}
