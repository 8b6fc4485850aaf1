import { driverFrameworkFor, familyTypes } from "../actions/index.ts";
import type { EvidenceLevel } from "./extension-points.ts";

export interface CriterionDefaults {
  name: string;
  description: string;
  scaleMin: number;
  scaleMax: number;
  direction: "higher" | "lower";
  weightPoints: number;
  swingRank: number;
}

/**
 * The criteria a new round starts with (seed 003's collective prioritisation; DOMAIN.md's list):
 * reach into priority families, effect on a driver (or building block), strength of evidence,
 * cost and deliverability, with starting points the partnership changes before scoring opens.
 */
export function defaultCriteria(nation: string, evidenceLevels: readonly EvidenceLevel[]): CriterionDefaults[] {
  const framework = driverFrameworkFor(nation);
  const families = familyTypes.map((item) => item.label.toLowerCase()).join("; ");
  const groups = framework.groups.map((group) => group.label.toLowerCase()).join("; ");
  const evidence =
    evidenceLevels.length > 0
      ? {
          description: `Scored on the effective practice library's levels: ${evidenceLevels.map((level) => level.name).join("; ")}.`,
          scaleMin: Math.min(...evidenceLevels.map((level) => level.level)),
          scaleMax: Math.max(...evidenceLevels.map((level) => level.level)),
        }
      : {
          description: "1 a clear rationale only, up to 5 impact shown by independent evaluation and replication.",
          scaleMin: 1,
          scaleMax: 5,
        };
  return [
    {
      name: "Reach into priority families",
      description: `How many children in the priority family types it reaches (${families}). 0 none, 5 a large share.`,
      scaleMin: 0,
      scaleMax: 5,
      direction: "higher",
      weightPoints: 25,
      swingRank: 1,
    },
    {
      name: `Effect on a ${framework.name.toLowerCase()}`,
      description: `Expected effect on ${framework.plural.toLowerCase()} (${groups}). 0 none, 5 large and lasting.`,
      scaleMin: 0,
      scaleMax: 5,
      direction: "higher",
      weightPoints: 25,
      swingRank: 2,
    },
    { name: "Strength of evidence", ...evidence, direction: "higher", weightPoints: 20, swingRank: 3 },
    {
      name: "Cost",
      description: "Cost for what it delivers. 1 low, 5 high: a lower score is better.",
      scaleMin: 1,
      scaleMax: 5,
      direction: "lower",
      weightPoints: 15,
      swingRank: 4,
    },
    {
      name: "Deliverability",
      description:
        "Whether the partners can deliver it in the year: staff, premises, partners signed up. 0 not at all, 5 ready.",
      scaleMin: 0,
      scaleMax: 5,
      direction: "higher",
      weightPoints: 15,
      swingRank: 5,
    },
  ];
}
