/**
 * CSV that is safe to open in a spreadsheet: cells starting with = + - @ tab or CR are
 * prefixed with a single quote so they are never evaluated as formulas (OWASP CSV injection).
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers stay numbers (a negative amount is not a formula); everything else is made safe. */
function cell(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return quote(safeCell(value));
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Headers for a CSV download. The BOM makes Excel read UTF-8. */
export function csvDownload(fileName: string, body: string) {
  return {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
    body: `\uFEFF${body}`,
  };
}
