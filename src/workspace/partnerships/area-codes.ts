import { type Nation, nationLabels } from "../../kernel/auth/policy.ts";

/**
 * GSS prefixes of the authorities that run a local partnership in each nation: England's
 * unitary (E06), non-metropolitan district (E07), metropolitan district (E08), London borough
 * (E09) and county (E10) codes; Scotland's council areas (S12); Wales's principal areas (W06);
 * Northern Ireland's districts (N09).
 */
export const areaCodePrefixes: Record<Nation, readonly string[]> = {
  england: ["E06", "E07", "E08", "E09", "E10"],
  scotland: ["S12"],
  wales: ["W06"],
  "northern-ireland": ["N09"],
};

export const AREA_CODE_FORMAT = /^[A-Z]\d{8}$/;

export function areaCodeMatchesNation(code: string, nation: Nation): boolean {
  return AREA_CODE_FORMAT.test(code) && areaCodePrefixes[nation].some((prefix) => code.startsWith(prefix));
}

/** The message shown when a well-formed code belongs to another nation or kind of area. */
export function areaCodeMismatchMessage(nation: Nation): string {
  const prefixes = areaCodePrefixes[nation];
  const list = prefixes.length === 1 ? prefixes[0] : `${prefixes.slice(0, -1).join(", ")} or ${prefixes.at(-1)}`;
  return `An area code in ${nationLabels[nation]} must start with ${list}`;
}
