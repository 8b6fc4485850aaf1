import type { AttentionSource } from "../../workspace/attention/index.ts";
import { meetingPaths } from "./paths.ts";
import { meetingsNeedingMinutes, overdueActions } from "./repository.ts";

const dateLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatDate = (iso: string) => dateLabel.format(new Date(`${iso}T00:00:00Z`));

/** Meetings held without minutes, for the leads and editors who write them. */
export const minutesDue: AttentionSource = {
  key: "minutes",
  title: "Meetings needing minutes",
  order: 10,
  async items(db, { editing, today }) {
    const rows = await meetingsNeedingMinutes(db, editing, today);
    return rows.map((meeting) => ({
      text: `${meeting.title}, ${formatDate(meeting.meetingDate)}`,
      href: meetingPaths.minutes(meeting.partnershipId, meeting.id),
      partnershipId: meeting.partnershipId,
    }));
  },
};

/** Actions arising from meetings that are past their due date, for every member. */
export const actionsArisingOverdue: AttentionSource = {
  key: "actions",
  title: "Actions arising overdue",
  order: 20,
  async items(db, { member, today }) {
    const rows = await overdueActions(db, member, today);
    return rows.map((action) => ({
      text: action.description,
      href: `${meetingPaths.meeting(action.partnershipId, action.meetingId)}#actions`,
      partnershipId: action.partnershipId,
      detail: `${action.owner}, due ${formatDate(action.dueDate)}`,
    }));
  },
};
