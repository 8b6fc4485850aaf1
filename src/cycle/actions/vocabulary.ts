import type { Nation } from "../../kernel/auth/policy.ts";

/**
 * The fixed vocabularies of child poverty work (see shared/DOMAIN.md). Codes are stored;
 * labels are shown. Sub-driver codes are "<driver>:<sub-driver>" so a roll-up by driver can
 * take the part before the colon.
 */
export interface VocabularyItem {
  code: string;
  label: string;
}

export interface DriverGroup extends VocabularyItem {
  children: VocabularyItem[];
}

/** Scotland, Child Poverty (Scotland) Act 2017: the three drivers and their sub-drivers. */
export const scottishDrivers: DriverGroup[] = [
  {
    code: "employment",
    label: "Income from employment",
    children: [
      { code: "employment:hourly-pay", label: "Hourly pay" },
      { code: "employment:hours-worked", label: "Hours worked per household" },
      { code: "employment:skills", label: "Skills and qualifications" },
    ],
  },
  {
    code: "costs",
    label: "Costs of living",
    children: [
      { code: "costs:housing", label: "Housing costs" },
      { code: "costs:other", label: "Other costs of living" },
      { code: "costs:debt", label: "Debt" },
    ],
  },
  {
    code: "social-security",
    label: "Income from social security and benefits in kind",
    children: [
      { code: "social-security:value", label: "Value of benefits" },
      { code: "social-security:eligibility", label: "Eligibility" },
      { code: "social-security:take-up", label: "Take-up" },
    ],
  },
];

/** England, Child Poverty Act 2010: the four building blocks (no sub-levels). */
export const englishBuildingBlocks: DriverGroup[] = [
  { code: "financial-support", label: "Financial support", children: [] },
  { code: "employment-skills", label: "Parental employment and skills", children: [] },
  { code: "life-chances", label: "Life chances", children: [] },
  { code: "place", label: "Place", children: [] },
];

export const familyTypes: VocabularyItem[] = [
  { code: "lone-parent", label: "Lone parent families" },
  { code: "minority-ethnic", label: "Minority ethnic families" },
  { code: "disability", label: "Families with a disabled adult or child" },
  { code: "young-mother", label: "Families with a younger mother (under 25)" },
  { code: "child-under-one", label: "Families with a child under one" },
  { code: "larger-family", label: "Larger families (3 or more children)" },
];

export const ragStatuses = ["not-started", "green", "amber", "red", "complete"] as const;
export type RagStatus = (typeof ragStatuses)[number];
export const ragLabels: Record<RagStatus, string> = {
  "not-started": "Not started",
  green: "Green – on track",
  amber: "Amber – some risk",
  red: "Red – off track",
  complete: "Complete",
};
/** A reason is required for these statuses. */
export const ragNeedsReason: readonly RagStatus[] = ["amber", "red"];

export const budgetArrangements = ["pooled", "aligned", "single"] as const;
export type BudgetArrangement = (typeof budgetArrangements)[number];
export const budgetArrangementLabels: Record<BudgetArrangement, string> = {
  pooled: "Pooled",
  aligned: "Aligned",
  single: "Single organisation",
};

// Evidence kinds and sign-off roles belong to the strategy domain; re-exported so that this
// module holds every fixed vocabulary.
export {
  type EvidenceKind,
  evidenceKindLabels,
  evidenceKinds,
  type SignOffRole,
  signOffRoleLabels,
  signOffRoles,
} from "../strategy/index.ts";

export const driverEffects = ["positive", "neutral", "negative", "unknown"] as const;
export type DriverEffect = (typeof driverEffects)[number];

/** Scotland reports against drivers; the rest of the UK uses England's building blocks. */
export function driverFrameworkFor(nation: Nation | string): { name: string; plural: string; groups: DriverGroup[] } {
  return nation === "scotland"
    ? { name: "Driver", plural: "Drivers of child poverty", groups: scottishDrivers }
    : { name: "Building block", plural: "Building blocks", groups: englishBuildingBlocks };
}

/** Every selectable code (drivers and sub-drivers) for a nation, with labels including the parent. */
export function driverOptions(nation: Nation | string): VocabularyItem[] {
  const options: VocabularyItem[] = [];
  for (const group of driverFrameworkFor(nation).groups) {
    options.push({ code: group.code, label: group.label });
    for (const child of group.children) options.push({ code: child.code, label: `${group.label}: ${child.label}` });
  }
  return options;
}

const allDriverLabels = new Map<string, string>(
  [...scottishDrivers, ...englishBuildingBlocks].flatMap((group) => [
    [group.code, group.label] as [string, string],
    ...group.children.map((child) => [child.code, `${group.label}: ${child.label}`] as [string, string]),
  ]),
);

export function driverLabel(code: string): string {
  return allDriverLabels.get(code) ?? code;
}

/** The top-level driver of a driver or sub-driver code. */
export function topDriver(code: string): string {
  return code.split(":")[0]!;
}

export function familyTypeLabel(code: string): string {
  return familyTypes.find((item) => item.code === code)?.label ?? code;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Finds a driver by code, full label, or sub-driver label (for spreadsheets typed by people).
 * Returns undefined when unknown or ambiguous.
 */
export function matchDriver(nation: Nation | string, text: string): string | undefined {
  const wanted = normalise(text);
  if (!wanted) return undefined;
  const matches = new Set<string>();
  for (const group of driverFrameworkFor(nation).groups) {
    if (normalise(group.code) === wanted || normalise(group.label) === wanted) matches.add(group.code);
    for (const child of group.children) {
      const full = `${group.label} ${child.label}`;
      if ([child.code, child.label, full].some((candidate) => normalise(candidate) === wanted)) matches.add(child.code);
    }
  }
  return matches.size === 1 ? [...matches][0] : undefined;
}

export function matchFamilyType(text: string): string | undefined {
  const wanted = normalise(text);
  if (!wanted) return undefined;
  const found = familyTypes.find(
    (item) =>
      normalise(item.code) === wanted ||
      normalise(item.label) === wanted ||
      normalise(item.label).replace(/ families$/, "") === wanted,
  );
  return found?.code;
}
