import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { perExecutor } from "../../kernel/db/prepared.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import {
  needsAssessments,
  needsFindings,
  needsOtherAssessments,
  needsPanels,
  needsPublications,
  needsQualitative,
  needsSectionNarratives,
  needsServices,
  needsSwotItems,
} from "./tables.ts";

export type AssessmentRow = typeof needsAssessments.$inferSelect;
export type PanelRow = typeof needsPanels.$inferSelect;
export type FindingRow = typeof needsFindings.$inferSelect;
export type QualitativeRow = typeof needsQualitative.$inferSelect;
export type ServiceRow = typeof needsServices.$inferSelect;
export type SwotRow = typeof needsSwotItems.$inferSelect;
export type OtherAssessmentRow = typeof needsOtherAssessments.$inferSelect;
export type PublicationRow = typeof needsPublications.$inferSelect;

/** The entry tables a route may add to or delete from, by the name used in URLs and audit. */
export const entryTables = {
  panel: needsPanels,
  finding: needsFindings,
  qualitative: needsQualitative,
  service: needsServices,
  swot: needsSwotItems,
  "other-assessment": needsOtherAssessments,
} as const;
export type EntryKind = keyof typeof entryTables;

export async function findAssessment(db: Executor, partnershipId: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(needsAssessments).where(eq(needsAssessments.partnershipId, partnershipId));
  return row;
}

/** The partnership's assessment, created on its first change (concurrent first saves meet the unique index). */
export async function ensureAssessment(db: Executor, partnershipId: string): Promise<AssessmentRow> {
  await db.insert(needsAssessments).values({ partnershipId }).onConflictDoNothing();
  return (await findAssessment(db, partnershipId))!;
}

export async function touchAssessment(
  db: Executor,
  id: string,
  changes: { reviewDate?: string | null } = {},
): Promise<AssessmentRow> {
  const [row] = await db
    .update(needsAssessments)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(needsAssessments.id, id))
    .returning();
  return row!;
}

export interface AssessmentContent {
  narratives: (typeof needsSectionNarratives.$inferSelect)[];
  panels: PanelRow[];
  findings: FindingRow[];
  qualitative: QualitativeRow[];
  services: ServiceRow[];
  swot: SwotRow[];
  others: OtherAssessmentRow[];
}

// The content's reads, prepared once per connection (named): the draft page reads all seven on
// every request, and on the embedded database planning them was much of their cost.
const contentStatements = perExecutor((db) => {
  const partnershipId = sql.placeholder("partnershipId");
  return {
    narratives: db
      .select()
      .from(needsSectionNarratives)
      .where(eq(needsSectionNarratives.partnershipId, partnershipId))
      .prepare("needs_narratives"),
    panels: db
      .select()
      .from(needsPanels)
      .where(eq(needsPanels.partnershipId, partnershipId))
      .orderBy(asc(needsPanels.createdAt), asc(needsPanels.id))
      .prepare("needs_panels"),
    findings: db
      .select()
      .from(needsFindings)
      .where(eq(needsFindings.partnershipId, partnershipId))
      .orderBy(asc(needsFindings.createdAt), asc(needsFindings.id))
      .prepare("needs_findings"),
    qualitative: db
      .select()
      .from(needsQualitative)
      .where(eq(needsQualitative.partnershipId, partnershipId))
      .orderBy(asc(needsQualitative.createdAt), asc(needsQualitative.id))
      .prepare("needs_qualitative"),
    services: db
      .select()
      .from(needsServices)
      .where(eq(needsServices.partnershipId, partnershipId))
      .orderBy(asc(needsServices.createdAt), asc(needsServices.id))
      .prepare("needs_services"),
    swot: db
      .select()
      .from(needsSwotItems)
      .where(eq(needsSwotItems.partnershipId, partnershipId))
      .orderBy(asc(needsSwotItems.createdAt), asc(needsSwotItems.id))
      .prepare("needs_swot"),
    others: db
      .select()
      .from(needsOtherAssessments)
      .where(eq(needsOtherAssessments.partnershipId, partnershipId))
      .orderBy(asc(needsOtherAssessments.createdAt), asc(needsOtherAssessments.id))
      .prepare("needs_others"),
  };
});

export async function loadContent(db: Executor, partnershipId: string): Promise<AssessmentContent> {
  const statements = contentStatements(db);
  const given = { partnershipId };
  const [narratives, panels, findings, qualitative, services, swot, others] = await Promise.all([
    statements.narratives.execute(given),
    statements.panels.execute(given),
    statements.findings.execute(given),
    statements.qualitative.execute(given),
    statements.services.execute(given),
    statements.swot.execute(given),
    statements.others.execute(given),
  ]);
  return { narratives, panels, findings, qualitative, services, swot, others };
}

export async function upsertNarrative(
  db: Executor,
  values: { partnershipId: string; assessmentId: string; sectionCode: string; narrative: string },
) {
  const [row] = await db
    .insert(needsSectionNarratives)
    .values(values)
    .onConflictDoUpdate({
      target: [needsSectionNarratives.assessmentId, needsSectionNarratives.sectionCode],
      set: { narrative: values.narrative },
    })
    .returning();
  return row!;
}

export async function findNarrative(db: Executor, partnershipId: string, sectionCode: string) {
  const [row] = await db
    .select()
    .from(needsSectionNarratives)
    .where(
      and(eq(needsSectionNarratives.partnershipId, partnershipId), eq(needsSectionNarratives.sectionCode, sectionCode)),
    );
  return row;
}

export async function insertEntry<K extends EntryKind>(
  db: Executor,
  kind: K,
  values: (typeof entryTables)[K]["$inferInsert"],
) {
  const [row] = await db
    .insert(entryTables[kind])
    .values(values as never)
    .returning();
  return row as unknown as Record<string, unknown> & { id: string };
}

/** One entry of the partnership; undefined when the id is not this partnership's. */
export async function findEntry(db: Executor, kind: EntryKind, partnershipId: string, id: string) {
  const table = entryTables[kind];
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.partnershipId, partnershipId)));
  return row as Record<string, unknown> | undefined;
}

/** Deletes one entry of the partnership; undefined when the id is not this partnership's. */
export async function deleteEntry(db: Executor, kind: EntryKind, partnershipId: string, id: string) {
  const table = entryTables[kind];
  const [row] = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.partnershipId, partnershipId)))
    .returning();
  return row as Record<string, unknown> | undefined;
}

export async function nextPublicationNumber(db: Executor, assessmentId: string): Promise<number> {
  const result = await db.execute(
    sql`select coalesce(max(number), 0)::int + 1 as next from needs_publications where assessment_id = ${assessmentId}`,
  );
  return Number((result as unknown as { rows: { next: number | string }[] }).rows[0]!.next);
}

export async function insertPublication(
  db: Executor,
  values: typeof needsPublications.$inferInsert,
): Promise<PublicationRow> {
  const [row] = await db.insert(needsPublications).values(values).returning();
  return row!;
}

export type PublicationSummary = Omit<PublicationRow, "snapshot">;

export function listPublications(db: Executor, partnershipId: string): Promise<PublicationSummary[]> {
  return db
    .select({
      id: needsPublications.id,
      partnershipId: needsPublications.partnershipId,
      assessmentId: needsPublications.assessmentId,
      number: needsPublications.number,
      publishedAt: needsPublications.publishedAt,
      publishedBy: needsPublications.publishedBy,
      publishedByName: needsPublications.publishedByName,
    })
    .from(needsPublications)
    .where(eq(needsPublications.partnershipId, partnershipId))
    .orderBy(desc(needsPublications.number));
}

export async function findPublication(db: Executor, id: string): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(needsPublications).where(eq(needsPublications.id, id));
  return row;
}

/** For the national view: each partnership's assessment (review date) and latest publication date. */
export async function statusRows(db: Executor, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      partnershipId: needsAssessments.partnershipId,
      reviewDate: needsAssessments.reviewDate,
      lastPublishedAt: sql<
        Date | string | null
      >`(select max(p.published_at) from needs_publications p where p.assessment_id = needs_assessments.id)`,
    })
    .from(needsAssessments)
    .where(inArray(needsAssessments.partnershipId, partnershipIds));
}

export async function findFirstFinding(db: Executor, partnershipId: string): Promise<FindingRow | undefined> {
  const [row] = await db
    .select()
    .from(needsFindings)
    .where(eq(needsFindings.partnershipId, partnershipId))
    .orderBy(asc(needsFindings.createdAt), asc(needsFindings.id))
    .limit(1);
  return row;
}

/** Every partnership's latest published assessment, for the public index of publications. */
export function listLatestPublications(db: Executor) {
  return db
    .selectDistinctOn([needsPublications.partnershipId], {
      id: needsPublications.id,
      number: needsPublications.number,
      publishedAt: needsPublications.publishedAt,
      partnershipName: partnerships.name,
      isFictional: partnerships.isFictional,
    })
    .from(needsPublications)
    .innerJoin(partnerships, eq(partnerships.id, needsPublications.partnershipId))
    .orderBy(needsPublications.partnershipId, desc(needsPublications.number));
}
