/**
 * Weighted scoring of options, pure: every score is first put on 0–1 for its criterion's scale
 * (reversed where a lower score is better, e.g. cost), averaged across the organisations that
 * scored, and combined with the agreed weights (which sum to 1).
 */

export interface CriterionScale {
  scaleMin: number;
  scaleMax: number;
  direction: "higher" | "lower";
}

export interface ScoreCell {
  optionId: string;
  criterionId: string;
  organisationId: string;
  score: number;
}

/** A score on 0–1: the scale's best end is 1 whichever way round the scale runs. */
export function normaliseScore(criterion: CriterionScale, score: number): number {
  const span = criterion.scaleMax - criterion.scaleMin;
  const share = (score - criterion.scaleMin) / span;
  return criterion.direction === "lower" ? 1 - share : share;
}

/**
 * The mean normalised score of each option on each criterion (rows: options; columns: criteria,
 * in the order given). A cell nobody scored is null, never zero.
 */
export function criterionMeans(
  optionIds: readonly string[],
  criteria: readonly (CriterionScale & { id: string })[],
  scores: readonly ScoreCell[],
): (number | null)[][] {
  const sums = new Map<string, { total: number; count: number }>();
  const criterionById = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  for (const cell of scores) {
    const criterion = criterionById.get(cell.criterionId);
    if (!criterion) continue;
    const key = `${cell.optionId}|${cell.criterionId}`;
    const sum = sums.get(key) ?? { total: 0, count: 0 };
    sum.total += normaliseScore(criterion, cell.score);
    sum.count += 1;
    sums.set(key, sum);
  }
  return optionIds.map((optionId) =>
    criteria.map((criterion) => {
      const sum = sums.get(`${optionId}|${criterion.id}`);
      return sum ? sum.total / sum.count : null;
    }),
  );
}

/** Σ weight × mean; a criterion nobody scored counts as no evidence for the option (0). */
export function weightedTotal(means: readonly (number | null)[], weights: readonly number[]): number {
  return means.reduce<number>((total, mean, index) => total + (mean ?? 0) * (weights[index] ?? 0), 0);
}

/**
 * Indexes of options, best first: higher total first, ties broken by the order the options were
 * given in (so a ranking is always the same for the same scores).
 */
export function rankOrder(totals: readonly number[]): number[] {
  return totals
    .map((total, index) => ({ total, index }))
    .sort((a, b) => b.total - a.total || a.index - b.index)
    .map((entry) => entry.index);
}

export interface Disagreement {
  /** How many organisations scored the option on every criterion. */
  organisations: number;
  /** Population standard deviation of the organisations' own weighted totals (0–1 scale). */
  standardDeviation: number | null;
  /** Highest minus lowest organisation total (0–1 scale). */
  range: number | null;
}

/**
 * How far the partners disagree about one option: each organisation's own weighted total
 * (its scores alone, with the agreed weights), then their spread.
 */
export function disagreement(
  optionId: string,
  criteria: readonly (CriterionScale & { id: string })[],
  weights: readonly number[],
  scores: readonly ScoreCell[],
): Disagreement {
  const byOrganisation = new Map<string, Map<string, number>>();
  for (const cell of scores) {
    if (cell.optionId !== optionId) continue;
    const cells = byOrganisation.get(cell.organisationId) ?? new Map<string, number>();
    cells.set(cell.criterionId, cell.score);
    byOrganisation.set(cell.organisationId, cells);
  }
  const totals: number[] = [];
  for (const cells of byOrganisation.values()) {
    if (!criteria.every((criterion) => cells.has(criterion.id))) continue;
    totals.push(
      criteria.reduce(
        (total, criterion, index) => total + normaliseScore(criterion, cells.get(criterion.id)!) * weights[index]!,
        0,
      ),
    );
  }
  if (totals.length === 0) return { organisations: 0, standardDeviation: null, range: null };
  const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
  const variance = totals.reduce((sum, total) => sum + (total - mean) ** 2, 0) / totals.length;
  return {
    organisations: totals.length,
    standardDeviation: Math.sqrt(variance),
    range: Math.max(...totals) - Math.min(...totals),
  };
}
