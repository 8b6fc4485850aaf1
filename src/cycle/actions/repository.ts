import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnershipMembers } from "../../workspace/partnerships/index.ts";
import {
  actionBudgets,
  actionImports,
  actionIndicators,
  actionMilestones,
  actionPartners,
  actionPriorities,
  actions,
} from "./tables.ts";

export type ActionRow = typeof actions.$inferSelect;
export type BudgetRow = typeof actionBudgets.$inferSelect;
export type IndicatorRow = typeof actionIndicators.$inferSelect;
export type MilestoneRow = typeof actionMilestones.$inferSelect;
export type ImportRow = typeof actionImports.$inferSelect;

export interface MemberOrganisation {
  id: string;
  name: string;
}

/** The organisations that can lead or contribute to actions: the partnership's members. */
export function memberOrganisations(db: Executor, partnershipId: string): Promise<MemberOrganisation[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(eq(partnershipMembers.partnershipId, partnershipId))
    .orderBy(asc(organisations.name));
}

// Lists leave out the timestamps: fewer columns parse noticeably faster on PGlite.
const listColumns = {
  id: actions.id,
  partnershipId: actions.partnershipId,
  reference: actions.reference,
  title: actions.title,
  description: actions.description,
  leadOrganisationId: actions.leadOrganisationId,
  startDate: actions.startDate,
  endDate: actions.endDate,
  drivers: actions.drivers,
  familyTypes: actions.familyTypes,
  incomeMaximisation: actions.incomeMaximisation,
  protectedCharacteristics: actions.protectedCharacteristics,
};
export type ActionListRow = Omit<ActionRow, "createdAt" | "updatedAt">;

export function listActions(db: Executor, partnershipId: string): Promise<ActionListRow[]> {
  return db
    .select(listColumns)
    .from(actions)
    .where(eq(actions.partnershipId, partnershipId))
    .orderBy(asc(actions.reference), asc(actions.title));
}

export async function findAction(db: Executor, partnershipId: string, id: string): Promise<ActionRow | undefined> {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, id), eq(actions.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function insertActions(db: Executor, values: (typeof actions.$inferInsert)[]): Promise<ActionRow[]> {
  if (values.length === 0) return [];
  return db.insert(actions).values(values).returning();
}

export async function updateAction(
  db: Executor,
  partnershipId: string,
  id: string,
  values: Partial<typeof actions.$inferInsert>,
) {
  const [row] = await db
    .update(actions)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(actions.id, id), eq(actions.partnershipId, partnershipId)))
    .returning();
  return row!;
}

export async function deleteAction(db: Executor, partnershipId: string, id: string) {
  const [row] = await db
    .delete(actions)
    .where(and(eq(actions.id, id), eq(actions.partnershipId, partnershipId)))
    .returning();
  return row;
}

export function listActionPriorities(db: Executor, partnershipId: string) {
  return db
    .select({ actionId: actionPriorities.actionId, priorityId: actionPriorities.priorityId })
    .from(actionPriorities)
    .where(eq(actionPriorities.partnershipId, partnershipId));
}

export function listActionPartners(db: Executor, partnershipId: string) {
  return db
    .select({ actionId: actionPartners.actionId, organisationId: actionPartners.organisationId })
    .from(actionPartners)
    .where(eq(actionPartners.partnershipId, partnershipId));
}

/** Replaces an action's links (priorities or contributing partners). */
export async function setPriorities(db: Executor, partnershipId: string, actionId: string, priorityIds: string[]) {
  await db
    .delete(actionPriorities)
    .where(and(eq(actionPriorities.actionId, actionId), eq(actionPriorities.partnershipId, partnershipId)));
  if (priorityIds.length)
    await db
      .insert(actionPriorities)
      .values(priorityIds.map((priorityId) => ({ actionId, priorityId, partnershipId })));
}

export async function setPartners(db: Executor, partnershipId: string, actionId: string, organisationIds: string[]) {
  await db
    .delete(actionPartners)
    .where(and(eq(actionPartners.actionId, actionId), eq(actionPartners.partnershipId, partnershipId)));
  if (organisationIds.length) {
    await db
      .insert(actionPartners)
      .values(organisationIds.map((organisationId) => ({ actionId, organisationId, partnershipId })));
  }
}

export async function insertLinks(
  db: Executor,
  priorities: (typeof actionPriorities.$inferInsert)[],
  partners: (typeof actionPartners.$inferInsert)[],
) {
  if (priorities.length) await db.insert(actionPriorities).values(priorities);
  if (partners.length) await db.insert(actionPartners).values(partners);
}

export async function countActionsByPriority(db: Executor, partnershipId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ priorityId: actionPriorities.priorityId, count: sql<number>`count(*)::int` })
    .from(actionPriorities)
    .where(eq(actionPriorities.partnershipId, partnershipId))
    .groupBy(actionPriorities.priorityId);
  return new Map(rows.map((row) => [row.priorityId, Number(row.count)]));
}

export function listBudgets(db: Executor, partnershipId: string, actionIds?: string[]): Promise<BudgetRow[]> {
  const where = actionIds
    ? and(
        eq(actionBudgets.partnershipId, partnershipId),
        inArray(actionBudgets.actionId, actionIds.length ? actionIds : ["00000000-0000-0000-0000-000000000000"]),
      )
    : eq(actionBudgets.partnershipId, partnershipId);
  return db.select().from(actionBudgets).where(where).orderBy(asc(actionBudgets.financialYear));
}

export async function insertBudgets(db: Executor, values: (typeof actionBudgets.$inferInsert)[]): Promise<BudgetRow[]> {
  if (values.length === 0) return [];
  return db.insert(actionBudgets).values(values).returning();
}

export function listIndicators(db: Executor, partnershipId: string, actionId: string): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(actionIndicators)
    .where(and(eq(actionIndicators.partnershipId, partnershipId), eq(actionIndicators.actionId, actionId)))
    .orderBy(asc(actionIndicators.label));
}

/** Every indicator link of a partnership's actions, by name. */
export function listPartnershipIndicators(db: Executor, partnershipId: string): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(actionIndicators)
    .where(eq(actionIndicators.partnershipId, partnershipId))
    .orderBy(asc(actionIndicators.label), asc(actionIndicators.id));
}

export async function insertIndicator(
  db: Executor,
  values: typeof actionIndicators.$inferInsert,
): Promise<IndicatorRow> {
  const [row] = await db.insert(actionIndicators).values(values).returning();
  return row!;
}

export function listMilestones(db: Executor, partnershipId: string, actionId?: string): Promise<MilestoneRow[]> {
  const where = actionId
    ? and(eq(actionMilestones.partnershipId, partnershipId), eq(actionMilestones.actionId, actionId))
    : eq(actionMilestones.partnershipId, partnershipId);
  return db
    .select()
    .from(actionMilestones)
    .where(where)
    .orderBy(asc(actionMilestones.dueDate), asc(actionMilestones.title));
}

export async function insertMilestone(
  db: Executor,
  values: typeof actionMilestones.$inferInsert,
): Promise<MilestoneRow> {
  const [row] = await db.insert(actionMilestones).values(values).returning();
  return row!;
}

export async function setMilestoneDone(
  db: Executor,
  partnershipId: string,
  actionId: string,
  id: string,
  doneDate: string | null,
) {
  const [row] = await db
    .update(actionMilestones)
    .set({ doneDate })
    .where(
      and(
        eq(actionMilestones.id, id),
        eq(actionMilestones.actionId, actionId),
        eq(actionMilestones.partnershipId, partnershipId),
      ),
    )
    .returning();
  return row;
}

const actionChildren = { budget: actionBudgets, indicator: actionIndicators, milestone: actionMilestones } as const;
export type ActionChild = keyof typeof actionChildren;

/** One budget line, indicator or milestone of an action of the partnership; undefined otherwise. */
export async function findActionChild(
  db: Executor,
  kind: ActionChild,
  partnershipId: string,
  actionId: string,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const table = actionChildren[kind];
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.actionId, actionId), eq(table.partnershipId, partnershipId)));
  return row as Record<string, unknown> | undefined;
}

export async function deleteActionChild(
  db: Executor,
  kind: ActionChild,
  partnershipId: string,
  actionId: string,
  id: string,
) {
  const table = actionChildren[kind];
  const [row] = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.actionId, actionId), eq(table.partnershipId, partnershipId)))
    .returning();
  return row as Record<string, unknown> | undefined;
}

export async function insertImport(db: Executor, values: typeof actionImports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(actionImports).values(values).returning();
  return row!;
}

export async function findImport(db: Executor, partnershipId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(actionImports)
    .where(and(eq(actionImports.id, id), eq(actionImports.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function updateImport(
  db: Executor,
  partnershipId: string,
  id: string,
  values: Partial<typeof actionImports.$inferInsert>,
) {
  await db
    .update(actionImports)
    .set(values)
    .where(and(eq(actionImports.id, id), eq(actionImports.partnershipId, partnershipId)));
}

export async function deleteImportsBefore(db: Executor, partnershipId: string, before: Date) {
  await db
    .delete(actionImports)
    .where(and(eq(actionImports.partnershipId, partnershipId), lt(actionImports.createdAt, before)));
}

/** The action indicators measured for a locality, with their action: what its removal would leave unmeasured. */
export async function indicatorsMeasuredFor(db: Executor, partnershipId: string, localityId: string) {
  return db
    .select({ label: actionIndicators.label, reference: actions.reference, title: actions.title })
    .from(actionIndicators)
    .innerJoin(actions, eq(actions.id, actionIndicators.actionId))
    .where(and(eq(actionIndicators.partnershipId, partnershipId), eq(actionIndicators.localityId, localityId)))
    .orderBy(asc(actions.reference), asc(actionIndicators.label));
}
