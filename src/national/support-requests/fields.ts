import { driverOptions } from "../../cycle/actions/index.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";
import type { MemberRow } from "../partners-group/index.ts";
import { supportTypes } from "../support-offer/index.ts";
import { urgencies, urgencyLabels } from "./vocabulary.ts";

/** The request form for a partnership of `nation`, offering that nation's drivers and the group's bodies. */
export function requestFields(nation: string, members: MemberRow[]): FieldDef[] {
  return [
    {
      id: "supportType",
      label: "Type of support",
      type: "radios",
      items: supportTypes.map((type) => ({ value: type.code, text: type.label })),
    },
    {
      id: "topic",
      label: "What is it about?",
      type: "text",
      hint: "A short title, for example: help to analyse data zone figures",
    },
    {
      id: "drivers",
      label:
        nation === "scotland"
          ? "Drivers of child poverty it concerns (optional)"
          : "Building blocks it concerns (optional)",
      type: "checkboxes",
      items: driverOptions(nation).map((option) => ({ value: option.code, text: option.label })),
    },
    {
      id: "urgency",
      label: "How soon do you need it?",
      type: "radios",
      items: urgencies.map((urgency) => ({ value: urgency, text: urgencyLabels[urgency] })),
    },
    {
      id: "preferredMemberId",
      label: "Preferred provider (optional)",
      type: "radios",
      items: [
        { value: "", text: "Any provider" },
        ...members.map((member) => ({ value: member.id, text: member.organisationName })),
      ],
    },
    {
      id: "details",
      label: "What do you need?",
      type: "textarea",
      rows: 6,
      hint: "What you want to achieve, by when, and anything you have tried. Do not include information about individual families.",
    },
  ];
}
