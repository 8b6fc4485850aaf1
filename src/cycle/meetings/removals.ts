/**
 * Removing a paper, an agenda item or a decision from a meeting: the wording of the GOV.UK
 * confirmation page (kernel/forms/delete-route.ts) that both a partnership's meetings and a
 * national partners group's meetings ask through, and the service each removal calls.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { type MeetingRecord, removeMeetingEntry, removePaper } from "./meetings-service.ts";
import type { MeetingOwner } from "./repository.ts";

export const meetingParts = ["paper", "agenda", "decision"] as const;
export type MeetingPart = (typeof meetingParts)[number];

/** Where on the meeting's page each part is listed (Cancel and "done" go back there). */
export const meetingPartAnchors: Record<MeetingPart, string> = {
  paper: "#papers",
  agenda: "#agenda",
  decision: "#decisions",
};

export interface MeetingPartFound {
  owner: MeetingOwner;
  record: MeetingRecord;
  part: MeetingPart;
  /** How the question names it: the file, the agenda item's title, or the decision's words. */
  name: string;
}

const shortened = (text: string) => (text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text);

/** The part with this id on the meeting, or null when it is not there (already removed: a 404). */
export function findMeetingPart(
  owner: MeetingOwner,
  record: MeetingRecord,
  part: MeetingPart,
  id: string,
): MeetingPartFound | null {
  const name =
    part === "paper"
      ? record.papers.find((paper) => paper.id === id)?.fileName
      : part === "agenda"
        ? record.agenda.find((item) => item.id === id)?.title
        : record.decisions.find((decision) => decision.id === id)?.text;
  return name === undefined ? null : { owner, record, part, name: shortened(name) };
}

const nouns: Record<MeetingPart, string> = { paper: "the paper", agenda: "the agenda item", decision: "the decision" };

/** The confirmation page's question, naming the part and the meeting. */
export function meetingPartQuestion(found: MeetingPartFound): string {
  const { meeting } = found.record;
  return `Are you sure you want to remove ${nouns[found.part]} “${found.name}” from ${meeting.title}, ${meeting.meetingDate}?`;
}

/** What is lost with it, said before anyone confirms. */
export function meetingPartConsequences(found: MeetingPartFound): string[] {
  return found.part === "paper" ? ["the uploaded file: download it first if you still need a copy"] : [];
}

export const meetingPartFlash: Record<MeetingPart, string> = {
  paper: "The paper has been removed",
  agenda: "The agenda item has been removed",
  decision: "The decision has been removed",
};

/** Removes it (audited by the services). */
export function removeMeetingPart(db: Db, audit: AuditContext, found: MeetingPartFound, id: string): Promise<void> {
  const meetingId = found.record.meeting.id;
  return found.part === "paper"
    ? removePaper(db, audit, found.owner, meetingId, id)
    : removeMeetingEntry(db, audit, found.part, found.owner, meetingId, id);
}
