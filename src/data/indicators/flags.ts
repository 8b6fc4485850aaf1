/** Observation flags (bit mask in observations.flags). */
export const FLAG = {
  provisional: 1,
  suppressed: 2,
  estimated: 4,
  revised: 8,
  missing: 16,
  /**
   * Not in the source file: worked out at import. Alone, a parent area's total summed from its
   * local authorities' figures; with fromSmallAreas or fromScores, as those say.
   */
  derived: 32,
  /** With derived: an authority's figure added up from its small areas' (MSOAs, LSOAs, data zones). */
  fromSmallAreas: 64,
  /** With derived: a rank, decile or share worked out from the published scores or deciles of the file. */
  fromScores: 128,
} as const;

export type FlagName = keyof typeof FLAG;

export function flagNames(flags: number): FlagName[] {
  return (Object.keys(FLAG) as FlagName[]).filter((name) => (flags & FLAG[name]) !== 0);
}

/** How a derived figure was made, in words for pages and documents; null for a figure from a file. */
export function derivedMethod(flags: number): string | null {
  if ((flags & FLAG.derived) === 0) return null;
  if ((flags & FLAG.fromSmallAreas) !== 0) return "Calculated from the small-area figures";
  if ((flags & FLAG.fromScores) !== 0) return "Worked out from the published small-area figures";
  return "Calculated from the local authority figures";
}
