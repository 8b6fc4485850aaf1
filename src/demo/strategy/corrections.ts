import type { RagStatus } from "../../cycle/actions/index.ts";
import { correctUpdate, recordUpdate, withdrawUpdate } from "../../cycle/monitoring/index.ts";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { utcCalendarDate } from "../../kernel/time.ts";

/**
 * Every plan shows the corrections trail: the first action's first update corrected after a
 * recount (its earlier text kept as a version), and the second action's last update entered
 * twice, the copy withdrawn (kept in the history, marked, no longer counted).
 */
export async function correctAndWithdraw(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  index: number,
  recorded: Awaited<ReturnType<typeof recordUpdate>>[],
): Promise<void> {
  const first = recorded[0];
  const last = recorded.at(-1);
  if (index === 0 && first) {
    const { id: _id, partnershipId: _p, actionId: _a, ...fields } = first;
    const families = (first.familiesReached ?? 0) + 3;
    await correctUpdate(db, audit, partnershipId, actionId, first.id, {
      period: fields.period,
      status: fields.status as RagStatus,
      reason: fields.reason,
      percentComplete: fields.percentComplete,
      narrative: `${fields.period}: ${families} families supported so far (corrected after a recount of the referral log).`,
      spendToDatePence: fields.spendToDatePence === null ? null : Number(fields.spendToDatePence),
      peopleReached: families * 3,
      familiesReached: families,
      evidenceUrls: fields.evidenceUrls,
    });
  }
  if (index === 1 && last) {
    const copy = await recordUpdate(
      db,
      audit,
      partnershipId,
      actionId,
      {
        period: last.period,
        status: last.status as RagStatus,
        reason: last.reason,
        percentComplete: last.percentComplete,
        narrative: `${last.narrative} (entered twice by mistake)`,
        spendToDatePence: last.spendToDatePence === null ? null : Number(last.spendToDatePence),
        peopleReached: last.peopleReached,
        familiesReached: last.familiesReached,
        evidenceUrls: last.evidenceUrls,
        milestoneIds: [],
      },
      last.createdAt ? utcCalendarDate(last.createdAt) : "2000-01-01",
    );
    await withdrawUpdate(db, audit, partnershipId, actionId, copy.id);
  }
}
