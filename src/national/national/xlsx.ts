import ExcelJS from "exceljs";
import { safeCell } from "../../kernel/http/csv.ts";

/** A one-sheet workbook; text cells get the same formula-injection guard as CSV. */
export async function toXlsx(sheetName: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Child Poverty Action Hub";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === "number" ? value : safeCell(value))));
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
