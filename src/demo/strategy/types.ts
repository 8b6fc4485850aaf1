import type { EvidenceKind } from "../../cycle/strategy/index.ts";

export interface EvidenceLike {
  kind: EvidenceKind;
  referenceId: string;
  label: string;
}

export interface ChoiceInputLike {
  option: string;
  intendedImpact: string;
  chosen: boolean;
  reason: string;
}

export interface RelatedLike {
  name: string;
  owner: string;
  url: string | null;
  relationship: string;
}
