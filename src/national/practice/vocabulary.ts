/** What an entry is. */
export const entryKinds = [
  { code: "case-study", label: "Case study" },
  { code: "evaluation", label: "Evaluation" },
  { code: "guidance", label: "Guidance" },
  { code: "tool", label: "Tool or template" },
] as const;
export type EntryKind = (typeof entryKinds)[number]["code"];
export const entryKindCodes = entryKinds.map((kind) => kind.code) as [EntryKind, ...EntryKind[]];

/**
 * Strength of evidence, five levels. Modelled on Nesta's Standards of Evidence (levels 1–5,
 * from a clear theory of change to replication at scale), with the EEF Teaching and Learning
 * Toolkit's idea that each rating states plainly how secure the finding is. Shown on the
 * library's pages with these definitions.
 */
export const evidenceLevels = [
  {
    level: 1,
    name: "Level 1: clear rationale",
    definition:
      "A clear account of what is done, for which families and why it should reduce child poverty or its effects, drawing on research. No outcome data yet.",
  },
  {
    level: 2,
    name: "Level 2: signs of change",
    definition:
      "Data collected from the families or services involved shows change (for example before and after), but without a comparison the change cannot be attributed to the work.",
  },
  {
    level: 3,
    name: "Level 3: comparison shows impact",
    definition:
      "A comparison or control group, or a robust quasi-experimental design, shows the work caused at least part of the change.",
  },
  {
    level: 4,
    name: "Level 4: independently confirmed",
    definition: "One or more independent evaluations confirm the impact, and explain how much of it the work caused.",
  },
  {
    level: 5,
    name: "Level 5: replicated at scale",
    definition:
      "Delivered consistently in several areas from a written model or manual, with evidence of positive impact in each place.",
  },
] as const;
export type EvidenceLevel = 1 | 2 | 3 | 4 | 5;
export const evidenceLevelName = (level: number | null): string =>
  evidenceLevels.find((item) => item.level === level)?.name ?? "Not yet rated";

/**
 * Cost band: the approximate cost of running the work in one local authority area for a year,
 * staff time included (the EEF Toolkit rates cost per pupil; here the unit is an area).
 */
export const costBands = [
  { code: "very-low", label: "Very low: under £10,000 a year" },
  { code: "low", label: "Low: £10,000 to £50,000 a year" },
  { code: "moderate", label: "Moderate: £50,000 to £150,000 a year" },
  { code: "high", label: "High: £150,000 to £500,000 a year" },
  { code: "very-high", label: "Very high: over £500,000 a year" },
  { code: "unknown", label: "Not known" },
] as const;
export type CostBand = (typeof costBands)[number]["code"];
export const costBandCodes = costBands.map((band) => band.code) as [CostBand, ...CostBand[]];

export const settings = [
  { code: "urban", label: "Urban" },
  { code: "rural", label: "Rural" },
] as const;
export const settingCodes = settings.map((item) => item.code) as ["urban", "rural"];

export const entryStatuses = ["draft", "proposed", "returned", "published", "declined", "withdrawn"] as const;
export type EntryStatus = (typeof entryStatuses)[number];
export const entryStatusLabels: Record<EntryStatus, string> = {
  draft: "Draft",
  proposed: "Proposed: waiting for review",
  returned: "Returned for changes",
  published: "Published",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

export const visibilities = [
  { code: "public", label: "Anyone, without signing in" },
  { code: "signed-in", label: "Only people signed in to the hub" },
] as const;
export type Visibility = (typeof visibilities)[number]["code"];
export const visibilityCodes = visibilities.map((item) => item.code) as [Visibility, ...Visibility[]];

const labels = new Map<string, string>(
  [...entryKinds, ...costBands, ...settings, ...visibilities].map((item) => [item.code, item.label]),
);
export const practiceLabel = (code: string): string => labels.get(code) ?? code;
