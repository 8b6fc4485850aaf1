/**
 * Agreed weights, pure. Points: any non-negative points per criterion, scaled to 100 % (the page
 * says when they did not already add up to 100). Swing weighting: the criteria ranked by how much
 * a swing from worst to best matters, the top swing 100 points and each other swing 0–100 points
 * of it, no more than the swing ranked above; weights are the points scaled to 100 %.
 */
import type { FieldError } from "../../kernel/errors/app-error.ts";

export const weightMethods = ["points", "swing"] as const;
export type WeightMethod = (typeof weightMethods)[number];

export interface WeightEntry {
  id: string;
  name: string;
  points: number;
  rank: number | null;
}

export interface Weights {
  /** Fractions summing to 1, in the order given. */
  weights: number[];
  /** The points' sum before scaling. */
  pointsTotal: number;
  /** True when points were scaled (they did not add up to 100). */
  normalised: boolean;
}

export const pointsField = (id: string) => `points-${id}`;
export const rankField = (id: string) => `rank-${id}`;

/** Checks the entries for the method; every problem names the field. */
export function checkWeights(method: WeightMethod, entries: readonly WeightEntry[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const entry of entries) {
    if (!Number.isFinite(entry.points) || entry.points < 0)
      errors.push({ field: pointsField(entry.id), message: `Enter 0 or more points for ${entry.name}` });
    else if (method === "swing" && entry.points > 100)
      errors.push({ field: pointsField(entry.id), message: `Swing points for ${entry.name} must be 100 or fewer` });
  }
  if (errors.length) return errors;
  if (entries.every((entry) => entry.points === 0) && entries.length > 0)
    return [{ field: pointsField(entries[0]!.id), message: "Give at least one criterion more than 0 points" }];
  if (method === "points") return errors;

  const ranks = entries.map((entry) => entry.rank);
  entries.forEach((entry) => {
    if (entry.rank === null || !Number.isInteger(entry.rank) || entry.rank < 1 || entry.rank > entries.length)
      errors.push({
        field: rankField(entry.id),
        message: `Rank ${entry.name} with a whole number from 1 to ${entries.length}`,
      });
    else if (ranks.indexOf(entry.rank) !== ranks.lastIndexOf(entry.rank))
      errors.push({ field: rankField(entry.id), message: `Give ${entry.name} a rank no other criterion has` });
  });
  if (errors.length) return errors;
  const byRank = [...entries].sort((a, b) => a.rank! - b.rank!);
  if (byRank[0]!.points !== 100)
    errors.push({
      field: pointsField(byRank[0]!.id),
      message: `${byRank[0]!.name} is ranked 1: its swing is worth 100 points`,
    });
  for (let i = 1; i < byRank.length; i += 1) {
    if (byRank[i]!.points > byRank[i - 1]!.points)
      errors.push({
        field: pointsField(byRank[i]!.id),
        message: `${byRank[i]!.name} is ranked below ${byRank[i - 1]!.name}: give it no more than ${byRank[i - 1]!.points} points`,
      });
  }
  return errors;
}

/** Weights from checked entries. */
export function weightsFrom(entries: readonly WeightEntry[]): Weights {
  const pointsTotal = entries.reduce((sum, entry) => sum + entry.points, 0);
  return {
    weights: entries.map((entry) => (pointsTotal > 0 ? entry.points / pointsTotal : 0)),
    pointsTotal,
    normalised: Math.abs(pointsTotal - 100) > 1e-9,
  };
}
