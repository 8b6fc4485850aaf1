/**
 * The draft page's view model: everything it reads from the database (the assessment, its
 * sections and panels, what children and families said, which priorities and actions answer each
 * finding, the publications), kept until the content, data or access version moves. Reading it was
 * some 28 statements a request (the consultation "voices" hook alone re-reads the evidence links,
 * actions and priorities), and the draft changes only when someone edits it, their plan or
 * consultation, or the data (an import, a revision).
 */
import { versionsNow } from "../../data/indicators/index.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { formatDate } from "../../kernel/time.ts";
import { drawnFor, renderFragment } from "../../kernel/views/environment.ts";
import { evidenceCoverage } from "../actions/index.ts";
import { type AssessmentSnapshot, buildSnapshot, type PartnershipLike, type VoiceSource } from "./assessment-view.ts";
import { panelHtml } from "./panel-html.ts";
import { findAssessment, listPublications } from "./repository.ts";

type Coverage = Awaited<ReturnType<typeof evidenceCoverage>>[number];

export interface DraftView {
  snapshot: AssessmentSnapshot;
  sections: ReturnType<typeof withLinks>;
  state: "published" | "draft" | "not-started";
  lastUpdated: string | null;
  reviewDate: string | null;
  publications: { id: string; number: number; publishedOn: string; publishedByName: string | null }[];
}

/**
 * One entry per partnership (its fields the page shows are in the key, so a renamed partnership
 * is never shown by its old name) and versions. The model is the same for every reader of the
 * partnership: its panels show only indicators the partnership may publish (`publishableIndicators`),
 * never a reader's restricted ones, and what a reader may do (edit, publish) is decided per request
 * outside it. The versions are read in one statement with the data version the panels need anyway.
 */
const drafts = createVersionedCache<DraftView>(500);

export async function draftView(
  db: Executor,
  partnership: PartnershipLike,
  voices: VoiceSource | undefined,
): Promise<DraftView> {
  const { dataVersion, accessVersion, contentVersion } = await versionsNow(db);
  const { id, name, nation, areaCode, areaName, isFictional } = partnership;
  return drafts.get(
    db,
    `${contentVersion}/${dataVersion}/${accessVersion}`,
    JSON.stringify([id, name, nation, areaCode, areaName, isFictional ?? false]),
    () => buildDraftView(db, partnership, voices),
  );
}

async function buildDraftView(
  db: Executor,
  partnership: PartnershipLike,
  voices: VoiceSource | undefined,
): Promise<DraftView> {
  const assessmentRow = findAssessment(db, partnership.id);
  const [assessment, snapshot, publications] = await Promise.all([
    assessmentRow,
    buildSnapshot(db, partnership, undefined, voices, assessmentRow),
    listPublications(db, partnership.id),
  ]);
  // Two-way links: which strategy priorities and actions answer each finding, entry and indicator.
  const references = snapshot.sections.flatMap((section) => [
    ...section.findings.map((f) => ({ kind: "finding" as const, referenceId: f.id })),
    ...section.qualitative.map((q) => ({ kind: "qualitative" as const, referenceId: q.id })),
    ...section.panels.map((p) => ({ kind: "indicator" as const, referenceId: p.indicatorSlug })),
  ]);
  const coverage = await evidenceCoverage(db, partnership.id, references);
  return {
    snapshot,
    sections: withLinks(snapshot, coverage),
    state: publications.length ? "published" : assessment ? "draft" : "not-started",
    lastUpdated: assessment ? formatDate(assessment.updatedAt) : null,
    reviewDate: snapshot.reviewDate ? formatDate(snapshot.reviewDate) : null,
    publications: publications.map((row) => ({
      id: row.id,
      number: row.number,
      publishedOn: formatDate(row.publishedAt),
      publishedByName: row.publishedByName,
    })),
  };
}

/** Each section's panels (with their markup), findings and evidence beside what answers them. */
function withLinks(snapshot: AssessmentSnapshot, coverage: Coverage[]) {
  const linksFor = (kind: string, referenceId: string): Coverage | undefined =>
    coverage.find((c) => c.kind === kind && c.referenceId === referenceId);
  return snapshot.sections.map((section) => ({
    ...section,
    panels: section.panels.map((panel) => ({
      ...panel,
      html: panelHtml(panel),
      links: linksFor("indicator", panel.indicatorSlug),
    })),
    findings: section.findings.map((finding) => ({
      ...finding,
      links: linksFor("finding", finding.id),
      voices: (snapshot.voices ?? []).flatMap((voice) =>
        voice.themes.filter((theme) => theme.findingIds.includes(finding.id)).map((theme) => ({ ...theme, voice })),
      ),
    })),
    qualitative: section.qualitative.map((entry) => ({ ...entry, links: linksFor("qualitative", entry.id) })),
  }));
}

/**
 * The page below the partnership navigation (sections, panels, evidence, versions: nearly all of
 * its template work), drawn once per kept draft and pair of rights. It shows the draft, the
 * partnership fields in the draft's key and the reader's two rights, nothing else of the request.
 */
export function draftHtml(
  view: DraftView,
  partnership: PartnershipLike,
  may: { canEdit: boolean; canPublish: boolean; base: string },
): string {
  const { id, name, areaName } = partnership;
  // Trimmed: the partial's macro definitions leave blank lines above the markup.
  return drawnFor(view, `${may.canEdit}/${may.canPublish}`, () =>
    renderFragment("needs-assessment/views/assessment-body.njk", {
      ...view,
      ...may,
      partnership: { id, name, areaName },
    }).trimStart(),
  );
}
