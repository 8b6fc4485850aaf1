import type { Nation } from "../../kernel/auth/policy.ts";
import { type OrganisationType, organisationTypeLabel } from "../organisations/index.ts";

export interface RequiredPartner {
  type: OrganisationType;
  label: string;
  represented: boolean;
}

/**
 * The partner authorities a partnership must include, by statute (DOMAIN.md "Cooperate"):
 * England (Child Poverty Act 2010) — district councils in two-tier areas, health bodies,
 * Jobcentre Plus, police, youth offending teams, probation and transport authorities;
 * Scotland (2017 Act) — the council jointly with the health board. Wales and Northern Ireland
 * have no equivalent list here, so nothing is checked (null).
 */
export function requiredPartners(
  nation: Nation,
  areaCode: string,
  memberTypes: readonly string[],
): RequiredPartner[] | null {
  let types: OrganisationType[];
  if (nation === "england") {
    types = ["health-board", "jobcentre-plus", "police", "youth-offending-team", "probation", "transport-authority"];
    // Counties (E10) are two-tier: their district councils are partners too.
    if (areaCode.startsWith("E10")) types = ["district-council", ...types];
  } else if (nation === "scotland") {
    types = ["council", "health-board"];
  } else {
    return null;
  }
  const present = new Set(memberTypes);
  return types.map((type) => ({
    type,
    label: type === "health-board" && nation === "england" ? "Health body" : organisationTypeLabel(type),
    represented: present.has(type),
  }));
}
