export const evidenceKinds = ["indicator", "qualitative", "finding", "theme"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  indicator: "Indicator",
  qualitative: "Qualitative evidence",
  finding: "Needs assessment finding",
  theme: "Consultation theme (what people said)",
};
/** Kinds a reference may be typed for; a consultation theme is only ever chosen from the list (its id is checked). */
export const typedEvidenceKinds = ["indicator", "qualitative", "finding"] as const satisfies readonly EvidenceKind[];

export const signOffRoles = ["elected-member", "senior-executive", "board"] as const;
export type SignOffRole = (typeof signOffRoles)[number];
export const signOffRoleLabels: Record<SignOffRole, string> = {
  "elected-member": "Elected member",
  "senior-executive": "Senior executive",
  board: "Board",
};
