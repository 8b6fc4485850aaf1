/**
 * The minutes as a documents-domain model: the same model gives the Word and PDF downloads
 * (lib/documents renders DOCX in its worker thread and PDF in Chromium), so minutes follow the
 * one document pipeline: headings, styles, tables and sanitised rich text like every report.
 */
import { formatDate } from "../../kernel/time.ts";
import type { BlockInput, DocumentInput } from "../../lib/documents/index.ts";
import type { MeetingRecord } from "./meetings-service.ts";
import { actionStatusLabels } from "./schemas.ts";

type Attendee = MeetingRecord["attendance"][number];
const who = (row: Attendee) => [row.personName, row.organisationName].filter(Boolean).join(", ");

export function minutesDocument(
  partnership: { name: string; isFictional: boolean },
  record: MeetingRecord,
): DocumentInput {
  const { meeting, attendance, decisions, actions, agenda } = record;
  const present = attendance.filter((row) => row.status === "present").map(who);
  const apologies = attendance.filter((row) => row.status === "apologies").map(who);
  const when = [formatDate(meeting.meetingDate), meeting.startTime, meeting.location].filter(Boolean).join(", ");
  const about: BlockInput[] = partnership.isFictional
    ? [{ type: "callout", tone: "info", title: "Fictional data", text: "Fictional demonstration data." }]
    : [];
  const sections: DocumentInput["sections"] = [
    {
      heading: "Attendance",
      blocks: [
        ...about,
        { type: "paragraph", text: `Present: ${present.length ? present.join("; ") : "not recorded"}` },
        { type: "paragraph", text: `Apologies: ${apologies.length ? apologies.join("; ") : "none"}` },
      ],
    },
  ];
  if (agenda.length)
    sections.push({
      heading: "Agenda",
      blocks: [
        {
          type: "list",
          ordered: true,
          items: agenda.map((item) => `${item.title}${item.presenter ? ` (${item.presenter})` : ""}`),
        },
      ],
    });
  sections.push({
    heading: "Minutes",
    blocks: meeting.minutes?.trim()
      ? [{ type: "richText", html: meeting.minutes }]
      : [{ type: "paragraph", text: "Not recorded." }],
  });
  sections.push({
    heading: "Decisions",
    blocks: decisions.length
      ? [
          {
            type: "table",
            table: {
              caption: "Decisions",
              columns: ["No.", "Decision"],
              rows: decisions.map((decision, index) => [String(index + 1), decision.text]),
            },
          },
        ]
      : [{ type: "paragraph", text: "No decisions recorded." }],
  });
  sections.push({
    heading: "Actions arising",
    blocks: actions.length
      ? [
          {
            type: "table",
            table: {
              caption: "Actions arising",
              columns: ["Action", "Owner", "Due", "Status"],
              rows: actions.map((action) => [
                action.strategyAction
                  ? `${action.description} (strategy action: ${action.strategyAction.label})`
                  : action.description,
                action.owner,
                formatDate(action.dueDate),
                actionStatusLabels[action.status as keyof typeof actionStatusLabels] ?? action.status,
              ]),
            },
          },
        ]
      : [{ type: "paragraph", text: "No actions arising." }],
  });
  return {
    title: `${meeting.title}: minutes`,
    subtitle: when,
    metadata: { partnership: partnership.name, status: "Recorded" },
    sections,
  };
}
