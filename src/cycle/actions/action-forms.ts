import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";
import type { PriorityRow } from "../strategy/index.ts";
import type { MemberOrganisation } from "./repository.ts";
import { budgetArrangementLabels, budgetArrangements, driverFrameworkFor, familyTypes } from "./vocabulary.ts";

export function actionFields(
  partnership: PartnershipRow,
  priorities: PriorityRow[],
  members: MemberOrganisation[],
): FieldDef[] {
  const framework = driverFrameworkFor(partnership.nation);
  const driverItems = framework.groups.flatMap((group) => [
    { value: group.code, text: group.label },
    ...group.children.map((child) => ({ value: child.code, text: `${group.label}: ${child.label}` })),
  ]);
  const organisations = members.map((row) => ({ value: row.id, text: row.name }));
  return [
    {
      id: "reference",
      label: "Reference (optional)",
      type: "text",
      hint: "Your plan's own number, like A12",
      classes: "govuk-input--width-5",
    },
    { id: "title", label: "Title", type: "text" },
    { id: "description", label: "Description", type: "textarea" },
    {
      id: "priorityIds",
      label: "Strategy priorities it delivers",
      type: "checkboxes",
      hint: priorities.length ? "Select all that apply" : "The strategy has no priorities yet",
      items: priorities.map((row) => ({ value: row.id, text: row.title })),
    },
    { id: "leadOrganisationId", label: "Lead partner", type: "select", items: organisations },
    {
      id: "partnerIds",
      label: "Contributing partners",
      type: "checkboxes",
      hint: "Select all that apply",
      items: organisations,
    },
    { id: "startDate", label: "Start date (optional)", type: "date", hint: "For example, 01/04/2025" },
    { id: "endDate", label: "End date (optional)", type: "date", hint: "For example, 31/03/2026" },
    { id: "drivers", label: framework.plural, type: "checkboxes", hint: "Select all it addresses", items: driverItems },
    {
      id: "familyTypes",
      label: "Priority family types it reaches",
      type: "checkboxes",
      items: familyTypes.map((item) => ({ value: item.code, text: item.label })),
    },
    {
      id: "flags",
      label: "Statutory reporting",
      type: "checkboxes",
      items: [
        {
          value: "income-maximisation",
          text: "Income maximisation",
          hint: "Information, advice and help for families on financial support and applying for it",
        },
        {
          value: "protected-characteristics",
          text: "Protected characteristics",
          hint: "For households whose income is reduced or costs increased by a member's protected characteristic",
        },
      ],
    },
  ];
}

export const budgetFields: FieldDef[] = [
  {
    id: "financialYear",
    label: "Financial year",
    type: "text",
    hint: "For example, 2025/26",
    classes: "govuk-input--width-5",
  },
  { id: "amountPence", label: "Amount", type: "money", classes: "govuk-input--width-10" },
  {
    id: "source",
    label: "Source",
    type: "text",
    hint: "For example, Council core budget, Scottish Child Payment uplift fund",
  },
  {
    id: "arrangement",
    label: "Arrangement",
    type: "radios",
    items: budgetArrangements.map((value) => ({ value, text: budgetArrangementLabels[value] })),
  },
];

export const milestoneFields: FieldDef[] = [
  { id: "title", label: "Milestone", type: "text" },
  { id: "dueDate", label: "Due date (optional)", type: "date", hint: "For example, 30/09/2025" },
];
