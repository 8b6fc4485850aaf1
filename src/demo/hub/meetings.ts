import type { AuditContext } from "../../kernel/audit/audit.ts";
import { addDays, londonToday } from "../../kernel/time.ts";
import type { Db } from "../../kernel/db/database.ts";
import {
  addAction,
  addAgendaItem,
  addDecision,
  type MeetingOwner,
  insertMeetings,
  saveMinutes,
} from "../../cycle/meetings/index.ts";
import type { GroupRow } from "../../national/partners-group/index.ts";
import { memberIdsByName } from "./group.ts";

/**
 * The group meets every four weeks: six past meetings (minutes published to local leads for all
 * but the latest, which is still a draft for the group) and three to come.
 */
export async function seedGroupMeetings(db: Db, audit: AuditContext, group: GroupRow, today = londonToday()) {
  const owner: MeetingOwner = { groupId: group.id };
  const dates = Array.from({ length: 9 }, (_, index) => addDays(today, (index - 6) * 28 + 5));
  // Past dates too: the schedule form only takes future ones.
  const rows = await insertMeetings(
    db,
    dates.map((meetingDate) => ({
      groupId: group.id,
      meetingDate,
      title: "National partners group meeting",
      startTime: "14:00",
      location: "Online",
    })),
  );
  const members = [...(await memberIdsByName(db, group.id)).values()];
  for (const [index, meeting] of rows.entries()) {
    await addAgendaItem(db, audit, owner, meeting.id, {
      title: "Support requests and unmet demand",
      presenter: "Coordinator",
    });
    await addAgendaItem(db, audit, owner, meeting.id, { title: "Joint plan of support: progress", presenter: "" });
    if (index >= 6) continue;
    await saveMinutes(
      db,
      audit,
      owner,
      meeting.id,
      {
        minutes: `<p>The group reviewed open support requests and the unmet demand figures (meeting ${index + 1}, fictional).</p><p>Members agreed to prioritise small-area data and consultation support.</p>`,
        sharedWithNational: index < 5 ? "yes" : undefined,
        peoplePresent: "",
        peopleApologies: "",
      },
      members.map((member, position) => ({
        organisationId: member.organisationId,
        personName: "",
        status: position % 4 === 3 ? "apologies" : "present",
      })),
    );
    await addDecision(db, audit, owner, meeting.id, "Publish the refreshed self-assessment framework in the hub.");
    await addAction(db, audit, owner, meeting.id, {
      description: "Share the unmet demand figures with local leads",
      owner: "Coordinator",
      dueDate: addDays(meeting.meetingDate, 21),
      strategyActionId: "",
    });
  }
}
