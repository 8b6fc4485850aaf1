/**
 * Choosing options under a budget, pure: in rank order until the money runs out, and the set
 * with the highest total weighted score whose cost fits (0/1 knapsack, solved exactly).
 */

export interface Candidate {
  index: number;
  /** Integer pence. */
  cost: number;
  value: number;
}

export interface Selection {
  indexes: number[];
  cost: number;
  value: number;
}

/** Funds options in rank order; the first that does not fit the money left ends the list. */
export function byRank(ranked: readonly Candidate[], budget: number): Selection {
  const chosen: Candidate[] = [];
  let left = budget;
  for (const candidate of ranked) {
    if (candidate.cost > left) break;
    chosen.push(candidate);
    left -= candidate.cost;
  }
  return {
    indexes: chosen.map((candidate) => candidate.index),
    cost: budget - left,
    value: chosen.reduce((sum, candidate) => sum + candidate.value, 0),
  };
}

interface State {
  cost: number;
  value: number;
  indexes: number[];
}

/**
 * The exact best set: dynamic programming over the Pareto frontier of (cost, value) — every set
 * that no cheaper set beats on value is kept, so nothing better can be missed, and costs stay in
 * whole pence (no rounding of money). Fine for the tens of options a round has.
 */
export function bestWithinBudget(candidates: readonly Candidate[], budget: number): Selection {
  let frontier: State[] = [{ cost: 0, value: 0, indexes: [] }];
  for (const candidate of candidates) {
    if (candidate.cost > budget) continue;
    const extended = frontier
      .filter((state) => state.cost + candidate.cost <= budget)
      .map((state) => ({
        cost: state.cost + candidate.cost,
        value: state.value + candidate.value,
        indexes: [...state.indexes, candidate.index],
      }));
    const merged = [...frontier, ...extended].sort((a, b) => a.cost - b.cost || b.value - a.value);
    frontier = [];
    for (const state of merged) {
      const best = frontier[frontier.length - 1];
      if (!best || state.value > best.value + 1e-12) frontier.push(state);
    }
  }
  const best = frontier[frontier.length - 1]!;
  return { indexes: [...best.indexes].sort((a, b) => a - b), cost: best.cost, value: best.value };
}
