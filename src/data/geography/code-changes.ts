import type { Executor } from "../../kernel/db/database.ts";
import { areaTypeOfCode } from "./area-types.ts";
import { listCodeChanges } from "./changes-repository.ts";

/**
 * Whether a change retires the old code in favour of the new one. "new_geo" is used both for
 * an authority joining a combined authority (E08… → E47…: the old code lives on) and for a
 * council recoded after a boundary change (S12000046 → S12000049): only the latter retires it.
 */
export function retiresCode(changeType: string, oldCode: string, newCode: string | null | undefined): boolean {
  if (changeType === "merger" || changeType === "new_code" || changeType === "termination") return true;
  return changeType === "new_geo" && !!newCode && areaTypeOfCode(oldCode) === areaTypeOfCode(newCode);
}

/**
 * old code → the code that holds its area in `year`, following chains (e.g. Taunton Deane →
 * Somerset West and Taunton (2019) → Somerset (2023)). Values under the old codes are summed
 * into the new one with aggregateValues (counts summed, rates from numerators/denominators).
 */
export async function successorMap(db: Executor, year: number): Promise<Map<string, string>> {
  const direct = new Map<string, string>();
  for (const change of await listCodeChanges(db)) {
    if (change.newCode && retiresCode(change.changeType, change.oldCode, change.newCode) && change.startYear <= year)
      direct.set(change.oldCode, change.newCode);
  }
  const resolved = new Map<string, string>();
  for (const code of direct.keys()) {
    let current = code;
    const seen = new Set<string>();
    while (direct.has(current) && !seen.has(current)) {
      seen.add(current);
      current = direct.get(current)!;
    }
    resolved.set(code, current);
  }
  return resolved;
}
