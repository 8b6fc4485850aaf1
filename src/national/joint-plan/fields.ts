import type { FieldDef } from "../../kernel/forms/index.ts";
import type { MemberRow } from "../partners-group/index.ts";
import { supportTypes } from "../support-offer/index.ts";
import { activityStatuses, activityStatusLabels } from "./schemas.ts";

export function activityFields(members: MemberRow[], requests: { id: string; label: string }[]): FieldDef[] {
  return [
    { id: "title", label: "Activity", type: "text" },
    { id: "description", label: "Description (optional)", type: "textarea", rows: 4 },
    {
      id: "leadMemberId",
      label: "Lead body",
      type: "select",
      items: members.map((member) => ({ value: member.id, text: member.organisationName })),
    },
    {
      id: "supportType",
      label: "Type of support",
      type: "select",
      items: supportTypes.map((type) => ({ value: type.code, text: type.label })),
    },
    { id: "startDate", label: "Start (optional)", type: "date", hint: "For example, 1/4/2026" },
    { id: "endDate", label: "End (optional)", type: "date", hint: "For example, 31/3/2027" },
    {
      id: "status",
      label: "Status",
      type: "radios",
      items: activityStatuses.map((status) => ({ value: status, text: activityStatusLabels[status] })),
    },
    {
      id: "themes",
      label: "Feedback and review themes it answers (optional)",
      type: "textarea",
      rows: 4,
      hint: "One a line, for example: data arrives late",
    },
    {
      id: "requestIds",
      label: "Requests it answers (optional)",
      type: "checkboxes",
      hint: requests.length
        ? "Requests made to the group in the last 12 months, and those already linked"
        : "There are no requests to link yet",
      items: requests.map((request) => ({ value: request.id, text: request.label })),
    },
  ];
}
