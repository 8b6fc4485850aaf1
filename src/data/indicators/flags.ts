/** Observation flags (bit mask in observations.flags). */
export const FLAG = {
  provisional: 1,
  suppressed: 2,
  estimated: 4,
  revised: 8,
  missing: 16,
  /** Not in the source file: a parent area's total summed from its local authorities' figures at import. */
  derived: 32,
} as const;

export type FlagName = keyof typeof FLAG;

export function flagNames(flags: number): FlagName[] {
  return (Object.keys(FLAG) as FlagName[]).filter((name) => (flags & FLAG[name]) !== 0);
}
