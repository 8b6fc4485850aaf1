/**
 * A closed round's results, composed from the pure parts: weighted scores and ranking,
 * disagreement, sensitivity and the budget selections. Withdrawn options are left out.
 */
import { seedFromText } from "../../kernel/random.ts";
import type { CriterionRow, OptionRow, RoundRow, ScoreRow } from "./repository.ts";
import { criterionMeans, type Disagreement, disagreement, rankOrder, weightedTotal } from "./scoring.ts";
import { bestWithinBudget, byRank, type Selection } from "./selection.ts";
import { DRAWS, oneAtATime, topKProbabilities, type WeightShift } from "./sensitivity.ts";
import { weightsFrom } from "./weights.ts";

export interface RankedOption {
  option: OptionRow;
  place: number;
  /** 0–1 */
  score: number;
  means: (number | null)[];
  disagreement: Disagreement;
  /** Share of random weight sets under which it is in the top k. */
  topK: number;
}

export interface RoundResults {
  criteria: CriterionRow[];
  weights: number[];
  normalised: boolean;
  pointsTotal: number;
  ranked: RankedOption[];
  withdrawn: OptionRow[];
  /** The options the shifts' indexes refer to. */
  active: OptionRow[];
  shifts: WeightShift[];
  k: number;
  draws: number;
  byRank: Selection;
  best: Selection;
  organisations: number;
}

export function roundResults(
  round: RoundRow,
  options: readonly OptionRow[],
  criteria: CriterionRow[],
  scores: readonly ScoreRow[],
): RoundResults {
  const active = options.filter((option) => !option.withdrawnAt);
  const scales = criteria.map((criterion) => ({
    ...criterion,
    direction: criterion.direction === "lower" ? ("lower" as const) : ("higher" as const),
  }));
  const { weights, normalised, pointsTotal } = weightsFrom(
    criteria.map((c) => ({ id: c.id, name: c.name, points: c.weightPoints, rank: c.swingRank })),
  );
  const activeIds = new Set(active.map((option) => option.id));
  const cells = scores.filter((cell) => activeIds.has(cell.optionId));
  const means = criterionMeans(
    active.map((option) => option.id),
    scales,
    cells,
  );
  const totals = means.map((row) => weightedTotal(row, weights));
  const order = rankOrder(totals);
  const k = Math.min(round.topK, active.length);
  const topK = active.length ? topKProbabilities(means, weights, k, seedFromText(round.id)) : [];
  const ranked = order.map((index, place) => ({
    option: active[index]!,
    place: place + 1,
    score: totals[index]!,
    means: means[index]!,
    disagreement: disagreement(active[index]!.id, scales, weights, cells),
    topK: topK[index]!,
  }));
  const candidates = ranked.map((entry) => ({
    index: entry.place - 1,
    cost: entry.option.costPence,
    value: entry.score,
  }));
  return {
    criteria,
    weights,
    normalised,
    pointsTotal,
    ranked,
    withdrawn: options.filter((option) => option.withdrawnAt),
    active,
    // Shifts report option indexes of `active`; the view maps them to titles.
    shifts: oneAtATime(means, weights),
    k,
    draws: DRAWS,
    byRank: byRank(candidates, round.budgetPence),
    best: bestWithinBudget(candidates, round.budgetPence),
    organisations: new Set(cells.map((cell) => cell.organisationId)).size,
  };
}
