import type { Block, DocumentModel } from "./schemas.ts";

export type NumberedBlock = Block & { number?: number; label?: string };

export interface SectionView {
  id: string;
  heading: string;
  level: 1 | 2 | 3;
  blocks: NumberedBlock[];
}

export interface DocumentView {
  model: DocumentModel;
  sections: SectionView[];
  contents: { id: string; heading: string }[];
  metadata: { label: string; value: string }[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "section"
  );
}

/** Numbers figures and tables once so HTML, DOCX and PDF cite the same "Figure 3". */
export function buildView(model: DocumentModel): DocumentView {
  let figures = 0;
  let tables = 0;
  const used = new Map<string, number>();
  const sections = model.sections.map((section) => {
    const base = slug(section.heading);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return {
      id: seen ? `${base}-${seen + 1}` : base,
      heading: section.heading,
      level: section.level,
      blocks: section.blocks.map((block): NumberedBlock => {
        if (block.type === "figure") {
          figures += 1;
          return { ...block, number: figures, label: `Figure ${figures}` };
        }
        if (block.type === "table") {
          tables += 1;
          return { ...block, number: tables, label: `Table ${tables}` };
        }
        return block;
      }),
    };
  });
  const meta = model.metadata;
  const metadata = [
    { label: "Partnership", value: meta.partnership },
    { label: "Period", value: meta.period },
    { label: "Status", value: meta.status },
    { label: "Date", value: meta.date },
    { label: "Version", value: meta.version },
    { label: "Prepared by", value: meta.author },
  ].filter((entry): entry is { label: string; value: string } => Boolean(entry.value));
  return {
    model,
    sections,
    contents: sections
      .filter((section) => section.level === 1)
      .map((section) => ({ id: section.id, heading: section.heading })),
    metadata,
  };
}
