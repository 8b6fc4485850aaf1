import { and, asc, desc, eq, inArray, lte, max, ne, or, isNull, gte } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { sharingAgreements, sharingPrinciples, sharingTemplates } from "./tables.ts";

export type SharingAgreementRow = typeof sharingAgreements.$inferSelect;
export type SharingPrinciplesRow = typeof sharingPrinciples.$inferSelect;
export type SharingTemplateRow = typeof sharingTemplates.$inferSelect;

export function listAgreements(db: Executor, partnershipId: string): Promise<SharingAgreementRow[]> {
  return db
    .select()
    .from(sharingAgreements)
    .where(eq(sharingAgreements.partnershipId, partnershipId))
    .orderBy(asc(sharingAgreements.reviewDate), asc(sharingAgreements.title));
}

export async function findAgreement(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<SharingAgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(sharingAgreements)
    .where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function insertAgreement(db: Executor, values: typeof sharingAgreements.$inferInsert) {
  const [row] = await db.insert(sharingAgreements).values(values).returning();
  return row!;
}

export async function updateAgreement(
  db: Executor,
  partnershipId: string,
  id: string,
  values: Partial<typeof sharingAgreements.$inferInsert>,
) {
  const [row] = await db
    .update(sharingAgreements)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.partnershipId, partnershipId)))
    .returning();
  return row!;
}

/** Agreements in force (agreed or under review, not past their end) whose review is due by `dueBy`. */
export function reviewsDue(db: Executor, partnershipIds: string[], today: string, dueBy: string) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: sharingAgreements.id,
      partnershipId: sharingAgreements.partnershipId,
      title: sharingAgreements.title,
      reviewDate: sharingAgreements.reviewDate,
    })
    .from(sharingAgreements)
    .where(
      and(
        inArray(sharingAgreements.partnershipId, partnershipIds),
        inArray(sharingAgreements.status, ["agreed", "under-review"]),
        lte(sharingAgreements.reviewDate, dueBy),
        or(isNull(sharingAgreements.endDate), gte(sharingAgreements.endDate, today)),
      ),
    )
    .orderBy(asc(sharingAgreements.reviewDate));
}

/** Every agreement of the given partnerships that has not ended, for the national counts. */
export function agreementsOf(db: Executor, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      partnershipId: sharingAgreements.partnershipId,
      riskLevel: sharingAgreements.riskLevel,
      status: sharingAgreements.status,
      endDate: sharingAgreements.endDate,
    })
    .from(sharingAgreements)
    .where(and(inArray(sharingAgreements.partnershipId, partnershipIds), ne(sharingAgreements.status, "ended")));
}

export function principleVersions(db: Executor, nation: string): Promise<SharingPrinciplesRow[]> {
  return db
    .select()
    .from(sharingPrinciples)
    .where(eq(sharingPrinciples.nation, nation))
    .orderBy(desc(sharingPrinciples.version));
}

export async function latestPrinciples(db: Executor, nation: string): Promise<SharingPrinciplesRow | undefined> {
  const [row] = await db
    .select()
    .from(sharingPrinciples)
    .where(eq(sharingPrinciples.nation, nation))
    .orderBy(desc(sharingPrinciples.version))
    .limit(1);
  return row;
}

export async function findPrinciplesVersion(
  db: Executor,
  nation: string,
  version: number,
): Promise<SharingPrinciplesRow | undefined> {
  const [row] = await db
    .select()
    .from(sharingPrinciples)
    .where(and(eq(sharingPrinciples.nation, nation), eq(sharingPrinciples.version, version)))
    .limit(1);
  return row;
}

export async function nextPrinciplesVersion(db: Executor, nation: string): Promise<number> {
  const [row] = await db
    .select({ version: max(sharingPrinciples.version) })
    .from(sharingPrinciples)
    .where(eq(sharingPrinciples.nation, nation));
  return (row?.version ?? 0) + 1;
}

/** Saves a version unless another request saved the same number first (then it returns nothing). */
export async function insertPrinciples(db: Executor, values: typeof sharingPrinciples.$inferInsert) {
  const [row] = await db.insert(sharingPrinciples).values(values).onConflictDoNothing().returning();
  return row;
}

export function listTemplates(db: Executor, nation: string): Promise<SharingTemplateRow[]> {
  return db
    .select()
    .from(sharingTemplates)
    .where(eq(sharingTemplates.nation, nation))
    .orderBy(asc(sharingTemplates.title));
}

export async function findTemplate(db: Executor, nation: string, id: string): Promise<SharingTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(sharingTemplates)
    .where(and(eq(sharingTemplates.id, id), eq(sharingTemplates.nation, nation)))
    .limit(1);
  return row;
}

export async function insertTemplate(db: Executor, values: typeof sharingTemplates.$inferInsert) {
  const [row] = await db.insert(sharingTemplates).values(values).returning();
  return row!;
}

export async function updateTemplate(
  db: Executor,
  nation: string,
  id: string,
  values: Partial<typeof sharingTemplates.$inferInsert>,
) {
  const [row] = await db
    .update(sharingTemplates)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(sharingTemplates.id, id), eq(sharingTemplates.nation, nation)))
    .returning();
  return row!;
}

/**
 * The partnership's agreements that can ground a restricted indicator's readers (not ended):
 * what another domain may know of them, through the index.
 */
export async function agreementChoices(
  db: Executor,
  partnershipId: string,
): Promise<{ id: string; title: string; partyOrganisationIds: string[] }[]> {
  const rows = await listAgreements(db, partnershipId);
  return rows
    .filter((row) => row.status !== "ended")
    .map((row) => ({ id: row.id, title: row.title, partyOrganisationIds: row.partyOrganisationIds }));
}
