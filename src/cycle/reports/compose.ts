import { type BlockInput, type DocumentInput, documentSchema } from "../../lib/documents/index.ts";
import { signOffRoleLabels, type SignOffRole } from "../strategy/index.ts";
import { longDate } from "./format.ts";
import type { GeneratedReport } from "./generated.ts";

export interface ComposeInput {
  partnership: { name: string; isFictional: boolean };
  generated: GeneratedReport;
  narratives: Map<string, string>;
  signOffs: { name: string; role: string; signedOn: string }[];
  status: "Draft" | "Published";
  version?: number;
  date?: string;
}

/**
 * The report as one document model: each section's narrative (people's words) first, then the
 * data drafted from recorded work. HTML, DOCX, PDF and published snapshots all come from this.
 */
export function composeDocument(input: ComposeInput): DocumentInput {
  const { generated } = input;
  const sections: DocumentInput["sections"] = [];
  if (input.partnership.isFictional) {
    sections.push({
      heading: "About this report",
      level: 1,
      blocks: [
        {
          type: "callout",
          tone: "info",
          title: "Fictional data",
          text: "This report is made from fictional demonstration data.",
        },
      ],
    });
  }
  for (const section of generated.sections) {
    const html = input.narratives.get(section.key) ?? "";
    const blocks: BlockInput[] = [];
    if (html.trim()) blocks.push({ type: "richText", html });
    blocks.push(...section.blocks);
    if (blocks.length === 0) blocks.push({ type: "paragraph", text: "Not written yet." });
    sections.push({ heading: section.heading, level: 1, blocks });
  }
  sections.push({
    heading: "Sign-off",
    level: 1,
    blocks: input.signOffs.length
      ? [
          {
            type: "table",
            table: {
              caption: "Who signed off this report",
              columns: ["Name", "Role", "Date"],
              rows: input.signOffs.map((row) => [
                row.name,
                signOffRoleLabels[row.role as SignOffRole] ?? row.role,
                longDate(row.signedOn),
              ]),
            },
          },
        ]
      : [{ type: "paragraph", text: "Not signed off yet." }],
  });
  return {
    title: generated.title,
    subtitle: generated.subtitle,
    metadata: {
      partnership: input.partnership.name,
      period: `${generated.reportingYear} (1 April to 31 March)`,
      status: input.status,
      date: input.date ?? generated.generatedOn,
      version: input.version ? `Version ${input.version}` : undefined,
      author: input.partnership.name,
    },
    sections,
  };
}

/** Validated (and sanitised) model, as the documents domain renders it. */
export function parseDocument(input: DocumentInput) {
  return documentSchema.parse(input);
}
