import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  type FileChild,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DataTable } from "../charts/index.ts";
import { type InlineRun, parseRichText } from "./rich-text.ts";
import type { NumberedBlock } from "./view-model.ts";

/** A4 with 2 cm margins leaves 17 cm: about 640 px at 96 dpi. */
export const CONTENT_WIDTH_PX = 640;

const thin = { style: BorderStyle.SINGLE, size: 4, color: "B1B4B6" };
const heavy = { style: BorderStyle.SINGLE, size: 12, color: "0B0C0C" };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function runsToChildren(runs: InlineRun[]): (TextRun | ExternalHyperlink)[] {
  return runs.map((run) => {
    const options = {
      text: run.text === "\n" ? "" : run.text,
      bold: run.bold || undefined,
      italics: run.italic || undefined,
      break: run.text === "\n" ? 1 : undefined,
    };
    return run.href
      ? new ExternalHyperlink({ link: run.href, children: [new TextRun({ ...options, style: "Hyperlink" })] })
      : new TextRun(options);
  });
}

export function dataTable(table: DataTable, label: string | undefined): FileChild[] {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [new TextRun({ text, bold: header, size: 18 })],
          spacing: { before: 40, after: 40 },
        }),
      ],
      borders: { top: none, left: none, right: none, bottom: header ? heavy : thin },
      shading: header ? { type: ShadingType.CLEAR, fill: "F3F2F1", color: "auto" } : undefined,
    });
  const rows = [
    // tableHeader repeats the header row on every page the table runs over.
    new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((column) => cell(column, true)) }),
    ...table.rows.map(
      (row) => new TableRow({ cantSplit: true, children: table.columns.map((_, i) => cell(row[i] ?? "", false)) }),
    ),
  ];
  return [
    new Paragraph({
      style: "Caption",
      keepNext: true,
      children: [new TextRun({ text: `${label ? `${label}: ` : ""}${table.caption}` })],
    }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
    ...(table.notes ?? []).map((note) => new Paragraph({ style: "Note", text: note })),
  ];
}

export function blockToDocx(
  block: NumberedBlock,
  images: Map<NumberedBlock, Buffer>,
  listInstance: () => number,
): FileChild[] {
  switch (block.type) {
    case "paragraph":
      return [new Paragraph({ text: block.text })];
    case "richText":
      return parseRichText(block.html).flatMap((rich) => {
        if (rich.kind === "paragraph") return [new Paragraph({ children: runsToChildren(rich.runs) })];
        const instance = listInstance();
        return rich.items.map(
          (item) =>
            new Paragraph({
              children: runsToChildren(item),
              ...(rich.ordered
                ? { numbering: { reference: "numbered", level: 0, instance } }
                : { bullet: { level: 0 } }),
            }),
        );
      });
    case "list": {
      const instance = listInstance();
      return block.items.map(
        (item) =>
          new Paragraph({
            text: item,
            ...(block.ordered
              ? { numbering: { reference: "numbered", level: 0, instance } }
              : { bullet: { level: 0 } }),
          }),
      );
    }
    case "table":
      return dataTable(block.table, block.label);
    case "callout":
      return [
        new Paragraph({
          style: "Callout",
          border: {
            left: {
              style: BorderStyle.SINGLE,
              size: 36,
              color: block.tone === "warning" ? "D4351C" : "B1B4B6",
              space: 8,
            },
          },
          children: block.title
            ? [new TextRun({ text: block.title, bold: true }), new TextRun({ text: block.text, break: 1 })]
            : [new TextRun(block.text)],
        }),
      ];
    case "figure": {
      const png = images.get(block)!;
      const height = Math.round((CONTENT_WIDTH_PX * block.height) / block.width);
      return [
        new Paragraph({
          style: "Caption",
          keepNext: true,
          children: [new TextRun(`${block.label}: ${block.caption}`)],
        }),
        new Paragraph({
          alignment: AlignmentType.LEFT,
          keepNext: Boolean(block.note),
          children: [
            new ImageRun({
              type: "png",
              data: png,
              transformation: { width: CONTENT_WIDTH_PX, height },
              altText: { name: block.label, title: block.caption, description: block.alt },
            }),
          ],
        }),
        ...(block.note ? [new Paragraph({ style: "Note", text: block.note })] : []),
        ...dataTable(block.table, `Data for ${block.label?.toLowerCase()}`),
      ];
    }
  }
}
