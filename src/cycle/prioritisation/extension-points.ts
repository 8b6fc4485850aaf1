import { extensionPoint } from "../../kernel/domains/extensions.ts";

export interface EvidenceLevel {
  level: number;
  name: string;
  definition: string;
}

/**
 * The effective practice library's strength-of-evidence levels (national/practice fills it), so the
 * default "strength of evidence" criterion scores on the same five levels the library rates entries on.
 */
export const evidenceLevelSource = extensionPoint<readonly EvidenceLevel[]>("evidence levels for prioritisation");
