import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { actions } from "../actions/index.ts";
import { formatPeriod, type Period, periodEnd, periodOf, periodStart } from "./periods.ts";
import { current } from "./repository.ts";
import { actionUpdates } from "./tables.ts";
import { londonToday } from "../../kernel/time.ts";

export interface UpdateDue {
  partnershipId: string;
  actionId: string;
  reference: string;
  title: string;
  period: string;
}

/**
 * Actions with no progress update for the period, by the monitoring dashboard's rule: running
 * during the period (started by its end, not ended before its start) and not marked complete.
 * `leadOrganisationIds`, when given, keeps only actions those organisations lead.
 */
export async function updatesDue(
  db: Executor,
  partnershipIds: string[],
  options: { period?: Period; leadOrganisationIds?: string[] } = {},
): Promise<UpdateDue[]> {
  if (partnershipIds.length === 0 || options.leadOrganisationIds?.length === 0) return [];
  const period = options.period ?? periodOf(londonToday());
  const label = formatPeriod(period);
  const start = periodStart(period);
  const end = periodEnd(period);
  // Set-based queries (no correlated subqueries): PGlite plans those poorly.
  const [running, updated, latest] = await Promise.all([
    db
      .select({
        id: actions.id,
        partnershipId: actions.partnershipId,
        reference: actions.reference,
        title: actions.title,
      })
      .from(actions)
      .where(
        and(
          inArray(actions.partnershipId, partnershipIds),
          options.leadOrganisationIds ? inArray(actions.leadOrganisationId, options.leadOrganisationIds) : undefined,
          or(isNull(actions.startDate), lte(actions.startDate, end)),
          or(isNull(actions.endDate), gte(actions.endDate, start)),
        ),
      )
      .orderBy(asc(actions.reference), asc(actions.title)),
    db
      .selectDistinct({ actionId: actionUpdates.actionId })
      .from(actionUpdates)
      .where(and(inArray(actionUpdates.partnershipId, partnershipIds), eq(actionUpdates.period, label), current)),
    db
      .selectDistinctOn([actionUpdates.actionId], { actionId: actionUpdates.actionId, status: actionUpdates.status })
      .from(actionUpdates)
      .where(and(inArray(actionUpdates.partnershipId, partnershipIds), current))
      .orderBy(actionUpdates.actionId, desc(actionUpdates.createdAt)),
  ]);
  const updatedIds = new Set(updated.map((row) => row.actionId));
  const complete = new Set(latest.filter((row) => row.status === "complete").map((row) => row.actionId));
  return running
    .filter((row) => !updatedIds.has(row.id) && !complete.has(row.id))
    .map((row) => ({
      partnershipId: row.partnershipId,
      actionId: row.id,
      reference: row.reference,
      title: row.title,
      period: label,
    }));
}
