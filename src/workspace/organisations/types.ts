/** Kinds of organisation in a child poverty partnership (DOMAIN.md "Who uses it", the 2010 Act's partners). */
export const organisationTypes = [
  { slug: "council", label: "Council" },
  { slug: "health-board", label: "Health board" },
  { slug: "jobcentre-plus", label: "Jobcentre Plus" },
  { slug: "police", label: "Police" },
  { slug: "youth-offending-team", label: "Youth offending team" },
  { slug: "probation", label: "Probation" },
  { slug: "transport-authority", label: "Transport authority" },
  { slug: "district-council", label: "District council" },
  { slug: "housing-provider", label: "Housing provider" },
  { slug: "school-or-college", label: "School or college" },
  { slug: "voluntary-and-community-sector", label: "Voluntary and community sector" },
  { slug: "advice-agency", label: "Advice agency" },
  { slug: "employer", label: "Employer" },
  { slug: "national-body", label: "National body" },
  { slug: "other", label: "Other" },
] as const;

export type OrganisationType = (typeof organisationTypes)[number]["slug"];

export const organisationTypeSlugs = organisationTypes.map((type) => type.slug) as [
  OrganisationType,
  ...OrganisationType[],
];

export function organisationTypeLabel(slug: string): string {
  return organisationTypes.find((type) => type.slug === slug)?.label ?? slug;
}

/** A GSS code: a nation letter (E, W, S, N or K for UK-wide) then eight digits, e.g. S08000030. */
export const GSS_CODE_PATTERN = /^[EWSNK]\d{8}$/;

export function isGssCode(value: string): boolean {
  return GSS_CODE_PATTERN.test(value);
}
