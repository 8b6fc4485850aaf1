/**
 * What a file needs from the geography that a fresh install lacks. The built-in geography has
 * authorities and everything above them; small areas and wards are an administrator's upload,
 * so a lead whose file is by LSOA or data zone is told which lookup is missing and who loads it.
 */
import { areaTypeOfCode } from "../geography/index.ts";

export const WHO_LOADS_GEOGRAPHY =
  "Small-area and ward geography is loaded by a service administrator on the geography page (Geography in the administrators' menu)";

const NEEDS: Record<string, { what: string; lookup: string }> = {
  E01: { what: "LSOAs in England", lookup: "the ONS LSOA lookup" },
  W01: { what: "LSOAs in Wales", lookup: "the ONS LSOA lookup" },
  S01: { what: "Scottish data zones", lookup: "the NRS data zone lookup" },
  E02: { what: "MSOAs in England", lookup: "the MSOA boundaries or lookup" },
  W02: { what: "MSOAs in Wales", lookup: "the MSOA boundaries or lookup" },
  S02: { what: "Scottish intermediate zones", lookup: "the NRS data zone lookup" },
  E05: { what: "electoral wards in England", lookup: "a ward lookup" },
  W05: { what: "electoral wards in Wales", lookup: "a ward lookup" },
  S13: { what: "Scottish multi-member wards", lookup: "the NRS data zone lookup" },
};

/** A sentence for a file whose codes are mostly not in the geography, or null if they are not small-area codes. */
export function smallAreaGeographyMissing(unknownCodes: readonly string[], vintage?: number): string | null {
  const prefixes = new Map<string, number>();
  for (const code of unknownCodes) prefixes.set(code.slice(0, 3), (prefixes.get(code.slice(0, 3)) ?? 0) + 1);
  const [prefix] = [...prefixes].sort((a, b) => b[1] - a[1])[0] ?? [];
  const need = prefix ? NEEDS[prefix] : undefined;
  if (!need || !areaTypeOfCode(`${prefix}000000`)) return null;
  const edition = vintage ? ` (${vintage})` : "";
  return `${unknownCodes.length.toLocaleString("en-GB")} area codes of this file are not in the hub's geography, e.g. ${unknownCodes.slice(0, 3).join(", ")}: they are ${need.what}${edition}, and that geography has not been loaded. ${WHO_LOADS_GEOGRAPHY}: ask them to load ${need.lookup}${edition}, then upload this file again`;
}
