import type { AttendanceEntry, MeetingRecord } from "./meetings-service.ts";
import { attendanceValues } from "./schemas.ts";

/** The bodies whose attendance the minutes record (a partnership's members, or a national group's). */
export type AttendanceMembers = { organisationId: string; name: string }[];

/** Attendance from the minutes form: each member body present, absent or sent apologies, and people named one a line. */
export function attendanceFromBody(body: Record<string, unknown>, members: AttendanceMembers) {
  const errors: { field: string; message: string }[] = [];
  const entries: AttendanceEntry[] = [];
  for (const member of members) {
    const value = body[`attendance-${member.organisationId}`] ?? "absent";
    if (typeof value !== "string" || !(attendanceValues as readonly string[]).includes(value)) {
      errors.push({
        field: `attendance-${member.organisationId}`,
        message: `Select whether ${member.name} was present, sent apologies or was absent`,
      });
    } else if (value !== "absent") {
      entries.push({ organisationId: member.organisationId, personName: "", status: value as "present" | "apologies" });
    }
  }
  const lines = (value: unknown) =>
    typeof value === "string"
      ? value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
      : [];
  for (const name of lines(body.peoplePresent))
    entries.push({ organisationId: null, personName: name.slice(0, 200), status: "present" });
  for (const name of lines(body.peopleApologies))
    entries.push({ organisationId: null, personName: name.slice(0, 200), status: "apologies" });
  return { errors, entries };
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
