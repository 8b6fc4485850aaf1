import { z } from "zod";
import { withDateInputs } from "../../kernel/forms/index.ts";
import { partsFromIso } from "../../kernel/time.ts";

const text = (field: string, max: number) =>
  z
    .string({ error: `Enter ${field}` })
    .trim()
    .min(1, `Enter ${field}`)
    .max(max, `${field[0]!.toUpperCase()}${field.slice(1)} must be ${max} characters or fewer`);
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).default("");

/** One GOV.UK date input, read into `prefix` before the fields are checked (kernel/forms). */
const withDate = <S extends z.ZodType>(prefix: string, schema: S) => withDateInputs([prefix], schema);

function dateField(label: string) {
  const capital = `${label[0]!.toUpperCase()}${label.slice(1)}`;
  return z
    .string()
    .min(1, `Enter ${label}`)
    .refine((value) => value !== "invalid", `${capital} must be a real date`);
}

export const scheduleForm = withDate(
  "firstDate",
  z.object({
    title: optionalText(200, "Title must be 200 characters or fewer").transform(
      (value) => value || "Partnership meeting",
    ),
    startTime: z
      .string()
      .trim()
      .default("")
      .refine(
        (value) => value === "" || /^([01]?\d|2[0-3]):[0-5]\d$/.test(value),
        "Enter a start time like 10:00 or 14:30",
      ),
    location: optionalText(200, "Location must be 200 characters or fewer"),
    count: z.coerce
      .number({ error: "Enter the number of meetings as a whole number" })
      .int("Enter the number of meetings as a whole number")
      .min(1, "Enter at least 1 meeting")
      .max(26, "Schedule 26 meetings or fewer at a time")
      .default(1),
    intervalWeeks: z.coerce
      .number({ error: "Enter the weeks between meetings as a whole number" })
      .int("Enter the weeks between meetings as a whole number")
      .min(1, "Enter at least 1 week between meetings")
      .max(13, "Enter 13 weeks or fewer between meetings")
      .default(4),
    firstDate: dateField("the date of the first meeting"),
  }),
);
export type ScheduleForm = z.infer<typeof scheduleForm>;

export const meetingEditForm = withDate(
  "meetingDate",
  z.object({
    title: text("a title", 200),
    startTime: z
      .string()
      .trim()
      .default("")
      .refine(
        (value) => value === "" || /^([01]?\d|2[0-3]):[0-5]\d$/.test(value),
        "Enter a start time like 10:00 or 14:30",
      ),
    location: optionalText(200, "Location must be 200 characters or fewer"),
    meetingDate: dateField("the date of the meeting"),
  }),
);
export type MeetingEditForm = z.infer<typeof meetingEditForm>;

/** The details form's values for a stored meeting (its date as the GOV.UK date input's three fields). */
export function meetingEditValues(meeting: {
  title: string;
  startTime: string;
  location: string;
  meetingDate: string;
}): Record<string, string> {
  const date = partsFromIso(meeting.meetingDate);
  return {
    title: meeting.title,
    startTime: meeting.startTime,
    location: meeting.location,
    "meetingDate-day": date.day,
    "meetingDate-month": date.month,
    "meetingDate-year": date.year,
  };
}

export const agendaForm = z.object({
  title: text("the agenda item", 300),
  presenter: optionalText(200, "Presenter must be 200 characters or fewer"),
});

export const decisionForm = z.object({ decision: text("the decision", 2000) });

export const actionStatuses = ["open", "in-progress", "done"] as const;
export const actionStatusLabels: Record<(typeof actionStatuses)[number], string> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
};

export const actionForm = withDate(
  "dueDate",
  z.object({
    description: text("what needs to be done", 1000),
    owner: text("who owns the action", 200),
    strategyActionId: z
      .string()
      .trim()
      .default("")
      .refine(
        (value) => value === "" || z.uuid().safeParse(value).success,
        "Select an action from the partnership's action plan, or choose not linked",
      ),
    dueDate: dateField("the due date"),
  }),
);
export type ActionForm = z.infer<typeof actionForm>;

export const actionStatusForm = z.object({ status: z.enum(actionStatuses, { error: "Select a status" }) });

export const minutesForm = z.object({
  minutes: text("the minutes", 100_000),
  sharedWithNational: z.enum(["yes"]).optional(),
  peoplePresent: optionalText(5000, "People present must be 5,000 characters or fewer"),
  peopleApologies: optionalText(5000, "Apologies must be 5,000 characters or fewer"),
});
export type MinutesForm = z.infer<typeof minutesForm>;

export const attendanceValues = ["present", "apologies", "absent"] as const;
