import { and, asc, count, desc, eq, getTableColumns, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { findActionChoices } from "../../cycle/actions/index.ts";
import { actionPracticeCitations, practiceAttachments, practiceEntries } from "./tables.ts";

export type EntryRow = Omit<typeof practiceEntries.$inferSelect, "search">;
type EntryInsert = Omit<typeof practiceEntries.$inferInsert, "search">;

// Every column but the search vector, which only the database reads.
const { search: _search, ...selection } = getTableColumns(practiceEntries);

export async function findEntry(db: Executor, id: string): Promise<EntryRow | undefined> {
  const [row] = await db.select(selection).from(practiceEntries).where(eq(practiceEntries.id, id)).limit(1);
  return row;
}

export async function insertEntry(db: Executor, values: EntryInsert): Promise<EntryRow> {
  const [row] = await db.insert(practiceEntries).values(values).returning(selection);
  return row!;
}

export async function updateEntry(db: Executor, id: string, values: Partial<EntryInsert>): Promise<EntryRow> {
  const [row] = await db
    .update(practiceEntries)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(practiceEntries.id, id))
    .returning(selection);
  return row!;
}

/** How many entries of the coordinator's nations are in the given statuses (the review queue's link). */
export async function countByStatus(db: Executor, nations: readonly string[], statuses: readonly string[]) {
  if (nations.length === 0) return 0;
  const [row] = await db
    .select({ total: count() })
    .from(practiceEntries)
    .where(and(inArray(practiceEntries.nation, [...nations]), inArray(practiceEntries.status, [...statuses])));
  return row?.total ?? 0;
}

/** Entries in the given statuses for the coordinator's nations (drafts and the review queue). */
export async function listByStatus(db: Executor, nations: readonly string[], statuses: readonly string[]) {
  if (nations.length === 0) return [];
  const rows = await db
    .select({
      id: practiceEntries.id,
      title: practiceEntries.title,
      kind: practiceEntries.kind,
      status: practiceEntries.status,
      nation: practiceEntries.nation,
      proposerName: practiceEntries.proposerName,
      partnershipId: practiceEntries.partnershipId,
      updatedAt: practiceEntries.updatedAt,
    })
    .from(practiceEntries)
    .where(and(inArray(practiceEntries.nation, [...nations]), inArray(practiceEntries.status, [...statuses])))
    .orderBy(asc(practiceEntries.updatedAt));
  const ids = [...new Set(rows.flatMap((row) => (row.partnershipId ? [row.partnershipId] : [])))];
  const names = new Map((ids.length ? await listPartnershipsWhere(db, { ids }) : []).map((row) => [row.id, row.name]));
  return rows.map((row) => ({
    ...row,
    partnershipName: row.partnershipId ? (names.get(row.partnershipId) ?? null) : null,
  }));
}

/** Case studies a partnership proposed from one of its actions. */
export function proposalsForAction(db: Executor, partnershipId: string, actionId: string) {
  return db
    .select(selection)
    .from(practiceEntries)
    .where(and(eq(practiceEntries.partnershipId, partnershipId), eq(practiceEntries.sourceActionId, actionId)))
    .orderBy(desc(practiceEntries.createdAt));
}

export function listAttachments(db: Executor, entryId: string) {
  return db
    .select({
      id: practiceAttachments.id,
      fileName: practiceAttachments.fileName,
      contentType: practiceAttachments.contentType,
      sizeBytes: practiceAttachments.sizeBytes,
      uploadedAt: practiceAttachments.uploadedAt,
    })
    .from(practiceAttachments)
    .where(eq(practiceAttachments.entryId, entryId))
    .orderBy(asc(practiceAttachments.uploadedAt));
}

export async function findAttachment(db: Executor, entryId: string, id: string) {
  const [row] = await db
    .select()
    .from(practiceAttachments)
    .where(and(eq(practiceAttachments.entryId, entryId), eq(practiceAttachments.id, id)))
    .limit(1);
  return row;
}

export async function insertAttachment(db: Executor, values: typeof practiceAttachments.$inferInsert) {
  const [row] = await db.insert(practiceAttachments).values(values).returning({
    id: practiceAttachments.id,
    fileName: practiceAttachments.fileName,
    sha256: practiceAttachments.sha256,
    sizeBytes: practiceAttachments.sizeBytes,
  });
  return row!;
}

export async function deleteAttachment(db: Executor, entryId: string, id: string) {
  const [row] = await db
    .delete(practiceAttachments)
    .where(and(eq(practiceAttachments.entryId, entryId), eq(practiceAttachments.id, id)))
    .returning({
      id: practiceAttachments.id,
      fileName: practiceAttachments.fileName,
      sha256: practiceAttachments.sha256,
    });
  return row;
}

/** The entries an action cites, with their status (a withdrawn entry stays listed, marked). */
export function citationsOfAction(db: Executor, partnershipId: string, actionId: string) {
  return db
    .select({
      entryId: practiceEntries.id,
      title: practiceEntries.title,
      status: practiceEntries.status,
      evidenceLevel: practiceEntries.evidenceLevel,
      createdAt: actionPracticeCitations.createdAt,
    })
    .from(actionPracticeCitations)
    .innerJoin(practiceEntries, eq(practiceEntries.id, actionPracticeCitations.entryId))
    .where(
      and(eq(actionPracticeCitations.partnershipId, partnershipId), eq(actionPracticeCitations.actionId, actionId)),
    )
    .orderBy(asc(practiceEntries.title));
}

export async function insertCitation(db: Executor, values: typeof actionPracticeCitations.$inferInsert) {
  const [row] = await db.insert(actionPracticeCitations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteCitation(db: Executor, partnershipId: string, actionId: string, entryId: string) {
  const [row] = await db
    .delete(actionPracticeCitations)
    .where(
      and(
        eq(actionPracticeCitations.partnershipId, partnershipId),
        eq(actionPracticeCitations.actionId, actionId),
        eq(actionPracticeCitations.entryId, entryId),
      ),
    )
    .returning();
  return row;
}

/** The local actions citing an entry, with their partnership ("areas doing this"), read through their domains. */
export async function citingActions(db: Executor, entryId: string) {
  const citations = await db
    .select({ actionId: actionPracticeCitations.actionId, partnershipId: actionPracticeCitations.partnershipId })
    .from(actionPracticeCitations)
    .where(eq(actionPracticeCitations.entryId, entryId));
  if (citations.length === 0) return [];
  const partnershipIds = [...new Set(citations.map((row) => row.partnershipId))];
  const partnerships = await listPartnershipsWhere(db, { ids: partnershipIds });
  const rows = [];
  for (const partnership of partnerships) {
    const ids = citations.filter((row) => row.partnershipId === partnership.id).map((row) => row.actionId);
    for (const action of await findActionChoices(db, partnership.id, ids)) {
      rows.push({
        actionId: action.id,
        actionLabel: action.label,
        partnershipId: partnership.id,
        partnershipName: partnership.name,
        areaName: partnership.areaName,
        nation: partnership.nation,
        isFictional: partnership.isFictional,
      });
    }
  }
  return rows.sort(
    (a, b) => a.partnershipName.localeCompare(b.partnershipName) || a.actionLabel.localeCompare(b.actionLabel),
  );
}
