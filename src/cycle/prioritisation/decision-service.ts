import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { formatPounds } from "../../kernel/money.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { addBudget, createAction, findActionChoices } from "../actions/index.ts";
import { listMeetings } from "../meetings/index.ts";
import * as repo from "./repository.ts";
import type { DecisionInput } from "./schemas.ts";

/**
 * Records the decision and carries it out in one transaction: each chosen bid becomes an action
 * (through the actions domain's createAction), and every chosen option gets a budget line for
 * the round's financial year (addBudget). Nothing is saved if any part is refused.
 */
export async function recordDecision(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnership: PartnershipRow,
  roundId: string,
  input: DecisionInput,
) {
  return db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, partnership.id, roundId);
    if (!round) throw AppError.notFound();
    if (round.status !== "closed")
      throw AppError.validation([
        {
          field: "decidedBy",
          message: round.status === "decided" ? "This round has already been decided" : "Close scoring before deciding",
        },
      ]);
    const options = (await repo.listOptions(tx, partnership.id, roundId)).filter((option) => !option.withdrawnAt);
    const chosenIds = new Set(input.optionIds);
    const chosen = options.filter((option) => chosenIds.has(option.id));
    if (chosen.length === 0 || chosen.length !== chosenIds.size)
      throw AppError.validation([
        { field: "optionIds", message: "Select the options chosen for funding from the list" },
      ]);
    const cost = chosen.reduce((sum, option) => sum + option.costPence, 0);
    if (cost > round.budgetPence)
      throw AppError.validation([
        {
          field: "optionIds",
          message: `The options chosen cost ${formatPounds(cost)}, more than the ${formatPounds(round.budgetPence)} available`,
        },
      ]);
    if (input.meetingId) {
      const meetings = await listMeetings(tx, { partnershipId: partnership.id });
      if (!meetings.some((meeting) => meeting.id === input.meetingId))
        throw AppError.validation([{ field: "meetingId", message: "Select a meeting of this partnership" }]);
    }
    const existing = new Set(
      (
        await findActionChoices(
          tx,
          partnership.id,
          chosen.flatMap((option) => (option.kind === "action" && option.actionId ? [option.actionId] : [])),
        )
      ).map((action) => action.id),
    );
    const budgetLine = (cost: number) => ({
      financialYear: round.financialYear,
      amountPence: cost,
      source: input.source,
      arrangement: input.arrangement,
    });
    const made: { optionId: string; actionId: string; created: boolean }[] = [];
    for (const option of chosen) {
      let actionId = option.kind === "action" ? option.actionId : null;
      if (option.kind === "action" && (!actionId || !existing.has(actionId)))
        throw AppError.validation([
          { field: "optionIds", message: `The action behind ‘${option.title}’ has been removed from the plan` },
        ]);
      if (!actionId) {
        const action = await createAction(tx, audit, actor, partnership, {
          reference: "",
          title: option.title,
          description: option.description,
          priorityIds: [],
          leadOrganisationId: option.leadOrganisationId,
          partnerIds: [],
          startDate: null,
          endDate: null,
          drivers: [],
          familyTypes: [],
          flags: [],
        });
        actionId = action.id;
      }
      await addBudget(tx, audit, partnership.id, actionId, budgetLine(option.costPence));
      await repo.markChosen(tx, partnership.id, option.id, actionId);
      made.push({ optionId: option.id, actionId, created: option.kind === "bid" });
    }
    const decision = await repo.insertDecision(tx, {
      partnershipId: partnership.id,
      roundId,
      decidedBy: input.decidedBy,
      decidedOn: input.decidedOn,
      rationale: input.rationale,
      meetingId: input.meetingId || null,
      recordedByUserId: audit.actorUserId,
    });
    await repo.updateRound(tx, partnership.id, roundId, { status: "decided" });
    await recordAudit(tx, audit, {
      action: "prioritisation.round.decide",
      entityType: "priority_round",
      entityId: roundId,
      partnershipId: partnership.id,
      before: { status: round.status },
      after: { status: "decided", decision, chosen: made, costPence: cost },
    });
    return decision;
  });
}
