import { type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { driverOptions, englishBuildingBlocks, familyTypes } from "../../cycle/actions/index.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";
import { supportTypes } from "../support-offer/index.ts";
import { costBands, entryKinds, evidenceLevels, settings, visibilities } from "./vocabulary.ts";

const tagFields: FieldDef[] = [
  {
    id: "drivers",
    label: "Drivers of child poverty (Scotland)",
    type: "checkboxes",
    items: driverOptions("scotland").map((option) => ({ value: option.code, text: option.label })),
  },
  {
    id: "buildingBlocks",
    label: "Building blocks (England and Wales)",
    type: "checkboxes",
    items: englishBuildingBlocks.map((block) => ({ value: block.code, text: block.label })),
  },
  {
    id: "familyTypes",
    label: "Priority family types",
    type: "checkboxes",
    items: familyTypes.map((item) => ({ value: item.code, text: item.label })),
  },
  {
    id: "supportTypes",
    label: "Types of support",
    type: "checkboxes",
    items: supportTypes.map((type) => ({ value: type.code, text: type.label })),
  },
  {
    id: "settings",
    label: "Setting",
    type: "checkboxes",
    items: settings.map((item) => ({ value: item.code, text: item.label })),
  },
];

export const ratingFields: FieldDef[] = [
  {
    id: "evidenceLevel",
    label: "Strength of evidence",
    type: "radios",
    items: evidenceLevels.map((item) => ({ value: String(item.level), text: item.name, hint: item.definition })),
  },
  {
    id: "costBand",
    label: "Cost",
    type: "radios",
    items: costBands.map((band) => ({ value: band.code, text: band.label })),
  },
  {
    id: "visibility",
    label: "Who can read it",
    type: "radios",
    items: visibilities.map((item) => ({ value: item.code, text: item.label })),
  },
];

/** A coordinator's entry form; `nations` are those the coordinator keeps. */
export function entryFields(nations: Nation[]): FieldDef[] {
  return [
    {
      id: "kind",
      label: "What it is",
      type: "radios",
      items: entryKinds.map((kind) => ({ value: kind.code, text: kind.label })),
    },
    { id: "title", label: "Title", type: "text" },
    {
      id: "summary",
      label: "Summary",
      type: "textarea",
      rows: 3,
      hint: "One or two sentences shown in search results",
    },
    {
      id: "body",
      label: "Text",
      type: "textarea",
      rows: 12,
      hint: "Leave a blank line between paragraphs. Basic HTML (headings, lists, bold, links) is kept; anything else is removed.",
    },
    { id: "source", label: "Source (optional)", type: "text", hint: "Who produced it" },
    { id: "sourceUrl", label: "Link to the source (optional)", type: "url" },
    ...ratingFields,
    {
      id: "nation",
      label: "Nation it comes from",
      type: "radios",
      items: nations.map((nation) => ({ value: nation, text: nationLabels[nation] })),
    },
    ...tagFields,
    {
      id: "status",
      label: "Publish",
      type: "radios",
      items: [
        { value: "draft", text: "Keep as a draft" },
        { value: "published", text: "Publish it in the library" },
        { value: "withdrawn", text: "Withdraw it" },
      ],
    },
  ];
}

export const proposalFields: FieldDef[] = [
  { id: "title", label: "Title", type: "text" },
  {
    id: "summary",
    label: "Summary",
    type: "textarea",
    rows: 3,
    hint: "One or two sentences: what you did and what changed",
  },
  {
    id: "body",
    label: "The case study",
    type: "textarea",
    rows: 12,
    hint: "What you did, who it reached, what changed and how you know, what it cost and what you learned. Do not name or describe individual families.",
  },
];

export const reviewFields: FieldDef[] = [
  {
    id: "decision",
    label: "Decision",
    type: "radios",
    items: [
      { value: "publish", text: "Publish it in the library" },
      { value: "return", text: "Return it to the partnership for changes" },
      { value: "decline", text: "Decline it" },
    ],
  },
  ...ratingFields,
  {
    id: "note",
    label: "Note to the partnership",
    type: "textarea",
    rows: 4,
    hint: "Required when returning or declining",
  },
];
