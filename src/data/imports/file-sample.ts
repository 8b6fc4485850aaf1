import { parse } from "csv-parse/sync";
import { CsvTable } from "./csv-table.ts";
import { type CsvRow, decodeWindows1252, detectEncoding, type SourceFile } from "./source-file.ts";
import { isWorkbook } from "./spreadsheet.ts";
import { readXlsx } from "./xlsx-reader.ts";

/** Enough of the top of a file to tell its kind: headers, title rows and a few data rows. */
const SAMPLE_BYTES = 1024 * 1024;
const TABLE_SAMPLE_BYTES = 256 * 1024;
const SAMPLE_ROWS = 60;

/**
 * The top of an uploaded file, read once for every importer's `recognise`: the first rows of a
 * CSV (in the encoding it was published in) or of a workbook's first sheet, or a JSON file
 * parsed whole (boundary and neighbour files are only useful whole).
 */
export interface FileSample {
  format: "csv" | "xlsx" | "json" | "unknown";
  rows: CsvRow[];
  /** `rows` with the first as the header. */
  table: CsvTable;
  json: unknown;
}

export async function sampleFile(file: SourceFile): Promise<FileSample> {
  const empty = (format: FileSample["format"], json?: unknown): FileSample => ({
    format,
    rows: [],
    table: new CsvTable([]),
    json,
  });
  if (isWorkbook(file)) {
    try {
      const sheet = await readXlsx(file, 1);
      const rows = sheet.slice(0, SAMPLE_ROWS).map((cells, i) => ({ cells, line: i + 1 }));
      return { format: "xlsx", rows, table: new CsvTable(rows), json: undefined };
    } catch {
      return empty("unknown");
    }
  }
  // The top alone decides how the sample is read, cut at a line end so no character is split:
  // scanning a whole 5 MB file cost more than the 50 ms a recognition may take (the import still
  // detects the encoding from every byte, run-import.ts). A table needs only its first rows (a
  // quarter of a megabyte holds 60 of the widest official files'); JSON is read whole.
  const opening = file.bytes
    .subarray(0, 1024)
    .toString("latin1")
    .replace(/^\xef\xbb\xbf/, "")
    .trimStart();
  const limit = /^[[{]/.test(opening) ? SAMPLE_BYTES : TABLE_SAMPLE_BYTES;
  const top =
    file.bytes.length > limit
      ? file.bytes.subarray(0, file.bytes.lastIndexOf(0x0a, limit - 1) + 1 || limit)
      : file.bytes;
  const encoding = detectEncoding(top);
  if (!encoding) return empty("unknown");
  const head = (encoding.encoding === "utf-8" ? new TextDecoder().decode(top) : decodeWindows1252(top)).replace(
    /^\uFEFF/,
    "",
  );
  if (/^\s*[[{]/.test(head)) {
    if (top.length < file.bytes.length) return empty("json", tryJson(file.bytes.toString("utf8")));
    return empty("json", tryJson(head));
  }
  // The sample ends at a line end, so a cut-off last line does not look like a broken row.
  const text = top.length < file.bytes.length ? head.slice(0, head.lastIndexOf("\n") + 1) : head;
  try {
    const records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: SAMPLE_ROWS,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const rows = records.map(({ record, info }) => ({ cells: record, line: info.lines }));
    return { format: "csv", rows, table: new CsvTable(rows), json: undefined };
  } catch {
    return empty("unknown");
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}

/** The sample's table when the file is a CSV (the importers that read CSV only). */
export function csvTable(sample: FileSample): CsvTable | null {
  return sample.format === "csv" && sample.table.header.length > 0 ? sample.table : null;
}

/** The sample's table for importers that read CSV and XLSX alike. */
export function anyTable(sample: FileSample): CsvTable | null {
  return (sample.format === "csv" || sample.format === "xlsx") && sample.table.header.length > 0 ? sample.table : null;
}

/** A parsed TopoJSON topology, or null. */
export function topologyOf(
  sample: FileSample,
): { objects: Record<string, { geometries?: { properties?: Record<string, unknown> }[] }> } | null {
  const json = sample.json as { type?: unknown; objects?: unknown } | undefined;
  return json && json.type === "Topology" && json.objects && typeof json.objects === "object"
    ? (json as ReturnType<typeof topologyOf> & object)
    : null;
}
