import type { FieldDef } from "../../kernel/forms/index.ts";
import { ragLabels, ragStatuses } from "../actions/index.ts";

/** The fields of a progress update, reporting it or correcting it; `periods` are those offered. */
export function updateFields(periods: string[]): FieldDef[] {
  return [
    {
      id: "period",
      label: "Reporting period",
      type: "select",
      hint: "Quarters of the financial year: Q1 is April to June",
      items: periods.map((value) => ({ value, text: value })),
    },
    {
      id: "status",
      label: "Status",
      type: "radios",
      items: ragStatuses.map((value) => ({ value, text: ragLabels[value] })),
    },
    {
      id: "reason",
      label: "Reason (required for amber or red)",
      type: "textarea",
      rows: 3,
      hint: "What is causing the risk or delay, and what is being done",
    },
    {
      id: "percentComplete",
      label: "Percentage complete",
      type: "number",
      classes: "govuk-input--width-3",
      hint: "A whole number from 0 to 100",
    },
    {
      id: "narrative",
      label: "Progress this period",
      type: "textarea",
      hint: "What happened, what changed for families",
    },
    { id: "spendToDatePence", label: "Spend to date (optional)", type: "money", classes: "govuk-input--width-10" },
    { id: "peopleReached", label: "People reached (optional)", type: "number", classes: "govuk-input--width-10" },
    {
      id: "familiesReached",
      label: "Families reached (optional)",
      type: "number",
      classes: "govuk-input--width-10",
    },
    {
      id: "evidenceUrls",
      label: "Evidence links (optional)",
      type: "textarea",
      rows: 3,
      hint: "One web address per line, starting with https://",
    },
  ];
}
