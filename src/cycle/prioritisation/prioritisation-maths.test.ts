import { describe, expect, it } from "vitest";
import { seededRandom } from "../../kernel/random.ts";
import { criterionMeans, disagreement, normaliseScore, rankOrder, weightedTotal } from "./scoring.ts";
import { bestWithinBudget, byRank } from "./selection.ts";
import { oneAtATime, shiftWeight, topKProbabilities } from "./sensitivity.ts";
import { checkWeights, weightsFrom } from "./weights.ts";

const criteria = [
  { id: "reach", scaleMin: 0, scaleMax: 5, direction: "higher" as const },
  { id: "cost", scaleMin: 1, scaleMax: 5, direction: "lower" as const },
];

describe("scoring", () => {
  it("puts scores on 0–1, reversing a lower-is-better scale", () => {
    expect(normaliseScore(criteria[0]!, 5)).toBe(1);
    expect(normaliseScore(criteria[0]!, 2)).toBeCloseTo(0.4);
    expect(normaliseScore(criteria[1]!, 1)).toBe(1);
    expect(normaliseScore(criteria[1]!, 4)).toBeCloseTo(0.25);
  });

  it("averages across organisations and weights the means, as a direct computation does", () => {
    const scores = [
      { optionId: "a", criterionId: "reach", organisationId: "o1", score: 4 },
      { optionId: "a", criterionId: "reach", organisationId: "o2", score: 2 },
      { optionId: "a", criterionId: "cost", organisationId: "o1", score: 2 },
      { optionId: "a", criterionId: "cost", organisationId: "o2", score: 5 },
      { optionId: "b", criterionId: "reach", organisationId: "o1", score: 1 },
    ];
    const means = criterionMeans(["a", "b"], criteria, scores);
    expect(means[0]![0]).toBeCloseTo((4 / 5 + 2 / 5) / 2);
    expect(means[0]![1]).toBeCloseTo((1 - 1 / 4 + (1 - 4 / 4)) / 2);
    expect(means[1]![1]).toBeNull();
    const weights = [0.7, 0.3];
    expect(weightedTotal(means[0]!, weights)).toBeCloseTo(0.7 * 0.6 + 0.3 * 0.375);
    expect(weightedTotal(means[1]!, weights)).toBeCloseTo(0.7 * 0.2);
    const spread = disagreement("a", criteria, weights, scores);
    const o1 = 0.7 * 0.8 + 0.3 * 0.75;
    const o2 = 0.7 * 0.4 + 0.3 * 0;
    expect(spread.organisations).toBe(2);
    expect(spread.range).toBeCloseTo(o1 - o2);
    expect(spread.standardDeviation).toBeCloseTo(Math.abs(o1 - o2) / 2);
    // b was not scored on cost by anyone: no complete score card, no spread.
    expect(disagreement("b", criteria, weights, scores).standardDeviation).toBeNull();
  });

  it("ranks best first and breaks ties by the order given", () => {
    expect(rankOrder([0.2, 0.9, 0.2, 0.5])).toEqual([1, 3, 0, 2]);
  });
});

describe("weights", () => {
  const entry = (id: string, points: number, rank: number | null = null) => ({ id, name: id, points, rank });

  it("scales points to 100 % and says whether it had to", () => {
    const scaled = weightsFrom([entry("a", 30), entry("b", 60)]);
    expect(scaled.weights[0]).toBeCloseTo(1 / 3);
    expect(scaled.normalised).toBe(true);
    expect(weightsFrom([entry("a", 40), entry("b", 60)]).normalised).toBe(false);
    expect(checkWeights("points", [entry("a", -1), entry("b", 2)])[0]!.field).toBe("points-a");
    expect(checkWeights("points", [entry("a", 0), entry("b", 0)])[0]!.field).toBe("points-a");
  });

  it("checks swing weighting: ranks unique, the first 100, the others no more than the one above", () => {
    expect(checkWeights("swing", [entry("a", 100, 1), entry("b", 40, 2)])).toEqual([]);
    expect(checkWeights("swing", [entry("a", 100, 1), entry("b", 40, 1)])[0]!.field).toBe("rank-a");
    expect(checkWeights("swing", [entry("a", 90, 1), entry("b", 40, 2)])[0]!.field).toBe("points-a");
    expect(checkWeights("swing", [entry("a", 100, 2), entry("b", 100, 1), entry("c", 100, 3)])).toEqual([]);
    const errors = checkWeights("swing", [entry("a", 100, 1), entry("b", 40, 2), entry("c", 60, 3)]);
    expect(errors.map((error) => error.field)).toEqual(["points-c"]);
  });
});

describe("sensitivity", () => {
  const means = [
    [0.9, 0.2, 0.5],
    [0.5, 0.6, 0.5],
    [0.3, 0.9, 0.6],
    [0.1, 0.1, 0.1],
  ];
  const weights = [0.5, 0.3, 0.2];
  const total = (row: number[], w: number[]) => row.reduce((sum, value, i) => sum + value * w[i]!, 0);

  it("shifts one weight and rescales the others", () => {
    const shifted = shiftWeight(weights, 0, 1.2);
    const sum = 0.6 + 0.3 + 0.2;
    expect(shifted).toEqual([0.6 / sum, 0.3 / sum, 0.2 / sum].map((v) => expect.closeTo(v, 12)));
  });

  it("reports each ±20 % change as a direct computation ranks it", () => {
    const shifts = oneAtATime(means, weights);
    expect(shifts).toHaveLength(6);
    for (const shift of shifts) {
      const w = weights.map((value, i) => (i === shift.criterionIndex ? value * (1 + shift.change) : value));
      const sum = w.reduce((a, b) => a + b, 0);
      const direct = means
        .map((row, index) => ({ index, score: total(row, w) / sum }))
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .map((entry) => entry.index);
      expect(shift.ranking).toEqual(direct);
      const base = [0, 1, 2, 3].sort((a, b) => total(means[b]!, weights) - total(means[a]!, weights) || a - b);
      expect(shift.changed).toBe(direct.some((option, place) => base[place] !== option));
    }
  });

  it("counts top-k membership under random weights as a direct loop with the same seed does", () => {
    const k = 2;
    const probabilities = topKProbabilities(means, weights, k, 42, 500);
    const random = seededRandom(42);
    const counts = [0, 0, 0, 0];
    for (let draw = 0; draw < 500; draw += 1) {
      const w = weights.map((value) => value * (0.8 + 0.4 * random()));
      const order = means
        .map((row, index) => ({ index, score: total(row, w) }))
        .sort((a, b) => b.score - a.score || a.index - b.index);
      for (const entry of order.slice(0, k)) counts[entry.index]! += 1;
    }
    expect(probabilities).toEqual(counts.map((count) => count / 500));
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(k);
    expect(probabilities[3]).toBe(0);
  });
});

describe("selection under a budget", () => {
  it("funds in rank order until an option does not fit", () => {
    const ranked = [
      { index: 0, cost: 600, value: 0.9 },
      { index: 1, cost: 500, value: 0.8 },
      { index: 2, cost: 100, value: 0.5 },
    ];
    expect(byRank(ranked, 1000)).toEqual({ indexes: [0], cost: 600, value: 0.9 });
  });

  it("finds the same best set as trying every subset", () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 30; trial += 1) {
      const n = 1 + Math.floor(random() * 12);
      const candidates = Array.from({ length: n }, (_, index) => ({
        index,
        cost: 100 * Math.floor(1 + random() * 5000),
        value: random(),
      }));
      const budget = 100 * Math.floor(random() * 12000);
      let best = { value: 0, cost: 0 };
      for (let mask = 0; mask < 1 << n; mask += 1) {
        let cost = 0;
        let value = 0;
        for (let i = 0; i < n; i += 1)
          if (mask & (1 << i)) {
            cost += candidates[i]!.cost;
            value += candidates[i]!.value;
          }
        if (cost <= budget && value > best.value) best = { value, cost };
      }
      const found = bestWithinBudget(candidates, budget);
      expect(found.value).toBeCloseTo(best.value, 9);
      expect(found.cost).toBeLessThanOrEqual(budget);
      expect(found.cost).toBe(found.indexes.reduce((sum, i) => sum + candidates[i]!.cost, 0));
    }
  });
});
