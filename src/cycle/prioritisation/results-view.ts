import { comparisonChart, renderCached } from "../../lib/charts/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { formatDate } from "../../kernel/time.ts";
import type { ScoreRow } from "./repository.ts";
import type { RoundResults } from "./results.ts";
import { SWING } from "./sensitivity.ts";

const outOf100 = (value: number | null) => (value === null ? "Not scored" : (value * 100).toFixed(1));
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The results page's view model: tables of formatted figures and the sensitivity chart. */
export function resultsView(
  results: RoundResults,
  context: {
    roundId: string;
    budgetPence: number;
    closedAt: Date | null;
    organisationNames: Map<string, string>;
    scores: readonly ScoreRow[];
  },
) {
  const titleOf = (index: number) => results.active[index]!.title;
  const organisation = (id: string) => context.organisationNames.get(id) ?? "A former member organisation";
  const closed = context.closedAt ? formatDate(context.closedAt.toISOString().slice(0, 10)) : "";
  const chartInput = {
    title: `Chance of staying in the top ${results.k}`,
    subtitle: `${results.draws} random weight sets, each agreed weight multiplied by 0.8 to 1.2`,
    source: "partners' scores",
    unit: "percentage" as const,
    decimals: 1,
    period: `scoring closed ${closed}`,
    categoryLabel: "Option",
    order: "input" as const,
    areas: results.ranked.map((entry) => ({ name: entry.option.title, value: entry.topK * 100 })),
  };
  const chart = results.ranked.length
    ? renderCached("priority-top-k", [JSON.stringify(chartInput)], () => comparisonChart(chartInput))
    : null;
  const chosenBy = (indexes: number[]) => indexes.map((index) => results.ranked[index]!.option.title);
  return {
    organisations: results.organisations,
    normalised: results.normalised,
    pointsTotal: Number(results.pointsTotal.toFixed(2)),
    criteria: results.criteria.map((criterion, index) => ({
      name: criterion.name,
      description: criterion.description,
      scale: `${criterion.scaleMin} to ${criterion.scaleMax}`,
      better: criterion.direction === "lower" ? "Lower" : "Higher",
      points: criterion.weightPoints,
      weight: percent(results.weights[index]!),
    })),
    ranked: results.ranked.map((entry) => ({
      id: entry.option.id,
      place: entry.place,
      title: entry.option.title,
      kind: entry.option.kind === "bid" ? "New bid" : "Existing action",
      lead: organisation(entry.option.leadOrganisationId),
      cost: formatPounds(entry.option.costPence),
      score: outOf100(entry.score),
      means: entry.means.map(outOf100),
      spread: outOf100(entry.disagreement.standardDeviation),
      range: outOf100(entry.disagreement.range),
      scorers: entry.disagreement.organisations,
      topK: percent(entry.topK),
      comments: context.scores
        .filter((cell) => cell.optionId === entry.option.id)
        .map((cell) => ({
          organisation: organisation(cell.organisationId),
          criterion: results.criteria.find((criterion) => criterion.id === cell.criterionId)?.name ?? "",
          score: cell.score,
          comment: cell.comment,
        }))
        .sort((a, b) => a.organisation.localeCompare(b.organisation) || a.criterion.localeCompare(b.criterion)),
    })),
    withdrawn: results.withdrawn.map((option) => ({ title: option.title, cost: formatPounds(option.costPence) })),
    swing: `${SWING * 100}%`,
    shifts: results.shifts.map((shift) => ({
      criterion: results.criteria[shift.criterionIndex]!.name,
      change: shift.change > 0 ? `+${shift.change * 100}%` : `−${Math.abs(shift.change) * 100}%`,
      changed: shift.changed,
      moved: shift.moved.map(titleOf),
      top: shift.ranking.slice(0, results.k).map(titleOf),
    })),
    stable: results.shifts.every((shift) => !shift.changed),
    k: results.k,
    draws: results.draws,
    chart,
    budget: formatPounds(context.budgetPence),
    byRank: {
      titles: chosenBy(results.byRank.indexes),
      cost: formatPounds(results.byRank.cost),
      score: outOf100(results.byRank.value),
    },
    best: {
      ids: results.best.indexes.map((index) => results.ranked[index]!.option.id),
      titles: chosenBy(results.best.indexes),
      cost: formatPounds(results.best.cost),
      score: outOf100(results.best.value),
    },
  };
}
export type ResultsView = ReturnType<typeof resultsView>;
