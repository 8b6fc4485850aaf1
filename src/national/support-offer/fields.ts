import type { FieldDef } from "../../kernel/forms/index.ts";
import type { MemberRow } from "../partners-group/index.ts";
import { offerStatuses, offerStatusLabels } from "./schemas.ts";
import { offerFormats, supportTypes } from "./vocabulary.ts";

export function offerFields(members: MemberRow[]): FieldDef[] {
  return [
    { id: "title", label: "Title", type: "text" },
    {
      id: "supportType",
      label: "Type of support",
      type: "radios",
      items: supportTypes.map((type) => ({ value: type.code, text: type.label })),
    },
    { id: "description", label: "What the offer is", type: "textarea", rows: 5 },
    {
      id: "providerIds",
      label: "Provided by",
      type: "checkboxes",
      hint: "Select every member body that provides it",
      items: members.map((member) => ({ value: member.id, text: member.organisationName })),
    },
    {
      id: "format",
      label: "Format",
      type: "radios",
      items: offerFormats.map((format) => ({ value: format.code, text: format.label })),
    },
    { id: "audience", label: "Who it is for (optional)", type: "text", hint: "For example, local child poverty leads" },
    { id: "capacity", label: "Capacity (optional)", type: "text", hint: "For example, eight areas a year" },
    { id: "howToRequest", label: "How to request it (optional)", type: "textarea", rows: 3 },
    {
      id: "status",
      label: "Status",
      type: "radios",
      items: offerStatuses.map((status) => ({ value: status, text: offerStatusLabels[status] })),
    },
  ];
}
