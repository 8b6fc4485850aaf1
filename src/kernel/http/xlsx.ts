/**
 * The one XLSX writer (exceljs): a one-sheet workbook with a bold, frozen header row. Text
 * cells get the same formula guard as CSV; numbers stay numbers.
 */
import type { FastifyReply } from "fastify";
import { safeCell } from "./csv.ts";
import { sendDownload } from "./download.ts";

export interface Sheet {
  /** Excel allows 31 characters; longer names are cut. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
  /** The workbook's title property. */
  title?: string;
  /** Column width in characters, by column index; 22 unless said. */
  width?: (index: number) => number;
}

export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  // Loaded on first use: exceljs is large and most requests never need it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Child Poverty Action Hub";
  if (sheet.title) workbook.title = sheet.title;
  const worksheet = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet 1");
  worksheet.addRow(sheet.header.map(safeCell)).font = { bold: true };
  for (const row of sheet.rows)
    worksheet.addRow(
      row.map((value) => (typeof value === "number" && Number.isFinite(value) ? value : safeCell(value))),
    );
  worksheet.columns.forEach((column, index) => {
    column.width = sheet.width?.(index) ?? 22;
  });
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  sheet: Sheet,
  options: { cache?: string } = {},
): Promise<FastifyReply> {
  const body = await toXlsx(sheet);
  return sendDownload(reply, { fileName, type: "xlsx", body, ...(options.cache ? { cache: options.cache } : {}) });
}
