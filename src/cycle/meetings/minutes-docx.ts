import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { richTextToParagraphs } from "../../kernel/views/rich-text.ts";
import type { MeetingRecord } from "./meetings-service.ts";
import { actionStatusLabels } from "./schemas.ts";

const dateLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatDate = (iso: string) => dateLabel.format(new Date(`${iso}T00:00:00Z`));

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
}

function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  });
}

const para = (text: string) => new Paragraph({ text });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });

/** The minutes as a Word document: heading, attendance, minutes text, decisions and actions tables. */
export async function minutesDocx(partnershipName: string, record: MeetingRecord, fictional: boolean): Promise<Buffer> {
  const { meeting, attendance, decisions, actions, agenda } = record;
  const who = (row: (typeof attendance)[number]) => [row.personName, row.organisationName].filter(Boolean).join(", ");
  const present = attendance.filter((row) => row.status === "present").map(who);
  const apologies = attendance.filter((row) => row.status === "apologies").map(who);
  const children: (Paragraph | Table)[] = [
    heading(`${meeting.title}: minutes`, HeadingLevel.TITLE),
    para(
      `${partnershipName} — ${formatDate(meeting.meetingDate)}${meeting.startTime ? `, ${meeting.startTime}` : ""}${meeting.location ? `, ${meeting.location}` : ""}`,
    ),
  ];
  if (fictional) children.push(para("Fictional demonstration data."));
  children.push(heading("Attendance", HeadingLevel.HEADING_1));
  children.push(para(`Present: ${present.length ? present.join("; ") : "not recorded"}`));
  children.push(para(`Apologies: ${apologies.length ? apologies.join("; ") : "none"}`));
  if (agenda.length) {
    children.push(heading("Agenda", HeadingLevel.HEADING_1));
    for (const [index, item] of agenda.entries()) {
      children.push(para(`${index + 1}. ${item.title}${item.presenter ? ` (${item.presenter})` : ""}`));
    }
  }
  children.push(heading("Minutes", HeadingLevel.HEADING_1));
  for (const paragraph of richTextToParagraphs(meeting.minutes ?? "")) children.push(para(paragraph));
  children.push(heading("Decisions", HeadingLevel.HEADING_1));
  children.push(
    decisions.length
      ? table(
          ["No.", "Decision"],
          decisions.map((decision, index) => [String(index + 1), decision.text]),
        )
      : para("No decisions recorded."),
  );
  children.push(heading("Actions arising", HeadingLevel.HEADING_1));
  children.push(
    actions.length
      ? table(
          ["Action", "Owner", "Due", "Status"],
          actions.map((action) => [
            action.strategyAction
              ? `${action.description} (strategy action: ${action.strategyAction.label})`
              : action.description,
            action.owner,
            formatDate(action.dueDate),
            actionStatusLabels[action.status as keyof typeof actionStatusLabels] ?? action.status,
          ]),
        )
      : para("No actions arising."),
  );
  const document = new Document({
    creator: "Child Poverty Action Hub",
    title: `${meeting.title} minutes ${meeting.meetingDate}`,
    styles: { default: { document: { run: { font: "Arial", size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
