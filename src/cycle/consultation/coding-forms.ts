/** The forms of coding and reporting back: a theme, a quote, the "we did" overview. */
import type { FieldDef } from "../../kernel/forms/index.ts";

export const themeFields: FieldDef[] = [
  { id: "name", label: "Theme", type: "text", hint: "In plain words, as it will appear on the public page" },
  {
    id: "description",
    label: "What counts as this theme",
    type: "textarea",
    rows: 3,
    hint: "For the people coding answers; not published",
  },
  {
    id: "response",
    label: "What the partnership did (“we did”)",
    type: "textarea",
    rows: 4,
    hint: "In plain words a child could follow; published with the theme",
  },
  {
    id: "otherMentions",
    label: "Mentions from sessions without the online survey",
    type: "number",
    classes: "govuk-input--width-5",
    hint: "From notes of focus groups or school sessions; added to the coded answers",
  },
];

export function quoteFields(themes: { id: string; name: string }[]): FieldDef[] {
  return [
    {
      id: "text",
      label: "Quote",
      type: "textarea",
      rows: 4,
      hint: "Trim it to the words that matter; never add anything that could identify someone",
    },
    { id: "themeId", label: "Theme", type: "select", items: themes.map((t) => ({ value: t.id, text: t.name })) },
  ];
}

export const publishFields: FieldDef[] = [
  {
    id: "weDid",
    label: "What the partnership did, in plain words",
    type: "textarea",
    rows: 6,
    hint: "An overview shown at the top of the public page, before each theme's response",
  },
];
