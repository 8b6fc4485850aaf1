import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import * as repo from "./repository.ts";
import { checkWeights } from "./weights.ts";

/** What stops scoring from opening: said on the page before anyone confirms. */
export async function openingProblems(db: Executor, partnershipId: string, round: repo.RoundRow): Promise<string[]> {
  // One query at a time: inside a transaction they share one connection.
  const options = await repo.listOptions(db, partnershipId, round.id);
  const criteria = await repo.listCriteria(db, partnershipId, round.id);
  const problems: string[] = [];
  if (options.filter((option) => !option.withdrawnAt).length < 2) problems.push("Add at least two options to compare");
  if (criteria.length === 0) problems.push("Add at least one criterion");
  const entries = criteria.map((c) => ({ id: c.id, name: c.name, points: c.weightPoints, rank: c.swingRank }));
  if (criteria.length && checkWeights(round.weightMethod === "swing" ? "swing" : "points", entries).length)
    problems.push("Agree the weights: the weights page says what is missing");
  return problems;
}

export async function openScoring(db: Db, audit: AuditContext, partnershipId: string, roundId: string) {
  await db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, partnershipId, roundId);
    if (!round) throw AppError.notFound();
    if (round.status !== "draft")
      throw AppError.validation([{ field: "confirm", message: "Scoring has already been opened for this round" }]);
    const problems = await openingProblems(tx, partnershipId, round);
    if (problems.length) throw AppError.validation(problems.map((message) => ({ field: "confirm", message })));
    const after = await repo.updateRound(tx, partnershipId, roundId, { status: "open" });
    await recordAudit(tx, audit, {
      action: "prioritisation.round.open",
      entityType: "priority_round",
      entityId: roundId,
      partnershipId,
      before: { status: round.status },
      after: { status: after.status },
    });
  });
}

/** Closes scoring: from now on everyone who may read the partnership sees every score and the results. */
export async function closeScoring(db: Db, audit: AuditContext, partnershipId: string, roundId: string) {
  await db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, partnershipId, roundId);
    if (!round) throw AppError.notFound();
    if (round.status !== "open")
      throw AppError.validation([{ field: "confirm", message: "Scoring is not open for this round" }]);
    const progress = await repo.scoringProgress(tx, partnershipId, roundId);
    if (progress.length === 0)
      throw AppError.validation([{ field: "confirm", message: "No organisation has scored yet: scoring stays open" }]);
    const after = await repo.updateRound(tx, partnershipId, roundId, { status: "closed", closedAt: new Date() });
    await recordAudit(tx, audit, {
      action: "prioritisation.round.close",
      entityType: "priority_round",
      entityId: roundId,
      partnershipId,
      before: { status: round.status },
      after: { status: after.status, closedAt: after.closedAt, organisationsScored: progress.length },
    });
  });
}
