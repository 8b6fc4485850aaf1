import type { BlockInput } from "../../lib/documents/index.ts";
import { count, longDate, money, planNote, status, updatesNote } from "./format.ts";
import type { GeneratedSection } from "./generated.ts";
import type { ReportAction, ReportData } from "./report-data.ts";

/** Measures that were active in the year: an update recorded for one of its quarters. */
export function activeInYear(action: ReportAction): boolean {
  return action.updatesInYear > 0;
}

/** Still to do after the year: not complete at year end and running past 31 March (or open-ended). */
export function proposedAfter(action: ReportAction, yearEnd: string): boolean {
  if (action.yearEnd?.status === "complete") return false;
  return !action.endDate || action.endDate > yearEnd;
}

/** The update's narrative, with the amber/red reason unless the narrative already gives it. */
function progressText(update: NonNullable<ReportAction["yearEnd"]>): string {
  const reason = update.reason && !update.narrative.includes(update.reason) ? update.reason : "";
  return [update.narrative, reason].filter(Boolean).join(" ") || "No narrative recorded";
}

function actionTable(
  data: ReportData,
  caption: string,
  rows: ReportAction[],
  role?: (action: ReportAction) => string,
): BlockInput {
  const columns = [
    "Ref",
    "Action",
    role ? "Role" : "Lead partner",
    "Status at year end",
    "Complete",
    "Families reached",
    "Progress in the year",
  ];
  return {
    type: "table",
    table: {
      caption,
      columns,
      rows: rows.map((action) => [
        action.reference || "–",
        action.title,
        role ? role(action) : action.leadName,
        status(action.yearEnd?.status),
        action.yearEnd ? `${action.yearEnd.percentComplete}%` : "No update",
        count(action.yearEnd?.familiesReached),
        action.yearEnd ? progressText(action.yearEnd) : "No update in the year",
      ]),
      notes: [updatesNote(data.reportingYear, data.yearStart, data.yearEnd)],
    },
  };
}

/** s.13(a): measures taken in the year, by the council and by each health board separately. */
export function measuresTakenByBody(data: ReportData): GeneratedSection[] {
  return data.bodies.map((body) => {
    const rows = data.actions.filter(
      (action) =>
        activeInYear(action) &&
        (action.leadOrganisationId === body.organisationId || action.partnerIds.includes(body.organisationId)),
    );
    const led = rows.filter((action) => action.leadOrganisationId === body.organisationId).length;
    const blocks: BlockInput[] = rows.length
      ? [
          {
            type: "paragraph",
            text: `${body.name} led ${led} and contributed to ${rows.length - led} of the measures with progress recorded in ${data.reportingYear}.`,
          },
          actionTable(data, `Measures taken in ${data.reportingYear} by ${body.name}`, rows, (action) =>
            action.leadOrganisationId === body.organisationId ? "Lead" : "Contributor",
          ),
        ]
      : [
          {
            type: "callout",
            tone: "warning",
            text: `No action led or supported by ${body.name} has a progress update for ${data.reportingYear}.`,
          },
        ];
    return {
      key: `measures-taken:${body.organisationId}`,
      heading: `Measures taken in ${data.reportingYear} by ${body.name}`,
      statutory: "s.13(a) measures taken in the year",
      prompt: `Describe what ${body.name} did in the year and what difference it made.`,
      blocks,
    };
  });
}

export function measuresProposed(data: ReportData): GeneratedSection {
  const rows = data.actions.filter((action) => proposedAfter(action, data.yearEnd));
  const blocks: BlockInput[] = rows.length
    ? [
        { type: "paragraph", text: `${rows.length} measures continue or start after ${longDate(data.yearEnd)}.` },
        {
          type: "table",
          table: {
            caption: `Measures proposed from ${data.nextYear}`,
            columns: ["Ref", "Action", "Lead partner", "Partners", "Runs until", `Budget ${data.nextYear}`],
            rows: rows.map((action) => [
              action.reference || "–",
              action.title,
              action.leadName,
              action.partnerNames.join(", ") || "None",
              action.endDate ? longDate(action.endDate) : "No end date",
              action.budgetNextYearPence ? money(action.budgetNextYearPence) : "No budget recorded",
            ]),
            notes: [`${planNote} Budgets are those recorded for ${data.nextYear}.`],
          },
        },
      ]
    : [{ type: "callout", tone: "warning", text: `No action is planned to run after ${longDate(data.yearEnd)}.` }];
  return {
    key: "measures-proposed",
    heading: "Measures proposed",
    statutory: "s.13(b) measures proposed",
    prompt: "Explain what the partners propose to do next and why, linked to the needs assessment.",
    blocks,
  };
}

function flaggedSection(
  data: ReportData,
  key: string,
  heading: string,
  statutory: string,
  prompt: string,
  rows: ReportAction[],
  none: string,
): GeneratedSection {
  const blocks: BlockInput[] = rows.length
    ? [
        {
          type: "paragraph",
          text: `${rows.length} measures are recorded as ${key === "income-maximisation" ? "income maximisation" : "supporting households affected by a protected characteristic"}; ${rows.filter(activeInYear).length} have progress recorded in ${data.reportingYear}.`,
        },
        actionTable(data, heading, rows),
      ]
    : [{ type: "callout", tone: "warning", text: none }];
  return { key, heading, statutory, prompt, blocks };
}

/** s.13(c): information, advice and help with applying for financial support. */
export function incomeMaximisation(data: ReportData): GeneratedSection {
  return flaggedSection(
    data,
    "income-maximisation",
    "Income maximisation",
    "s.13(c) income maximisation measures",
    "Describe the information, advice and help to apply for financial support given to pregnant women and families with children.",
    data.actions.filter((action) => action.incomeMaximisation),
    "No action in the plan is flagged as income maximisation.",
  );
}

/** s.13(d): children in households whose income is reduced, or costs increased, by a protected characteristic. */
export function protectedCharacteristics(data: ReportData): GeneratedSection {
  return flaggedSection(
    data,
    "protected-characteristics",
    "Households affected by protected characteristics",
    "s.13(d) measures for households affected by protected characteristics",
    "Describe how measures reached children in households whose income is reduced, or costs increased, because a member has a protected characteristic.",
    data.actions.filter((action) => action.protectedCharacteristics),
    "No action in the plan is flagged as supporting households affected by protected characteristics.",
  );
}
