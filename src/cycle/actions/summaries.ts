import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { actions } from "./tables.ts";
import { driverLabel, familyTypeLabel, topDriver } from "./vocabulary.ts";

/** Counts of a partnership's actions by top-level driver and by family type (labels as keys). */
export interface ActionCounts {
  total: number;
  byDriver: Record<string, number>;
  byFamilyType: Record<string, number>;
}

/**
 * Action counts per partnership for summaries elsewhere (the national view). An action tagged
 * with two sub-drivers of one driver counts once for that driver. Partnerships without actions
 * map to null, so "none recorded" is never shown as a zero count.
 */
export async function actionProfiles(
  db: Executor,
  partnershipIds: string[],
): Promise<Map<string, ActionCounts | null>> {
  const result = new Map<string, ActionCounts | null>(partnershipIds.map((id) => [id, null]));
  if (partnershipIds.length === 0) return result;
  const rows = await db
    .select({ partnershipId: actions.partnershipId, drivers: actions.drivers, familyTypes: actions.familyTypes })
    .from(actions)
    .where(inArray(actions.partnershipId, partnershipIds));
  for (const row of rows) {
    const counts = result.get(row.partnershipId) ?? { total: 0, byDriver: {}, byFamilyType: {} };
    counts.total += 1;
    for (const driver of new Set(row.drivers.map(topDriver))) {
      const label = driverLabel(driver);
      counts.byDriver[label] = (counts.byDriver[label] ?? 0) + 1;
    }
    for (const familyType of new Set(row.familyTypes)) {
      const label = familyTypeLabel(familyType);
      counts.byFamilyType[label] = (counts.byFamilyType[label] ?? 0) + 1;
    }
    result.set(row.partnershipId, counts);
  }
  return result;
}

export interface ActionChoice {
  id: string;
  reference: string;
  title: string;
  /** "A12 – Title" or the title alone, for selects and links. */
  label: string;
  /** When the action runs, if recorded (the funding plan finds the years it runs unfunded). */
  startDate: string | null;
  endDate: string | null;
}

const choiceColumns = {
  id: actions.id,
  reference: actions.reference,
  title: actions.title,
  startDate: actions.startDate,
  endDate: actions.endDate,
};

const choiceLabel = (row: { reference: string; title: string }) =>
  row.reference ? `${row.reference} – ${row.title}` : row.title;

/** A partnership's own actions, for selects in other domains (meetings, budgets). */
export async function actionChoices(db: Executor, partnershipId: string): Promise<ActionChoice[]> {
  const rows = await db
    .select(choiceColumns)
    .from(actions)
    .where(eq(actions.partnershipId, partnershipId))
    .orderBy(asc(actions.reference), asc(actions.title));
  return rows.map((row) => ({ ...row, label: choiceLabel(row) }));
}

/** The given actions that belong to the partnership (ids of other partnerships are left out). */
export async function findActionChoices(db: Executor, partnershipId: string, ids: string[]): Promise<ActionChoice[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(choiceColumns)
    .from(actions)
    .where(and(eq(actions.partnershipId, partnershipId), inArray(actions.id, ids)));
  return rows.map((row) => ({ ...row, label: choiceLabel(row) }));
}
