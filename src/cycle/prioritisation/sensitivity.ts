/**
 * How stable the ranking is when the agreed weights move, pure. Two views: each weight in turn
 * raised and lowered by 20 % (the others scaled so the weights still sum to 1), and many random
 * weight sets drawn around the agreed ones (each weight × a uniform factor in [0.8, 1.2], then
 * rescaled) counting how often each option stays in the top k.
 */
import { seededRandom } from "../../kernel/random.ts";
import { rankOrder, weightedTotal } from "./scoring.ts";

export const SWING = 0.2;
export const DRAWS = 2000;

/** Weights scaled to sum to 1 (all zero stays all zero). */
export function rescale(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? weights.map((weight) => weight / sum) : weights.map(() => 0);
}

/** The weights with one multiplied by `factor`, the others rescaled so all sum to 1. */
export function shiftWeight(weights: readonly number[], index: number, factor: number): number[] {
  return rescale(weights.map((weight, i) => (i === index ? weight * factor : weight)));
}

function rankingFor(means: readonly (readonly (number | null)[])[], weights: readonly number[]): number[] {
  return rankOrder(means.map((row) => weightedTotal(row, weights)));
}

export interface WeightShift {
  criterionIndex: number;
  /** +0.2 or −0.2 */
  change: number;
  /** Option indexes, best first, under the shifted weights. */
  ranking: number[];
  /** Whether any option changed place. */
  changed: boolean;
  /** Option indexes whose place differs from the agreed ranking. */
  moved: number[];
}

/** Each weight ±20 % in turn: does the ranking change, and which options move. */
export function oneAtATime(means: readonly (readonly (number | null)[])[], weights: readonly number[]): WeightShift[] {
  const base = rankingFor(means, weights);
  const placeOf = (ranking: number[]) => new Map(ranking.map((option, place) => [option, place]));
  const basePlaces = placeOf(base);
  const shifts: WeightShift[] = [];
  weights.forEach((_, criterionIndex) => {
    for (const change of [SWING, -SWING]) {
      const ranking = rankingFor(means, shiftWeight(weights, criterionIndex, 1 + change));
      const places = placeOf(ranking);
      const moved = ranking.filter((option) => places.get(option) !== basePlaces.get(option));
      shifts.push({ criterionIndex, change, ranking, changed: moved.length > 0, moved });
    }
  });
  return shifts;
}

/**
 * The share of `draws` random weight sets (each weight × U(0.8, 1.2), rescaled) under which each
 * option is in the top k. Seeded, so the same round always shows the same figures.
 */
export function topKProbabilities(
  means: readonly (readonly (number | null)[])[],
  weights: readonly number[],
  k: number,
  seed: number,
  draws = DRAWS,
): number[] {
  const random = seededRandom(seed);
  const counts = means.map(() => 0);
  for (let draw = 0; draw < draws; draw += 1) {
    const drawn = rescale(weights.map((weight) => weight * (1 - SWING + 2 * SWING * random())));
    for (const option of rankingFor(means, drawn).slice(0, k)) counts[option]! += 1;
  }
  return counts.map((count) => count / draws);
}
