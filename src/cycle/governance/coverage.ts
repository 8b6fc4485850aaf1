import type { Nation } from "../../kernel/auth/policy.ts";

/** Responsible local authority types (Child Poverty Act 2010 s.19; Child Poverty (Scotland) Act 2017 s.13). */
export const authorityTypes = {
  "county-council": { label: "County council", nation: "england", twoTier: true, isTransportAuthority: true },
  "unitary-authority": { label: "Unitary authority", nation: "england", twoTier: false, isTransportAuthority: true },
  "metropolitan-district": {
    label: "Metropolitan district council",
    nation: "england",
    twoTier: false,
    isTransportAuthority: false,
  },
  "london-borough": { label: "London borough council", nation: "england", twoTier: false, isTransportAuthority: false },
  "isles-of-scilly": {
    label: "Council of the Isles of Scilly",
    nation: "england",
    twoTier: false,
    isTransportAuthority: true,
  },
  "city-of-london": {
    label: "Common Council of the City of London",
    nation: "england",
    twoTier: false,
    isTransportAuthority: false,
  },
  "council-with-health-boards": {
    label: "Council jointly with each relevant health board",
    nation: "scotland",
    twoTier: false,
    isTransportAuthority: false,
  },
} as const satisfies Record<string, { label: string; nation: Nation; twoTier: boolean; isTransportAuthority: boolean }>;

export type AuthorityType = keyof typeof authorityTypes;
export const authorityTypeKeys = Object.keys(authorityTypes) as [AuthorityType, ...AuthorityType[]];

export function authorityTypesFor(nation: Nation): AuthorityType[] {
  return authorityTypeKeys.filter((key) => authorityTypes[key].nation === nation);
}

export type RequirementStatus = "met" | "missing" | "not-applicable" | "unknown";

export interface CoverageMember {
  name: string;
  type: string;
  role?: string;
}

export interface Requirement {
  kind: string;
  label: string;
  status: RequirementStatus;
  /** Why the status is what it is, in words for the page. */
  note: string;
  members: CoverageMember[];
}

export interface CoverageResult {
  /** False where no statutory partner list applies (Wales, Northern Ireland). */
  statutory: boolean;
  requirements: Requirement[];
  /** Statutory partners not represented. */
  gaps: Requirement[];
  /** Requirements that cannot be checked until the responsible authority type is recorded. */
  unchecked: Requirement[];
  otherPartners: CoverageMember[];
}

export interface CoverageInput {
  nation: Nation;
  authorityType: AuthorityType | null;
  /** Scotland: how many health boards the council area spans (usually one). */
  healthBoardsExpected?: number;
  members: CoverageMember[];
}

interface Rule {
  kind: string;
  label: string;
  types: string[];
  minimum?: number;
}

const englandRules: Rule[] = [
  { kind: "district-councils", label: "District councils (two-tier areas)", types: ["district-council"] },
  { kind: "health", label: "Health bodies", types: ["health-board"] },
  { kind: "jobcentre-plus", label: "Jobcentre Plus", types: ["jobcentre-plus"] },
  { kind: "police", label: "Police", types: ["police"] },
  { kind: "youth-offending-team", label: "Youth offending team", types: ["youth-offending-team"] },
  { kind: "probation", label: "Probation", types: ["probation"] },
  { kind: "transport-authority", label: "Transport authority", types: ["transport-authority"] },
];

function englandRequirement(rule: Rule, input: CoverageInput, found: CoverageMember[]): Requirement {
  const base = { kind: rule.kind, label: rule.label, members: found };
  const type = input.authorityType ? authorityTypes[input.authorityType] : null;
  if (found.length > 0) return { ...base, status: "met", note: "Represented in the partnership" };
  if (rule.kind === "district-councils") {
    if (!type) return { ...base, status: "unknown", note: "Record the responsible authority type to check this" };
    if (!type.twoTier) return { ...base, status: "not-applicable", note: "Not a two-tier area" };
    return { ...base, status: "missing", note: "A county council's district councils are statutory partners" };
  }
  if (rule.kind === "transport-authority" && type?.isTransportAuthority) {
    return { ...base, status: "met", note: "The responsible authority is the local transport authority" };
  }
  return { ...base, status: "missing", note: "No member organisation of this type" };
}

/**
 * Checks the member organisations against the statutory partner authorities for the nation.
 * England: Child Poverty Act 2010 s.20. Scotland: the council and each relevant health board
 * prepare the report jointly (2017 Act s.13).
 */
export function checkCoverage(input: CoverageInput): CoverageResult {
  const used = new Set<CoverageMember>();
  const take = (types: string[]) => {
    const found = input.members.filter((member) => types.includes(member.type));
    for (const member of found) used.add(member);
    return found;
  };
  let requirements: Requirement[] = [];
  if (input.nation === "england") {
    requirements = englandRules.map((rule) => englandRequirement(rule, input, take(rule.types)));
  } else if (input.nation === "scotland") {
    const councils = take(["council"]);
    const boards = take(["health-board"]);
    const expected = Math.max(1, input.healthBoardsExpected ?? 1);
    requirements = [
      {
        kind: "council",
        label: "The council",
        status: councils.length > 0 ? "met" : "missing",
        note: councils.length > 0 ? "Represented in the partnership" : "No council among the member organisations",
        members: councils,
      },
      {
        kind: "health-boards",
        label: expected > 1 ? `Each relevant health board (${expected})` : "The health board",
        status: boards.length >= expected ? "met" : "missing",
        note:
          boards.length >= expected
            ? "Represented in the partnership"
            : `${boards.length} of ${expected} health board${expected > 1 ? "s" : ""} among the member organisations`,
        members: boards,
      },
    ];
  }
  return {
    statutory: requirements.length > 0,
    requirements,
    gaps: requirements.filter((requirement) => requirement.status === "missing"),
    unchecked: requirements.filter((requirement) => requirement.status === "unknown"),
    otherPartners: input.members.filter((member) => !used.has(member)),
  };
}
