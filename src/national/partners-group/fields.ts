import type { FieldDef } from "../../kernel/forms/index.ts";

export const groupFields: FieldDef[] = [
  { id: "name", label: "Name of the group", type: "text" },
  {
    id: "remit",
    label: "Remit",
    type: "textarea",
    hint: "What the group is for, as local partners will read it",
    rows: 6,
  },
  {
    id: "meetingIntervalWeeks",
    label: "The group meets every … weeks",
    type: "number",
    classes: "govuk-input--width-3",
  },
];

export const profileFields: FieldDef[] = [
  { id: "whoWeAre", label: "Who we are", type: "textarea", rows: 4 },
  { id: "whatWeOffer", label: "What we offer", type: "textarea", rows: 4 },
  { id: "howToEngage", label: "How to engage with us", type: "textarea", rows: 3 },
  { id: "aims", label: "What we are trying to achieve", type: "textarea", rows: 3 },
  { id: "contactName", label: "Contact name (optional)", type: "text" },
  {
    id: "contactEmail",
    label: "Contact email address (optional)",
    type: "text",
    hint: "For example, support@example.org",
  },
  { id: "website", label: "Website (optional)", type: "url", hint: "A full address starting https://" },
];
