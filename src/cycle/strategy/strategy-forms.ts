import { evidenceKindLabels, signOffRoleLabels, signOffRoles, typedEvidenceKinds } from "./evidence.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";

export const strategyFields: FieldDef[] = [
  {
    id: "startYear",
    label: "First year",
    type: "number",
    hint: "The calendar year the strategy starts, like 2025",
    classes: "govuk-input--width-4",
  },
  {
    id: "endYear",
    label: "Last year",
    type: "number",
    hint: "Strategies usually cover 3 to 4 years",
    classes: "govuk-input--width-4",
  },
  {
    id: "vision",
    label: "Shared vision",
    type: "textarea",
    hint: "What the partners want to achieve for children and families, and why",
  },
  {
    id: "governance",
    label: "Governance arrangements",
    type: "textarea",
    hint: "Who oversees the strategy, lines of decision-making and coordination",
  },
  { id: "monitoringArrangements", label: "How progress is measured and monitored", type: "textarea" },
  {
    id: "workforceDevelopment",
    label: "Workforce development commitments",
    type: "textarea",
    hint: "How staff across partners will build a shared understanding of child poverty",
  },
  {
    id: "status",
    label: "Status",
    type: "radios",
    items: [
      { value: "draft", text: "Draft" },
      { value: "signed-off", text: "Signed off", hint: "Needs at least one sign-off record" },
    ],
  },
];

export const priorityFields: FieldDef[] = [
  { id: "title", label: "Title", type: "text" },
  { id: "description", label: "Description", type: "textarea", hint: "The need it answers and what will change" },
  {
    id: "position",
    label: "Order",
    type: "number",
    hint: "Optional. 1 is shown first",
    classes: "govuk-input--width-3",
  },
];

export const choiceFields: FieldDef[] = [
  { id: "option", label: "Option considered", type: "text" },
  {
    id: "intendedImpact",
    label: "Intended impact",
    type: "textarea",
    hint: "What it would change, assessed against the needs assessment",
  },
  {
    id: "chosen",
    label: "Was this option chosen?",
    type: "radios",
    items: [
      { value: "yes", text: "Yes" },
      { value: "no", text: "No" },
    ],
  },
  { id: "reason", label: "Reason for the decision", type: "textarea" },
];

export const relatedFields: FieldDef[] = [
  {
    id: "name",
    label: "Name of the related strategy or plan",
    type: "text",
    hint: "For example, Children's Services Plan, Regeneration Strategy",
  },
  { id: "owner", label: "Owner", type: "text", hint: "The organisation or board responsible for it" },
  {
    id: "url",
    label: "Link (optional)",
    type: "url",
    hint: "A full web address, like https://www.example.gov.uk/plan",
  },
  { id: "relationship", label: "How it relates to this strategy", type: "textarea" },
];

export const signOffFields: FieldDef[] = [
  {
    id: "name",
    label: "Who signed off",
    type: "text",
    hint: "A person's name and title, or the name of the board or committee",
  },
  {
    id: "role",
    label: "Role",
    type: "radios",
    items: signOffRoles.map((value) => ({ value, text: signOffRoleLabels[value] })),
  },
  { id: "signedOn", label: "Date of sign-off", type: "date", hint: "For example, 27/03/2025" },
];

export const evidenceFields: FieldDef[] = [
  {
    id: "kind",
    label: "Kind of evidence",
    type: "radios",
    items: typedEvidenceKinds.map((value) => ({ value, text: evidenceKindLabels[value] })),
  },
  {
    id: "referenceId",
    label: "Reference",
    type: "text",
    hint: "The indicator id (like cilif-relative-under-16) or the id of the needs assessment entry",
  },
  {
    id: "label",
    label: "Label",
    type: "text",
    hint: "What people will see, like: Children in relative low income, 2023/24",
  },
];
