import type { Executor } from "../../kernel/db/database.ts";
import { actionChoices } from "../actions/index.ts";
import { addDays, londonToday } from "../../kernel/time.ts";
import { insertAction, insertDecision, insertMeetings, replaceAttendance } from "./repository.ts";

/**
 * Fictional meetings for the demo: six past four-weekly meetings (the latest still needing
 * minutes), three upcoming, with decisions and actions arising (one overdue).
 */
export async function seedMeetingsDemo(
  db: Executor,
  partnershipId: string,
  memberOrganisationIds: string[],
  today = londonToday(),
): Promise<void> {
  const dates = Array.from({ length: 9 }, (_, index) => addDays(today, (index - 6) * 28 + 3));
  const rows = await insertMeetings(
    db,
    dates.map((meetingDate, index) => ({
      partnershipId,
      meetingDate,
      title: "Partnership meeting",
      startTime: "10:00",
      location: index % 2 ? "Online" : "Council offices, committee room 2",
      minutes:
        index < 5
          ? `<p>The partnership reviewed progress on the action plan (meeting ${index + 1} of the year).</p><p>Partners shared updates on income maximisation referrals.</p>`
          : null,
      minutesRecordedAt: index < 5 ? new Date(`${addDays(meetingDate, 2)}T12:00:00Z`) : null,
      sharedWithNational: index === 4,
    })),
  );
  for (const [index, meeting] of rows.slice(0, 5).entries()) {
    await replaceAttendance(
      db,
      { partnershipId },
      meeting.id,
      memberOrganisationIds.map((organisationId, position) => ({
        organisationId,
        personName: "",
        status: (position + index) % 5 === 4 ? "apologies" : "present",
      })),
    );
    await insertDecision(db, {
      partnershipId,
      meetingId: meeting.id,
      text: "Noted the progress report and agreed the next quarter's priorities.",
    });
  }
  const latest = rows[4]!;
  await insertDecision(db, {
    partnershipId,
    meetingId: latest.id,
    text: "Agreed to fund two additional welfare rights advisers through the pooled budget.",
  });
  const [linked] = await actionChoices(db, partnershipId);
  await insertAction(db, {
    partnershipId,
    meetingId: latest.id,
    description: "Map advice services offered in GP practices",
    owner: "Health board",
    dueDate: addDays(today, -7),
    strategyActionId: linked?.id ?? null,
  });
  await insertAction(db, {
    partnershipId,
    meetingId: latest.id,
    description: "Draft the annual report's income maximisation section",
    owner: "Child poverty lead",
    dueDate: addDays(today, 21),
    status: "in-progress",
  });
}
