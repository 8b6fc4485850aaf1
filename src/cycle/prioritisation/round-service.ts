import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import { actionFor, findActionChoices, memberOrganisations } from "../actions/index.ts";
import { defaultCriteria } from "./defaults.ts";
import type { EvidenceLevel } from "./extension-points.ts";
import { isSetUp } from "./lifecycle.ts";
import * as repo from "./repository.ts";
import {
  type ActionOptionInput,
  type BidInput,
  type CriterionInput,
  MAX_CRITERIA,
  MAX_OPTIONS,
  type RoundInput,
} from "./schemas.ts";
import { checkWeights, pointsField, rankField, type WeightEntry, type WeightMethod, weightMethods } from "./weights.ts";

const audited = (partnershipId: string, action: string, entityType: string, entityId: string) => ({
  action: `prioritisation.${action}`,
  entityType,
  entityId,
  partnershipId,
});

/** A round in set-up, locked for the change; anything else is refused (options are fixed once scoring opens). */
async function roundInSetUp(tx: Executor, partnershipId: string, roundId: string): Promise<repo.RoundRow> {
  const round = await repo.lockRound(tx, partnershipId, roundId);
  if (!round) throw AppError.notFound();
  if (!isSetUp(round.status))
    throw AppError.validation([
      { field: "title", message: "Scoring has opened: options, criteria and weights are fixed" },
    ]);
  return round;
}

export async function createRound(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; nation: string },
  input: RoundInput,
  evidenceLevels: readonly EvidenceLevel[],
): Promise<repo.RoundRow> {
  return db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      partnershipId: partnership.id,
      title: input.title,
      budgetPence: input.budget,
      financialYear: input.financialYear,
      topK: input.topK,
    });
    const criteria = await repo.insertCriteria(
      tx,
      defaultCriteria(partnership.nation, evidenceLevels).map((criterion, position) => ({
        ...criterion,
        position,
        partnershipId: partnership.id,
        roundId: round.id,
      })),
    );
    await recordAudit(tx, audit, {
      ...audited(partnership.id, "round.create", "priority_round", round.id),
      after: { ...round, criteria: criteria.map((row) => row.name) },
    });
    return round;
  });
}

async function checkOptionCount(tx: Executor, partnershipId: string, roundId: string, field: string) {
  if ((await repo.listOptions(tx, partnershipId, roundId)).length >= MAX_OPTIONS)
    throw AppError.validation([{ field, message: `A round takes at most ${MAX_OPTIONS} options` }]);
}

export async function addBid(db: Db, audit: AuditContext, partnershipId: string, roundId: string, input: BidInput) {
  return db.transaction(async (tx) => {
    await roundInSetUp(tx, partnershipId, roundId);
    await checkOptionCount(tx, partnershipId, roundId, "title");
    const members = await memberOrganisations(tx, partnershipId);
    if (!members.some((member) => member.id === input.leadOrganisationId))
      throw AppError.validation([
        { field: "leadOrganisationId", message: "Select a lead organisation that is a member of the partnership" },
      ]);
    const option = await repo.insertOption(tx, {
      partnershipId,
      roundId,
      kind: "bid",
      title: input.title,
      description: input.description,
      costPence: input.cost,
      leadOrganisationId: input.leadOrganisationId,
    });
    await recordAudit(tx, audit, {
      ...audited(partnershipId, "option.add", "priority_option", option.id),
      after: option,
    });
    return option;
  });
}

/** An existing action as an option; the action is looked up through the actions domain, within the partnership. */
export async function addActionOption(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  roundId: string,
  input: ActionOptionInput,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    await roundInSetUp(tx, partnershipId, roundId);
    await checkOptionCount(tx, partnershipId, roundId, "actionId");
    const [action] = await findActionChoices(tx, partnershipId, [input.actionId]);
    const details = action ? (await actionFor(tx, actor, partnershipId, action.id)).action : undefined;
    if (!action || !details)
      throw AppError.validation([
        { field: "actionId", message: "Select an action from the partnership's action plan" },
      ]);
    const options = await repo.listOptions(tx, partnershipId, roundId);
    if (options.some((option) => option.kind === "action" && option.actionId === action.id))
      throw AppError.validation([{ field: "actionId", message: `${action.label} is already an option in this round` }]);
    const option = await repo.insertOption(tx, {
      partnershipId,
      roundId,
      kind: "action",
      actionId: action.id,
      title: action.label,
      description: details.description,
      costPence: input.cost,
      leadOrganisationId: details.leadOrganisationId,
    });
    await recordAudit(tx, audit, {
      ...audited(partnershipId, "option.add", "priority_option", option.id),
      after: option,
    });
    return option;
  });
}

/**
 * Removes an option. Before scoring opens it is deleted; after, it is withdrawn: kept with its
 * scores in the record, shown as withdrawn and left out of the ranking.
 */
export async function withdrawOption(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  roundId: string,
  optionId: string,
): Promise<"deleted" | "withdrawn"> {
  return db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, partnershipId, roundId);
    const option = round ? await repo.findOption(tx, partnershipId, roundId, optionId) : undefined;
    if (!round || !option || option.withdrawnAt || round.status === "decided") throw AppError.notFound();
    if (isSetUp(round.status)) {
      await repo.deleteOption(tx, partnershipId, optionId);
      await recordAudit(tx, audit, {
        ...audited(partnershipId, "option.delete", "priority_option", optionId),
        before: option,
      });
      return "deleted";
    }
    const after = await repo.updateOption(tx, partnershipId, optionId, { withdrawnAt: new Date() });
    await recordAudit(tx, audit, {
      ...audited(partnershipId, "option.withdraw", "priority_option", optionId),
      before: option,
      after,
    });
    return "withdrawn";
  });
}

export async function saveCriterion(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  roundId: string,
  criterionId: string | null,
  input: CriterionInput,
) {
  return db.transaction(async (tx) => {
    await roundInSetUp(tx, partnershipId, roundId);
    const criteria = await repo.listCriteria(tx, partnershipId, roundId);
    const before = criterionId ? criteria.find((row) => row.id === criterionId) : undefined;
    if (criterionId && !before) throw AppError.notFound();
    if (!before && criteria.length >= MAX_CRITERIA)
      throw AppError.validation([{ field: "name", message: `A round takes at most ${MAX_CRITERIA} criteria` }]);
    const after = before
      ? await repo.updateCriterion(tx, partnershipId, before.id, input)
      : (await repo.insertCriteria(tx, [{ ...input, partnershipId, roundId, position: criteria.length }]))[0]!;
    await recordAudit(tx, audit, {
      ...audited(partnershipId, before ? "criterion.update" : "criterion.add", "priority_criterion", after.id),
      before,
      after,
    });
    return after;
  });
}

/** The weights form's post, read against the round's criteria: every problem names its field. */
export function parseWeights(
  body: Record<string, unknown>,
  criteria: readonly repo.CriterionRow[],
): { method: WeightMethod; entries: WeightEntry[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const method = weightMethods.find((value) => value === body.method);
  if (!method) errors.push({ field: "method", message: "Select how the weights are agreed" });
  const text = (field: string) => (typeof body[field] === "string" ? (body[field] as string).trim() : "");
  const entries = criteria.map((criterion) => {
    const points = text(pointsField(criterion.id));
    const rank = text(rankField(criterion.id));
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(points))
      errors.push({ field: pointsField(criterion.id), message: `Enter the points for ${criterion.name}, like 20` });
    if (method === "swing" && !/^\d{1,2}$/.test(rank))
      errors.push({ field: rankField(criterion.id), message: `Enter the rank of ${criterion.name}, like 1` });
    return { id: criterion.id, name: criterion.name, points: Number(points), rank: rank ? Number(rank) : null };
  });
  if (!errors.length && method) errors.push(...checkWeights(method, entries));
  return { method: method ?? "points", entries, errors };
}

export async function saveWeights(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  roundId: string,
  body: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    const round = await roundInSetUp(tx, partnershipId, roundId);
    const criteria = await repo.listCriteria(tx, partnershipId, roundId);
    const { method, entries, errors } = parseWeights(body, criteria);
    if (errors.length) throw AppError.validation(errors);
    for (const entry of entries)
      await repo.updateCriterion(tx, partnershipId, entry.id, {
        weightPoints: entry.points,
        swingRank: method === "swing" ? entry.rank : null,
      });
    const after = await repo.updateRound(tx, partnershipId, roundId, { weightMethod: method });
    await recordAudit(tx, audit, {
      ...audited(partnershipId, "weights.update", "priority_round", roundId),
      before: {
        weightMethod: round.weightMethod,
        criteria: criteria.map((c) => [c.name, c.weightPoints, c.swingRank]),
      },
      after: { weightMethod: after.weightMethod, entries },
    });
  });
}
