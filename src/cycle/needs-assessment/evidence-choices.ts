import type { Executor } from "../../kernel/db/database.ts";
import { listIndicators } from "../../data/indicators/index.ts";
import { loadContent } from "./repository.ts";

export interface EvidenceChoice {
  kind: "indicator" | "qualitative" | "finding";
  referenceId: string;
  label: string;
}

function short(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What a strategy priority or action can link to: the assessment's findings and qualitative
 * entries (by id) and the indicators chosen for its panels (by slug). Read on the partnership's
 * own records only.
 */
export async function evidenceChoices(db: Executor, partnershipId: string): Promise<EvidenceChoice[]> {
  const [content, catalogue] = await Promise.all([loadContent(db, partnershipId), listIndicators(db, partnershipId)]);
  const titles = new Map(catalogue.map((row) => [row.slug, row.title]));
  const indicatorSlugs = [...new Set(content.panels.map((panel) => panel.indicatorSlug))];
  return [
    ...content.findings.map((row) => ({ kind: "finding" as const, referenceId: row.id, label: short(row.statement) })),
    ...content.qualitative.map((row) => ({
      kind: "qualitative" as const,
      referenceId: row.id,
      label: short(`${row.source}: ${row.summary}`),
    })),
    ...indicatorSlugs.map((slug) => ({
      kind: "indicator" as const,
      referenceId: slug,
      label: titles.get(slug) ?? slug,
    })),
  ];
}

/** The assessment's findings (statements of need), for other domains to link to. */
export async function listFindings(db: Executor, partnershipId: string): Promise<{ id: string; statement: string }[]> {
  const content = await loadContent(db, partnershipId);
  return content.findings.map((row) => ({ id: row.id, statement: row.statement }));
}
