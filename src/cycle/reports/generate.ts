import type { GeneratedReport, GeneratedSection, ReportFacts } from "./generated.ts";
import type { ReportData } from "./report-data.ts";
import { type ReportType, reportTypeLabels } from "./report-types.ts";
import { indicatorsWithValuesInYear } from "./year-facts.ts";
import { caseStudies, indicators, livedExperience, proofing, strategyOverview } from "./sections-evidence.ts";
import {
  actionsByRag,
  drivers,
  priorityFamilies,
  progressByPriority,
  spendAndReach,
  summary,
} from "./sections-progress.ts";
import {
  activeInYear,
  incomeMaximisation,
  measuresProposed,
  measuresTakenByBody,
  proposedAfter,
  protectedCharacteristics,
} from "./sections-statutory.ts";

/** Which sections each kind of report has, in order. */
async function sectionsFor(type: ReportType, data: ReportData): Promise<GeneratedSection[]> {
  switch (type) {
    case "lcpar":
      return [
        summary(data),
        progressByPriority(data),
        ...measuresTakenByBody(data),
        measuresProposed(data),
        incomeMaximisation(data),
        protectedCharacteristics(data),
        drivers(data),
        priorityFamilies(data),
        await indicators(data),
        livedExperience(data),
        caseStudies(),
        proofing(data),
      ];
    case "progress":
      return [
        summary(data),
        progressByPriority(data),
        actionsByRag(data),
        spendAndReach(data),
        drivers(data),
        priorityFamilies(data),
        await indicators(data),
        livedExperience(data),
        caseStudies(),
        measuresProposed(data),
      ];
    case "strategic":
      return [
        summary(data),
        strategyOverview(data),
        progressByPriority(data),
        drivers(data),
        priorityFamilies(data),
        spendAndReach(data),
        await indicators(data),
        livedExperience(data),
        caseStudies(),
        measuresProposed(data),
      ];
    case "annual-update":
      return [
        summary(data),
        progressByPriority(data),
        ...(data.partnership.nation === "scotland" ? [incomeMaximisation(data)] : []),
        await indicators(data),
        caseStudies(),
      ];
  }
}

const involves = (organisationId: string) => (action: ReportData["actions"][number]) =>
  action.leadOrganisationId === organisationId || action.partnerIds.includes(organisationId);

/** The counts the completeness check judges, on the work recorded for the report's year. */
export function factsOf(data: ReportData): ReportFacts {
  const active = data.actions.filter(activeInYear);
  return {
    bodies: data.bodies.map((body) => ({
      id: body.organisationId,
      name: body.name,
      type: body.type,
      measures: active.filter(involves(body.organisationId)).length,
      actions: data.actions.filter(involves(body.organisationId)).length,
    })),
    actions: data.actions.length,
    actionsUpdated: active.length,
    proposed: data.actions.filter((a) => proposedAfter(a, data.yearEnd)).length,
    incomeMaximisation: data.actions.filter((a) => a.incomeMaximisation).length,
    incomeMaximisationUpdated: active.filter((a) => a.incomeMaximisation).length,
    protectedCharacteristics: data.actions.filter((a) => a.protectedCharacteristics).length,
    protectedCharacteristicsUpdated: active.filter((a) => a.protectedCharacteristics).length,
    actionsWithoutDriver: data.actions.filter((a) => a.drivers.length === 0).length,
    actionsWithFamilyTypes: data.actions.filter((a) => a.familyTypes.length > 0).length,
    indicatorsLinked: data.indicatorLinks.length,
    indicatorsInStore: data.store.size,
    indicatorsWithValuesInYear: indicatorsWithValuesInYear(
      data.indicatorLinks,
      data.store,
      data.yearStart,
      data.yearEnd,
    ),
    livedExperience: data.evidence.filter((link) => link.kind === "qualitative" || link.kind === "theme").length,
    engagementActivities: data.engagement.length,
    engagementParticipants: data.engagement.reduce((sum, activity) => sum + activity.participantCount, 0),
    themesActedOn: data.engagement.reduce((sum, activity) => sum + activity.themesActedOn, 0),
    priorities: data.priorities.length,
    strategy: data.strategy ? (data.strategy.status === "signed-off" ? "signed-off" : "draft") : "none",
  };
}

/** Drafts every data section of a report from what is recorded now. */
export async function generateReport(type: ReportType, data: ReportData, today: string): Promise<GeneratedReport> {
  return {
    type,
    title: `${reportTypeLabels[type]} ${data.reportingYear}`,
    subtitle:
      data.bodies.length && type === "lcpar"
        ? `${data.partnership.name}: ${data.bodies.map((b) => b.name).join(", ")}`
        : data.partnership.name,
    reportingYear: data.reportingYear,
    generatedOn: today,
    sections: await sectionsFor(type, data),
    facts: factsOf(data),
  };
}
