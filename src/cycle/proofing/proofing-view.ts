import { type DriverEffect, driverFrameworkFor, familyTypes } from "../actions/index.ts";
import { effectLabels, type ProofingRow } from "./proofing.ts";

/** Each assessment with its expected effect on every driver (or building block) and family type, labelled. */
export function withEffects(rows: ProofingRow[], nation: string) {
  const framework = driverFrameworkFor(nation);
  return rows.map((row) => ({
    ...row,
    effects: [
      ...framework.groups.map((group) => ({
        label: group.label,
        effect: row.driverEffects[group.code] as DriverEffect | undefined,
      })),
      ...familyTypes.map((item) => ({
        label: item.label,
        effect: row.familyEffects[item.code] as DriverEffect | undefined,
      })),
    ].map((entry) => ({ ...entry, effectLabel: entry.effect ? effectLabels[entry.effect] : "Not assessed" })),
  }));
}
