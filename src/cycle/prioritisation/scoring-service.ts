import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { memberOrganisations } from "../actions/index.ts";
import * as repo from "./repository.ts";

export const scoreField = (optionId: string, criterionId: string) => `score-${optionId}-${criterionId}`;
export const commentField = (optionId: string, criterionId: string) => `comment-${optionId}-${criterionId}`;
const MAX_COMMENT = 2000;

/**
 * The organisation a person scores for: their own, when it is a member of the partnership. Who
 * may score at all is the route's need (editors and leads: partnership:edit); viewers read only.
 */
export async function scorerOrganisation(
  db: Executor,
  actor: Actor,
  partnershipId: string,
): Promise<{ id: string; name: string }> {
  const members = await memberOrganisations(db, partnershipId);
  const organisation = members.find((member) => member.id === actor.organisationId);
  if (!organisation)
    throw AppError.forbidden("Only representatives of the partnership's member organisations score options");
  return organisation;
}

export interface ScoreCard {
  options: repo.OptionRow[];
  criteria: repo.CriterionRow[];
  /** This organisation's own scores only: others' stay hidden until scoring closes. */
  own: repo.ScoreRow[];
}

export async function scoreCard(
  db: Executor,
  partnershipId: string,
  roundId: string,
  organisationId: string,
): Promise<ScoreCard> {
  // One query at a time: inside a transaction they share one connection.
  const options = await repo.listOptions(db, partnershipId, roundId);
  const criteria = await repo.listCriteria(db, partnershipId, roundId);
  const own = await repo.listOrganisationScores(db, partnershipId, roundId, organisationId);
  return { options: options.filter((option) => !option.withdrawnAt), criteria, own };
}

/** Reads every cell of the card; a score missing or outside its criterion's scale names the option and criterion. */
export function parseScoreCard(body: Record<string, unknown>, card: ScoreCard) {
  const errors: FieldError[] = [];
  const cells: { optionId: string; criterionId: string; score: number; comment: string }[] = [];
  const text = (field: string) => (typeof body[field] === "string" ? (body[field] as string).trim() : "");
  for (const option of card.options) {
    for (const criterion of card.criteria) {
      const field = scoreField(option.id, criterion.id);
      const raw = text(field);
      const score = Number(raw);
      const scale = `from ${criterion.scaleMin} to ${criterion.scaleMax}`;
      if (!raw) errors.push({ field, message: `Enter a score ${scale} for ‘${option.title}’ on ‘${criterion.name}’` });
      else if (!/^-?\d{1,4}$/.test(raw) || score < criterion.scaleMin || score > criterion.scaleMax)
        errors.push({
          field,
          message: `The score for ‘${option.title}’ on ‘${criterion.name}’ must be a whole number ${scale}`,
        });
      const comment = text(commentField(option.id, criterion.id));
      if (comment.length > MAX_COMMENT)
        errors.push({
          field: commentField(option.id, criterion.id),
          message: `The comment on ‘${option.title}’ for ‘${criterion.name}’ must be ${MAX_COMMENT} characters or fewer`,
        });
      cells.push({ optionId: option.id, criterionId: criterion.id, score, comment });
    }
  }
  return { cells, errors };
}

/** Saves an organisation's whole score card, or nothing. The audit says who scored, never the scores. */
export async function saveScoreCard(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnershipId: string,
  roundId: string,
  body: Record<string, unknown>,
) {
  await db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, partnershipId, roundId);
    if (!round) throw AppError.notFound();
    const organisation = await scorerOrganisation(tx, actor, partnershipId);
    const card = await scoreCard(tx, partnershipId, roundId, organisation.id);
    if (round.status !== "open" || card.options.length === 0)
      throw AppError.validation([
        {
          field: card.options[0] && card.criteria[0] ? scoreField(card.options[0].id, card.criteria[0].id) : "scores",
          message: "Scoring is not open for this round",
        },
      ]);
    const { cells, errors } = parseScoreCard(body, card);
    if (errors.length) throw AppError.validation(errors);
    await repo.replaceOrganisationScores(
      tx,
      partnershipId,
      roundId,
      organisation.id,
      card.options.map((option) => option.id),
      cells.map((cell) => ({ ...cell, scorerUserId: actor.userId })),
    );
    // Leads read the audit log while scoring is open: the entry names the card, not its values.
    await recordAudit(tx, audit, {
      action: "prioritisation.scores.save",
      entityType: "priority_round",
      entityId: roundId,
      partnershipId,
      after: { organisationId: organisation.id, cells: cells.length, replaced: card.own.length > 0 },
    });
  });
}
