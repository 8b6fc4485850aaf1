import type { AttendanceEntry, MeetingRecord } from "./meetings-service.ts";
import { z } from "zod";
import { attendanceValues, type MinutesForm, minutesForm } from "./schemas.ts";

/** The bodies whose attendance the minutes record (a partnership's members, or a national group's). */
export type AttendanceMembers = { organisationId: string; name: string }[];

/**
 * The minutes form for these member bodies: the minutes, each body present, absent or sent apologies
 * (`attendance-<organisation id>`, absent when not sent), and people named one a line; the parsed
 * form carries the attendance entries to save.
 */
export function minutesSchema(members: AttendanceMembers) {
  const bodies = Object.fromEntries(
    members.map((member) => [
      `attendance-${member.organisationId}`,
      z
        .enum(attendanceValues, {
          message: `Select whether ${member.name} was present, sent apologies or was absent`,
        })
        .default("absent"),
    ]),
  );
  return minutesForm.extend(bodies).transform((parsed): MinutesForm & { attendance: AttendanceEntry[] } => {
    const data = parsed as MinutesForm & Record<string, unknown>;
    const attendance: AttendanceEntry[] = [];
    for (const member of members) {
      const status = data[`attendance-${member.organisationId}`];
      if (status === "present" || status === "apologies")
        attendance.push({ organisationId: member.organisationId, personName: "", status });
    }
    const lines = (value: string | undefined) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    for (const name of lines(data.peoplePresent))
      attendance.push({ organisationId: null, personName: name.slice(0, 200), status: "present" });
    for (const name of lines(data.peopleApologies))
      attendance.push({ organisationId: null, personName: name.slice(0, 200), status: "apologies" });
    return { ...data, attendance };
  });
}

/** The minutes form filled from the recorded minutes and attendance. */
export function minutesValues(record: Pick<MeetingRecord, "meeting" | "attendance">) {
  const { meeting, attendance } = record;
  const values: Record<string, string> = {
    minutes: meeting.minutes ?? "",
    sharedWithNational: meeting.sharedWithNational ? "yes" : "",
    peoplePresent: attendance
      .filter((row) => !row.organisationId && row.status === "present")
      .map((row) => row.personName)
      .join("\n"),
    peopleApologies: attendance
      .filter((row) => !row.organisationId && row.status === "apologies")
      .map((row) => row.personName)
      .join("\n"),
  };
  for (const row of attendance) if (row.organisationId) values[`attendance-${row.organisationId}`] = row.status;
  return values;
}
