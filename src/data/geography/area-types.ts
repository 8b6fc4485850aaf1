import type { Nation } from "../../kernel/auth/policy.ts";

export const areaTypes = [
  "uk",
  "nation",
  "region",
  "county",
  "metropolitan-county",
  "combined-authority",
  "local-authority",
  "health-board",
  "ward",
  "msoa",
  "lsoa",
  "small-area",
] as const;
export type AreaType = (typeof areaTypes)[number];

export const areaTypeLabels: Record<AreaType, string> = {
  uk: "United Kingdom",
  nation: "Nation",
  region: "Region",
  county: "County council",
  "metropolitan-county": "Metropolitan county",
  "combined-authority": "Combined authority",
  "local-authority": "Local authority",
  "health-board": "Health board",
  ward: "Electoral ward",
  msoa: "MSOA / intermediate zone",
  lsoa: "LSOA / data zone / NI super output area",
  "small-area": "Small area (Northern Ireland)",
};

/** GSS entity code (first three characters) → area type. */
const entityTypes: Record<string, AreaType> = {
  K02: "uk",
  K03: "uk",
  K04: "uk",
  E92: "nation",
  W92: "nation",
  S92: "nation",
  N92: "nation",
  E12: "region",
  E10: "county",
  E11: "metropolitan-county",
  E47: "combined-authority",
  E06: "local-authority",
  E07: "local-authority",
  E08: "local-authority",
  E09: "local-authority",
  W06: "local-authority",
  S12: "local-authority",
  N09: "local-authority",
  S08: "health-board",
  // Welsh local health boards and English integrated care boards: the NHS bodies of a partnership.
  W11: "health-board",
  E54: "health-board",
  E05: "ward",
  W05: "ward",
  S13: "ward",
  N08: "ward",
  E02: "msoa",
  W02: "msoa",
  S02: "msoa",
  E01: "lsoa",
  W01: "lsoa",
  S01: "lsoa",
  // Northern Ireland Small Areas (2011), about five to a super output area.
  N00: "small-area",
};

/**
 * Northern Ireland Super Output Areas (2001 edition, still the geography of NIMDM 2017): not
 * GSS codes but NISRA's own, e.g. 95AA01S1 (95, the 1992 district, the ward, S and a number).
 * They are the LSOA-level areas of Northern Ireland (ONS lookups carry them as LSOA codes).
 */
export const NI_SOA_CODE = /^95[A-Z]{2}\d{2}S\d$/;

const UPPER_TIER = new Set(["E06", "E08", "E09", "E10", "W06", "S12", "N09"]);
const LOWER_TIER = new Set(["E06", "E07", "E08", "E09", "W06", "S12", "N09"]);

export const GSS_CODE = /^[EKNSW]\d{8}$/;

export function areaTypeOfCode(code: string): AreaType | undefined {
  if (NI_SOA_CODE.test(code)) return "lsoa";
  return entityTypes[code.slice(0, 3)];
}

export function tiersOfCode(code: string): { upperTier: boolean; lowerTier: boolean } {
  const entity = code.slice(0, 3);
  return { upperTier: UPPER_TIER.has(entity), lowerTier: LOWER_TIER.has(entity) };
}

export function nationOfCode(code: string): Nation | null {
  if (NI_SOA_CODE.test(code)) return "northern-ireland";
  switch (code[0]) {
    case "E":
      return "england";
    case "W":
      return "wales";
    case "S":
      return "scotland";
    case "N":
      return "northern-ireland";
    default:
      return null;
  }
}

/** The nation area's own code, for linking every area to its nation. */
export const nationCodes: Record<Nation, string> = {
  england: "E92000001",
  wales: "W92000004",
  scotland: "S92000003",
  "northern-ireland": "N92000002",
};
