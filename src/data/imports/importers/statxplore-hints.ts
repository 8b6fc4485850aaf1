/**
 * When most names of a file match nothing, say which geography they look like and who loads
 * it: small-area geography is an administrator's upload (the built-in geography has
 * authorities and above only), so a lead needs to know it is missing and whom to ask.
 */
const PATTERNS: { test: RegExp; what: string; lookup: string }[] = [
  { test: /^.+ \d{3}[A-Z]$/, what: "LSOAs", lookup: "the LSOA lookup (LSOA → ward → local authority)" },
  { test: /^.+ \d{3}$/, what: "MSOAs", lookup: "the MSOA boundaries or the MSOA lookup" },
  { test: /^.+ - \d{2}$/, what: "data zones", lookup: "the Scottish data zone lookup" },
];

import { WHO_LOADS_GEOGRAPHY } from "../geography-needs.ts";

export function missingGeographyHint(labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  for (const pattern of PATTERNS) {
    const like = labels.filter((label) => pattern.test.test(label));
    if (like.length >= labels.length / 2)
      return `these names look like ${pattern.what} (for example "${like[0]}"), and the hub's geography has no ${pattern.what} with these names yet. ${WHO_LOADS_GEOGRAPHY}: ask them to load ${pattern.lookup}, then upload this file again`;
  }
  return null;
}
