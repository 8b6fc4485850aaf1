import {
  AlignmentType,
  Document,
  type FileChild,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  Footer,
  Header,
} from "docx";
import { blockToDocx } from "./docx-blocks.ts";
import { documentView } from "./html-renderer.ts";
import type { DocumentInput } from "./schemas.ts";
import { svgToPngCached } from "./svg-to-png.ts";
import type { NumberedBlock } from "./view-model.ts";

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const FONT = "Arial";
const heading = (size: number) => ({
  run: { font: FONT, size, bold: true, color: "0B0C0C" },
  paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
});

/** Word's own Heading 1–3 styles (restyled in Arial) so the navigation pane and a contents field work. */
const styles = {
  default: {
    // lineRule "auto" makes 300 mean 1.25 lines; without it LibreOffice treats it as an exact
    // 15 pt, which clips images and overlaps large headings.
    document: {
      run: { font: FONT, size: 22, color: "0B0C0C" },
      paragraph: { spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: 52, bold: true, color: "0B0C0C" }, paragraph: { spacing: { after: 240 } } },
    heading1: heading(36),
    heading2: heading(30),
    heading3: heading(26),
    hyperlink: { run: { color: "1D70B8", underline: {} } },
  },
  paragraphStyles: [
    {
      id: "Caption",
      name: "Caption",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: FONT, size: 20, bold: true },
      paragraph: { spacing: { before: 240, after: 80 } },
    },
    {
      id: "Note",
      name: "Note",
      basedOn: "Normal",
      next: "Normal",
      run: { font: FONT, size: 18, color: "505A5F" },
      paragraph: { spacing: { before: 40, after: 160 } },
    },
    {
      id: "Callout",
      name: "Callout",
      basedOn: "Normal",
      next: "Normal",
      run: { font: FONT, size: 22 },
      paragraph: { indent: { left: 240 }, spacing: { before: 200, after: 200 } },
    },
    {
      id: "Subtitle",
      name: "Subtitle",
      basedOn: "Normal",
      next: "Normal",
      run: { font: FONT, size: 28, color: "505A5F" },
      paragraph: { spacing: { after: 240 } },
    },
  ],
};

/**
 * Builds an editable Word document: real headings, header rows that repeat across pages,
 * figures as PNG with alt text followed by their data table, page numbers in the footer.
 * Runs on the calling thread (docx writes its XML synchronously): servers use
 * renderDocumentDocx from document-worker-pool.ts, which runs this in a worker thread.
 */
export async function renderDocumentDocxInProcess(input: DocumentInput): Promise<Buffer> {
  const view = documentView(input);
  const model = view.model;
  const figures = view.sections.flatMap((section) => section.blocks).filter((block) => block.type === "figure");
  // Twice the print width keeps text in charts sharp when zoomed or printed. Each chart once per process.
  const pngs = await Promise.all(figures.map((figure) => svgToPngCached(figure.svg, figure.width * 2)));
  const images = new Map<NumberedBlock, Buffer>(figures.map((figure, i) => [figure, pngs[i]!]));
  let lists = 0;
  const listInstance = () => ++lists;

  const children: FileChild[] = [
    ...(model.metadata.status === "Draft"
      ? [
          new Paragraph({
            children: [
              new TextRun({ text: "DRAFT – not yet published", bold: true, color: "594D00", highlight: "yellow" }),
            ],
          }),
        ]
      : []),
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    ...(model.subtitle ? [new Paragraph({ style: "Subtitle", text: model.subtitle })] : []),
    ...view.metadata.map(
      (entry) =>
        new Paragraph({
          children: [new TextRun({ text: `${entry.label}: `, bold: true }), new TextRun(entry.value)],
          spacing: { after: 40 },
        }),
    ),
  ];
  for (const section of view.sections) {
    children.push(new Paragraph({ heading: headingLevels[section.level - 1], text: section.heading }));
    for (const block of section.blocks) children.push(...blockToDocx(block, images, listInstance));
  }

  const document = new Document({
    title: model.title,
    subject: model.subtitle,
    description: model.subtitle ?? model.title,
    creator: model.metadata.author ?? model.metadata.partnership ?? "Child Poverty Action Hub",
    lastModifiedBy: "Child Poverty Action Hub",
    keywords: ["child poverty", model.metadata.partnership, model.metadata.period].filter(Boolean).join(", "),
    styles,
    numbering: {
      config: [
        {
          reference: "numbered",
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 480, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11_906, height: 16_838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `${model.title}${model.metadata.status === "Draft" ? " (draft)" : ""}`,
                    size: 16,
                    color: "505A5F",
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
