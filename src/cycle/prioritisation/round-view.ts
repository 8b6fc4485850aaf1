import type { FastifyRequest } from "fastify";
import type { Executor } from "../../kernel/db/database.ts";
import { may } from "../../kernel/http/pipeline.ts";
import { formatPounds } from "../../kernel/money.ts";
import { actionPaths, memberOrganisations } from "../actions/index.ts";
import { canSeeMinutes, listMeetings, meetingPaths } from "../meetings/index.ts";
import { isSetUp, type RoundStatus, resultsVisible, statusLabels, statusTagClasses } from "./lifecycle.ts";
import { prioritisationPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import { weightsFrom } from "./weights.ts";

const labelOf = (status: string) => statusLabels[status as RoundStatus] ?? status;

export function roundSummary(partnershipId: string, round: repo.RoundRow) {
  return {
    id: round.id,
    title: round.title,
    href: paths.round(partnershipId, round.id),
    budget: formatPounds(round.budgetPence),
    financialYear: round.financialYear,
    status: round.status,
    statusLabel: labelOf(round.status),
    statusClass: statusTagClasses[round.status as RoundStatus] ?? "govuk-tag--grey",
  };
}

/** The round's page: set-up, progress of scoring (who has scored, never what), links by status and right. */
export async function roundPage(db: Executor, request: FastifyRequest, round: repo.RoundRow) {
  const partnership = request.partnership;
  const id = partnership.id;
  const [options, criteria, progress, members, decision] = await Promise.all([
    repo.listOptions(db, id, round.id),
    repo.listCriteria(db, id, round.id),
    repo.scoringProgress(db, id, round.id),
    memberOrganisations(db, id),
    repo.findDecision(db, id, round.id),
  ]);
  const names = new Map(members.map((member) => [member.id, member.name]));
  const manage = may(request, "partnership:manage");
  const setUp = isSetUp(round.status) && manage;
  const { weights, normalised, pointsTotal } = weightsFrom(
    criteria.map((c) => ({ id: c.id, name: c.name, points: c.weightPoints, rank: c.swingRank })),
  );
  const actor = request.actor;
  const canScore =
    round.status === "open" && may(request, "partnership:edit") && !!actor && names.has(actor.organisationId);
  const meeting = decision?.meetingId
    ? (await listMeetings(db, { partnershipId: id })).find((row) => row.id === decision.meetingId)
    : undefined;
  return {
    round: roundSummary(id, round),
    caption: partnership.name,
    options: options.map((option) => ({
      title: option.title,
      description: option.description,
      kind: option.kind === "bid" ? "New bid" : "Existing action",
      lead: names.get(option.leadOrganisationId) ?? "A former member organisation",
      cost: formatPounds(option.costPence),
      withdrawn: !!option.withdrawnAt,
      chosen: option.chosen,
      actionHref: option.actionId ? actionPaths.action(id, option.actionId) : null,
      withdrawHref:
        manage && !option.withdrawnAt && round.status !== "decided" ? paths.withdraw(id, round.id, option.id) : null,
    })),
    criteria: criteria.map((criterion, index) => ({
      name: criterion.name,
      description: criterion.description,
      scale: `${criterion.scaleMin} to ${criterion.scaleMax}`,
      better: criterion.direction === "lower" ? "Lower is better" : "Higher is better",
      points: criterion.weightPoints,
      rank: round.weightMethod === "swing" ? criterion.swingRank : null,
      weight: `${((weights[index] ?? 0) * 100).toFixed(1)}%`,
      editHref: setUp ? paths.editCriterion(id, round.id, criterion.id) : null,
    })),
    weightMethod: round.weightMethod === "swing" ? "Swing weighting" : "Points",
    normalised,
    pointsTotal: Number(pointsTotal.toFixed(2)),
    scored: progress.map((row) => names.get(row.organisationId) ?? "A former member organisation").sort(),
    memberCount: members.length,
    decision: decision && {
      decidedBy: decision.decidedBy,
      decidedOn: decision.decidedOn,
      rationale: decision.rationale,
      meeting: meeting && {
        title: meeting.title,
        date: meeting.meetingDate,
        // The meeting page shows its minutes to whoever may read them (minutes/ is the form that records them);
        // a national coordinator sees them only once shared.
        href: meetingPaths.meeting(id, meeting.id),
        hasMinutes: !!meeting.minutes && canSeeMinutes(request.actor, id, meeting.sharedWithNational),
      },
    },
    links: {
      back: paths.list(id),
      addBid: setUp ? paths.addBid(id, round.id) : null,
      addAction: setUp ? paths.addAction(id, round.id) : null,
      addCriterion: setUp ? paths.addCriterion(id, round.id) : null,
      weights: setUp ? paths.weights(id, round.id) : null,
      open: setUp ? paths.open(id, round.id) : null,
      score: canScore ? paths.score(id, round.id) : null,
      close: round.status === "open" && manage ? paths.close(id, round.id) : null,
      results: resultsVisible(round.status) ? paths.results(id, round.id) : null,
      decide: round.status === "closed" && manage ? paths.decide(id, round.id) : null,
    },
  };
}
