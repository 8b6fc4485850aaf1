/**
 * The assessment as one plain object: what the draft page, the exports and a publication show.
 * A publication stores exactly this object, so it re-renders the same however the draft or the
 * indicator store changes later.
 */
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import { dataVersionNow } from "../../data/indicators/index.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { VoiceEvidence } from "./extension-points.ts";
import { buildPanel, type PanelView } from "./panel-data.ts";
import { type AssessmentContent, type AssessmentRow, findAssessment, loadContent } from "./repository.ts";
import { type SwotCategory, swotCategories, swotLabels } from "./schemas.ts";
import { sectionsFor } from "./sections.ts";

export interface SectionView {
  code: string;
  heading: string;
  narrative: string;
  panels: PanelView[];
  findings: { id: string; statement: string }[];
  qualitative: { id: string; source: string; method: string; summary: string; quotes: string[] }[];
}

export interface AssessmentSnapshot {
  /** Shape version, so an old publication can still be read if the shape grows. */
  version: 1;
  partnershipName: string;
  areaName: string;
  nation: string;
  isFictional: boolean;
  frameworkName: string;
  sections: SectionView[];
  services: { id: string; name: string; provider: string; description: string }[];
  swot: { category: SwotCategory; label: string; items: { id: string; text: string }[] }[];
  others: { id: string; title: string; owner: string; url: string | null }[];
  reviewDate: string | null;
  /** When the values were read from the indicator store. */
  generatedAt: string;
  /** Published consultations: what children and families said (absent from older publications). */
  voices?: VoiceEvidence[];
}

export type VoiceSource = (db: Executor, partnershipId: string) => Promise<VoiceEvidence[]>;

export interface PartnershipLike {
  id: string;
  name: string;
  nation: string;
  areaCode: string;
  areaName: string;
  isFictional?: boolean;
}

export function quotesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const panelCache = createVersionedCache<PanelView>(2_000);

export async function buildSnapshot(
  db: Executor,
  partnership: PartnershipLike,
  content?: AssessmentContent,
  voiceSource?: VoiceSource,
  /** The assessment row when the caller has read it already (the draft page), so it is read once. */
  assessmentRow?: Promise<AssessmentRow | undefined>,
): Promise<AssessmentSnapshot> {
  const [assessment, data, voices] = await Promise.all([
    assessmentRow ?? findAssessment(db, partnership.id),
    content ? Promise.resolve(content) : loadContent(db, partnership.id),
    voiceSource ? voiceSource(db, partnership.id) : Promise.resolve([]),
  ]);
  const { frameworkName, sections } = sectionsFor(partnership.nation);
  const panels: PanelView[] = [];
  // Each panel is built once per data version (only an import, an edit or a revision changes
  // it), keyed by the partnership, whose own indicators it may show, and the panel itself.
  const version = await dataVersionNow(db);
  for (const panel of data.panels)
    panels.push(
      await panelCache.get(db, version, JSON.stringify([partnership.id, panel]), () =>
        buildPanel(db, partnership.id, panel),
      ),
    );
  const narratives = new Map(data.narratives.map((row) => [row.sectionCode, row.narrative]));
  return {
    version: 1,
    partnershipName: partnership.name,
    areaName: partnership.areaName,
    nation: partnership.nation,
    isFictional: partnership.isFictional ?? false,
    frameworkName,
    sections: sections.map((section) => ({
      ...section,
      narrative: narratives.get(section.code) ?? "",
      panels: panels.filter((panel) => panel.sectionCode === section.code),
      findings: data.findings
        .filter((row) => row.sectionCode === section.code)
        .map((row) => ({ id: row.id, statement: row.statement })),
      qualitative: data.qualitative
        .filter((row) => row.sectionCode === section.code)
        .map((row) => ({
          id: row.id,
          source: row.source,
          method: row.method,
          summary: row.summary,
          quotes: quotesOf(row.quotes),
        })),
    })),
    services: data.services.map((row) => ({
      id: row.id,
      name: row.name,
      provider: row.provider,
      description: row.description,
    })),
    swot: swotCategories.map((category) => ({
      category,
      label: swotLabels[category],
      items: data.swot.filter((row) => row.category === category).map((row) => ({ id: row.id, text: row.text })),
    })),
    others: data.others.map((row) => ({ id: row.id, title: row.title, owner: row.owner, url: row.url })),
    reviewDate: assessment?.reviewDate ?? null,
    generatedAt: new Date().toISOString(),
    voices,
  };
}
