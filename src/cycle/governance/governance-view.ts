import type { Nation } from "../../kernel/auth/policy.ts";
import { type AuthorityType, authorityTypes, authorityTypesFor } from "./coverage.ts";
import type { GovernanceRow } from "./repository.ts";

export const organisationTypeLabels: Record<string, string> = {
  council: "Council",
  "health-board": "Health board or health body",
  "jobcentre-plus": "Jobcentre Plus",
  police: "Police",
  "youth-offending-team": "Youth offending team",
  probation: "Probation",
  "transport-authority": "Transport authority",
  "district-council": "District council",
  "housing-provider": "Housing provider",
  "school-college": "School or college",
  "voluntary-community-sector": "Voluntary and community sector",
  "advice-agency": "Advice agency",
  employer: "Employer",
  "national-body": "National body",
  other: "Other",
};

export const statusTags = {
  met: { text: "Represented", classes: "govuk-tag--green" },
  missing: { text: "Missing", classes: "govuk-tag--red" },
  "not-applicable": { text: "Not applicable", classes: "govuk-tag--grey" },
  unknown: { text: "Not checked", classes: "govuk-tag--yellow" },
};

export const legalBasis: Record<string, string> = {
  england:
    "The Child Poverty Act 2010 (Part 2, section 20) names these partner authorities, which must cooperate with the responsible local authority.",
  scotland:
    "The Child Poverty (Scotland) Act 2017 (section 13): each council and each relevant health board prepare the local child poverty action report jointly.",
};

export function authorityLabel(governance: GovernanceRow | undefined): string | undefined {
  const type = governance?.authorityType;
  return type && type in authorityTypes ? authorityTypes[type as AuthorityType].label : undefined;
}

/** The edit form's values from the stored record (radios and numbers as the form posts them). */
export function formValues(governance: GovernanceRow | undefined) {
  return {
    authorityType: governance?.authorityType ?? "",
    healthBoardsExpected: String(governance?.healthBoardsExpected ?? 1),
    reportsTo: governance?.reportsTo ?? "",
    chairName: governance?.chairName ?? "",
    chairIsElectedMember: governance ? (governance.chairIsElectedMember ? "yes" : "no") : "",
    termsOfReference: governance?.termsOfReference ?? "",
  };
}

/** The authority types of the partnership's nation, as radio items. */
export function authorityItems(nation: Nation) {
  return authorityTypesFor(nation).map((key) => ({ value: key, text: authorityTypes[key].label }));
}
