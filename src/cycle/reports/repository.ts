import { and, asc, desc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { actionUpdates } from "../monitoring/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { relatedStrategies, strategicChoices, strategies, strategySignOffs } from "../strategy/index.ts";
import { reportNarratives, reportPublications, reportSignOffs, reports } from "./tables.ts";

export type ReportRow = typeof reports.$inferSelect;
export type NarrativeRow = typeof reportNarratives.$inferSelect;
export type ReportSignOffRow = typeof reportSignOffs.$inferSelect;
export type PublicationRow = typeof reportPublications.$inferSelect;

export function listReports(db: Executor, partnershipId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(eq(reports.partnershipId, partnershipId))
    .orderBy(desc(reports.reportingYear), asc(reports.type));
}

/** Always with the partnership id, so another partnership's report id is simply not found. */
export async function findReport(db: Executor, partnershipId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function findReportFor(db: Executor, partnershipId: string, reportingYear: string, type: string) {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(eq(reports.partnershipId, partnershipId), eq(reports.reportingYear, reportingYear), eq(reports.type, type)),
    )
    .limit(1);
  return row;
}

export async function insertReport(db: Executor, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

export async function updateReport(
  db: Executor,
  partnershipId: string,
  id: string,
  values: Partial<typeof reports.$inferInsert>,
) {
  const [row] = await db
    .update(reports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(reports.id, id), eq(reports.partnershipId, partnershipId)))
    .returning();
  return row!;
}

export function listNarratives(db: Executor, reportId: string): Promise<NarrativeRow[]> {
  return db.select().from(reportNarratives).where(eq(reportNarratives.reportId, reportId));
}

export async function upsertNarrative(
  db: Executor,
  values: typeof reportNarratives.$inferInsert,
): Promise<NarrativeRow> {
  const [row] = await db
    .insert(reportNarratives)
    .values(values)
    .onConflictDoUpdate({
      target: [reportNarratives.reportId, reportNarratives.sectionKey],
      set: { html: values.html, updatedByLabel: values.updatedByLabel ?? "", updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export function currentSignOffs(db: Executor, reportId: string): Promise<ReportSignOffRow[]> {
  return db
    .select()
    .from(reportSignOffs)
    .where(and(eq(reportSignOffs.reportId, reportId), isNull(reportSignOffs.supersededAt)))
    .orderBy(asc(reportSignOffs.signedOn), asc(reportSignOffs.createdAt));
}

export async function insertSignOff(
  db: Executor,
  values: typeof reportSignOffs.$inferInsert,
): Promise<ReportSignOffRow> {
  const [row] = await db.insert(reportSignOffs).values(values).returning();
  return row!;
}

/** Sign-offs were given to content that has since changed: keep them, marked superseded. */
export async function supersedeSignOffs(db: Executor, reportId: string): Promise<number> {
  const rows = await db
    .update(reportSignOffs)
    .set({ supersededAt: new Date() })
    .where(and(eq(reportSignOffs.reportId, reportId), isNull(reportSignOffs.supersededAt)))
    .returning({ id: reportSignOffs.id });
  return rows.length;
}

export function listPublications(db: Executor, reportId: string): Promise<Omit<PublicationRow, "snapshot">[]> {
  return db
    .select({
      id: reportPublications.id,
      partnershipId: reportPublications.partnershipId,
      reportId: reportPublications.reportId,
      version: reportPublications.version,
      publishedByLabel: reportPublications.publishedByLabel,
      publishedAt: reportPublications.publishedAt,
    })
    .from(reportPublications)
    .where(eq(reportPublications.reportId, reportId))
    .orderBy(desc(reportPublications.version));
}

/**
 * Every version of the report a publication belongs to, newest first, with the partnership's
 * current name, without the snapshots: what the public page reads on every request (its frozen
 * body is rendered once, see public-routes.ts). Empty when there is no such publication.
 */
export function listSiblingPublications(db: Executor, publicationId: string) {
  const sameReport = db
    .select({ reportId: reportPublications.reportId })
    .from(reportPublications)
    .where(eq(reportPublications.id, publicationId));
  return db
    .select({
      id: reportPublications.id,
      version: reportPublications.version,
      publishedAt: reportPublications.publishedAt,
      partnershipName: partnerships.name,
    })
    .from(reportPublications)
    .innerJoin(partnerships, eq(partnerships.id, reportPublications.partnershipId))
    .where(inArray(reportPublications.reportId, sameReport))
    .orderBy(desc(reportPublications.version));
}

export async function insertPublication(
  db: Executor,
  values: typeof reportPublications.$inferInsert,
): Promise<PublicationRow> {
  const [row] = await db.insert(reportPublications).values(values).returning();
  return row!;
}

export async function nextVersion(db: Executor, reportId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | string | null>`max(${reportPublications.version})` })
    .from(reportPublications)
    .where(eq(reportPublications.reportId, reportId));
  return Number(row?.max ?? 0) + 1;
}

export async function findPublication(db: Executor, id: string) {
  const [row] = await db
    .select({
      publication: reportPublications,
      report: reports,
      partnershipName: partnerships.name,
      isFictional: partnerships.isFictional,
    })
    .from(reportPublications)
    .innerJoin(reports, eq(reports.id, reportPublications.reportId))
    .innerJoin(partnerships, eq(partnerships.id, reportPublications.partnershipId))
    .where(eq(reportPublications.id, id))
    .limit(1);
  return row;
}

/** Every publication, newest first, without the snapshots: the public index. */
export function listAllPublications(db: Executor) {
  return db
    .select({
      id: reportPublications.id,
      version: reportPublications.version,
      publishedAt: reportPublications.publishedAt,
      reportId: reports.id,
      reportingYear: reports.reportingYear,
      type: reports.type,
      partnershipName: partnerships.name,
      nation: partnerships.nation,
      isFictional: partnerships.isFictional,
    })
    .from(reportPublications)
    .innerJoin(reports, eq(reports.id, reportPublications.reportId))
    .innerJoin(partnerships, eq(partnerships.id, reportPublications.partnershipId))
    .orderBy(asc(partnerships.name), desc(reports.reportingYear), desc(reportPublications.version));
}

/** Strategies signed off by their partnership: public. */
export function listSignedOffStrategies(db: Executor) {
  return db
    .select({
      id: strategies.id,
      partnershipId: strategies.partnershipId,
      startYear: strategies.startYear,
      endYear: strategies.endYear,
      partnershipName: partnerships.name,
      isFictional: partnerships.isFictional,
    })
    .from(strategies)
    .innerJoin(partnerships, eq(partnerships.id, strategies.partnershipId))
    .where(eq(strategies.status, "signed-off"))
    .orderBy(asc(partnerships.name));
}

export async function findSignedOffStrategy(db: Executor, id: string) {
  const [row] = await db
    .select({ strategy: strategies, partnership: partnerships })
    .from(strategies)
    .innerJoin(partnerships, eq(partnerships.id, strategies.partnershipId))
    .where(and(eq(strategies.id, id), eq(strategies.status, "signed-off")))
    .limit(1);
  return row;
}

/** Every update recorded for a reporting year's quarters ("2025/26 Q1" … "2025/26 Q4"). */
export function updatesInYear(db: Executor, partnershipId: string, reportingYear: string) {
  return db
    .select()
    .from(actionUpdates)
    .where(
      and(
        eq(actionUpdates.partnershipId, partnershipId),
        like(actionUpdates.period, `${reportingYear} Q%`),
        isNull(actionUpdates.withdrawnAt),
      ),
    )
    .orderBy(asc(actionUpdates.actionId), asc(actionUpdates.period), asc(actionUpdates.createdAt));
}

/** Per partnership: its reports for the year with the latest publication date, for the national view. */
export async function reportsForYear(db: Executor, partnershipIds: string[], reportingYear: string) {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      id: reports.id,
      partnershipId: reports.partnershipId,
      type: reports.type,
      publishedAt: sql<Date | string | null>`max(${reportPublications.publishedAt})`,
    })
    .from(reports)
    .leftJoin(reportPublications, eq(reportPublications.reportId, reports.id))
    .where(and(inArray(reports.partnershipId, partnershipIds), eq(reports.reportingYear, reportingYear)))
    .groupBy(reports.id, reports.partnershipId, reports.type);
}

/** The parts of a strategy its public page shows (the strategy domain owns the records). */
export async function strategyParts(db: Executor, partnershipId: string) {
  const [choices, related, signOffs] = await Promise.all([
    db
      .select()
      .from(strategicChoices)
      .where(eq(strategicChoices.partnershipId, partnershipId))
      .orderBy(asc(strategicChoices.option)),
    db
      .select()
      .from(relatedStrategies)
      .where(eq(relatedStrategies.partnershipId, partnershipId))
      .orderBy(asc(relatedStrategies.name)),
    db
      .select()
      .from(strategySignOffs)
      .where(eq(strategySignOffs.partnershipId, partnershipId))
      .orderBy(asc(strategySignOffs.signedOn)),
  ]);
  return { choices, related, signOffs };
}
