export const evidenceKinds = ["indicator", "qualitative", "finding"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  indicator: "Indicator",
  qualitative: "Qualitative evidence",
  finding: "Needs assessment finding",
};

export const signOffRoles = ["elected-member", "senior-executive", "board"] as const;
export type SignOffRole = (typeof signOffRoles)[number];
export const signOffRoleLabels: Record<SignOffRole, string> = {
  "elected-member": "Elected member",
  "senior-executive": "Senior executive",
  board: "Board",
};
