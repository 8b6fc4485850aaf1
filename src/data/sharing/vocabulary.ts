/**
 * The fixed vocabularies of a data-sharing agreement: UK GDPR Article 6(1) and Article 9(2),
 * DPA 2018 Schedule 1 conditions, and the register's own lists. Codes are stored; labels shown.
 */
type Labelled<T extends string> = Record<T, string>;
const keys = <T extends string>(labels: Labelled<T>) => Object.keys(labels) as T[];

export const lawfulBasisLabels = {
  a: "(a) Consent",
  b: "(b) Contract",
  c: "(c) Legal obligation",
  d: "(d) Vital interests",
  e: "(e) Public task",
  f: "(f) Legitimate interests",
} as const satisfies Labelled<string>;
export type LawfulBasis = keyof typeof lawfulBasisLabels;
export const lawfulBases = keys(lawfulBasisLabels);

export const article9Labels = {
  a: "(a) Explicit consent",
  b: "(b) Employment, social security and social protection",
  c: "(c) Vital interests",
  d: "(d) Not-for-profit bodies",
  e: "(e) Made public by the data subject",
  f: "(f) Legal claims or judicial acts",
  g: "(g) Reasons of substantial public interest",
  h: "(h) Health or social care",
  i: "(i) Public health",
  j: "(j) Archiving, research and statistics",
} as const satisfies Labelled<string>;
export type Article9Condition = keyof typeof article9Labels;
export const article9Conditions = keys(article9Labels);
/** DPA 2018 s.10: these Article 9 conditions also need a Schedule 1 condition. */
export const needsSchedule1: readonly Article9Condition[] = ["b", "g", "h", "i", "j"];

export const schedule1Labels = {
  "p1-1": "Part 1, paragraph 1: Employment, social security and social protection",
  "p1-2": "Part 1, paragraph 2: Health or social care purposes",
  "p1-3": "Part 1, paragraph 3: Public health",
  "p1-4": "Part 1, paragraph 4: Research",
  "p2-6": "Part 2, paragraph 6: Statutory and government purposes",
  "p2-8": "Part 2, paragraph 8: Equality of opportunity or treatment",
  "p2-10": "Part 2, paragraph 10: Preventing or detecting unlawful acts",
  "p2-11": "Part 2, paragraph 11: Protecting the public",
  "p2-16": "Part 2, paragraph 16: Support for individuals with a particular disability or medical condition",
  "p2-17": "Part 2, paragraph 17: Counselling",
  "p2-18": "Part 2, paragraph 18: Safeguarding of children and of individuals at risk",
  "p2-19": "Part 2, paragraph 19: Safeguarding of economic well-being of certain individuals",
} as const satisfies Labelled<string>;
export type Schedule1Condition = keyof typeof schedule1Labels;
export const schedule1Conditions = keys(schedule1Labels);

export const dataLevelLabels = {
  aggregate: "Aggregate (counts and statistics, no individuals)",
  pseudonymised: "Pseudonymised (individual records without names or identifiers)",
  "record-level": "Record-level (identifiable individuals)",
} as const satisfies Labelled<string>;
export type DataLevel = keyof typeof dataLevelLabels;
export const dataLevels = keys(dataLevelLabels);

export const volumeLabels = {
  small: "Fewer than 100 people",
  medium: "100 to 10,000 people",
  large: "More than 10,000 people",
} as const satisfies Labelled<string>;
export type Volume = keyof typeof volumeLabels;
export const volumes = keys(volumeLabels);

export const frequencyLabels = {
  "one-off": "One-off",
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annually: "Annually",
  "on-request": "On request",
} as const satisfies Labelled<string>;
export type Frequency = keyof typeof frequencyLabels;
export const frequencies = keys(frequencyLabels);

export const dpiaStatusLabels = {
  "not-needed": "Not needed",
  "in-progress": "In progress",
  completed: "Completed",
} as const satisfies Labelled<string>;
export type DpiaStatus = keyof typeof dpiaStatusLabels;
export const dpiaStatuses = keys(dpiaStatusLabels);

/** Stored statuses; "expired" is never stored: it is worked out from the end date. */
export const storedStatusLabels = {
  draft: "Draft",
  agreed: "Agreed",
  "under-review": "Under review",
  ended: "Ended",
} as const satisfies Labelled<string>;
export type StoredStatus = keyof typeof storedStatusLabels;
export const storedStatuses = keys(storedStatusLabels);
export type AgreementStatus = StoredStatus | "expired";
export const statusLabels: Record<AgreementStatus, string> = { ...storedStatusLabels, expired: "Expired" };

export const riskLevelLabels = { low: "Low", medium: "Medium", high: "High" } as const satisfies Labelled<string>;
export type RiskLevel = keyof typeof riskLevelLabels;
export const riskLevels = keys(riskLevelLabels);

export const items = <T extends string>(labels: Labelled<T>) =>
  keys(labels).map((value) => ({ value, text: labels[value] }));
