import type { BlockInput } from "../../lib/documents/index.ts";
import type { ReportType } from "./report-types.ts";

/** One section of a report as drafted from recorded data; the narrative is stored separately. */
export interface GeneratedSection {
  key: string;
  heading: string;
  /** What the section's narrative block should say: the hint on its form. */
  prompt: string;
  /** The statutory element (2017 Act s.13) the section answers, if any. */
  statutory?: string;
  blocks: BlockInput[];
}

export interface BodyFact {
  id: string;
  name: string;
  type: string;
  /** Actions the body leads or contributes to that have an update in the year. */
  measures: number;
  /** All actions the body leads or contributes to (absent from reports drafted before counts were kept). */
  actions?: number;
}

/** Counts the completeness check reads: what the report found when it was drafted. */
export interface ReportFacts {
  bodies: BodyFact[];
  actions: number;
  actionsUpdated: number;
  proposed: number;
  incomeMaximisation: number;
  protectedCharacteristics: number;
  actionsWithoutDriver: number;
  actionsWithFamilyTypes: number;
  indicatorsLinked: number;
  indicatorsInStore: number;
  /**
   * Action indicators with a value in the store for a period overlapping the reporting year
   * (absent from reports drafted before the check was judged on the year: regenerate to count).
   */
  indicatorsWithValuesInYear?: number;
  /** Flagged actions that also have an update in the year (absent from older drafts). */
  incomeMaximisationUpdated?: number;
  protectedCharacteristicsUpdated?: number;
  livedExperience: number;
  /** Engagement activities that informed the year (absent from reports drafted before consultations were recorded). */
  engagementActivities?: number;
  engagementParticipants?: number;
  /** Themes of what people said that are linked to a priority or action and published. */
  themesActedOn?: number;
  priorities: number;
  strategy: "none" | "draft" | "signed-off";
}

export interface GeneratedReport {
  type: ReportType;
  title: string;
  subtitle: string;
  reportingYear: string;
  /** ISO date the data sections were drafted. */
  generatedOn: string;
  sections: GeneratedSection[];
  facts: ReportFacts;
}
