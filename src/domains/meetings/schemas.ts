import { z } from "zod";
import { isoFromParts } from "./dates.ts";

const text = (field: string, max: number) =>
  z.string({ error: `Enter ${field}` }).trim().min(1, `Enter ${field}`).max(max, `${field[0]!.toUpperCase()}${field.slice(1)} must be ${max} characters or fewer`);
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).default("");

const dateParts = (prefix: string) => ({
  [`${prefix}-day`]: z.string().default(""),
  [`${prefix}-month`]: z.string().default(""),
  [`${prefix}-year`]: z.string().default(""),
});

/** The ISO date from the GOV.UK date input's three fields, or an issue on the day field. */
function readDate(value: Record<string, unknown>, prefix: string, label: string, ctx: z.RefinementCtx): string {
  const parts = ["day", "month", "year"].map((part) => String(value[`${prefix}-${part}`] ?? ""));
  if (parts.every((part) => part.trim() === "")) {
    ctx.addIssue({ code: "custom", path: [`${prefix}-day`], message: `Enter ${label}` });
    return "";
  }
  const iso = isoFromParts(parts[0]!, parts[1]!, parts[2]!);
  if (!iso) ctx.addIssue({ code: "custom", path: [`${prefix}-day`], message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a real date` });
  return iso ?? "";
}

export const scheduleForm = z
  .object({
    ...dateParts("firstDate"),
    title: optionalText(200, "Title must be 200 characters or fewer").transform((value) => value || "Partnership meeting"),
    startTime: z
      .string()
      .trim()
      .default("")
      .refine((value) => value === "" || /^([01]?\d|2[0-3]):[0-5]\d$/.test(value), "Enter a start time like 10:00 or 14:30"),
    location: optionalText(200, "Location must be 200 characters or fewer"),
    count: z.coerce.number({ error: "Enter the number of meetings as a whole number" }).int("Enter the number of meetings as a whole number").min(1, "Enter at least 1 meeting").max(26, "Schedule 26 meetings or fewer at a time").default(1),
    intervalWeeks: z.coerce.number({ error: "Enter the weeks between meetings as a whole number" }).int("Enter the weeks between meetings as a whole number").min(1, "Enter at least 1 week between meetings").max(13, "Enter 13 weeks or fewer between meetings").default(4),
  })
  .transform((value, ctx) => ({ ...value, firstDate: readDate(value, "firstDate", "the date of the first meeting", ctx) }));
export type ScheduleForm = z.infer<typeof scheduleForm>;

export const agendaForm = z.object({
  title: text("the agenda item", 300),
  presenter: optionalText(200, "Presenter must be 200 characters or fewer"),
});

export const decisionForm = z.object({ decision: text("the decision", 2000) });

export const actionStatuses = ["open", "in-progress", "done"] as const;
export const actionStatusLabels: Record<(typeof actionStatuses)[number], string> = { open: "Open", "in-progress": "In progress", done: "Done" };

export const actionForm = z
  .object({
    ...dateParts("dueDate"),
    description: text("what needs to be done", 1000),
    owner: text("who owns the action", 200),
    strategyActionId: z
      .string()
      .trim()
      .default("")
      .refine((value) => value === "" || z.uuid().safeParse(value).success, "Enter a strategy action reference in the correct format, or leave it blank"),
  })
  .transform((value, ctx) => ({ ...value, dueDate: readDate(value, "dueDate", "the due date", ctx) }));
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

export const meetingParams = z.object({ id: z.uuid(), meetingId: z.uuid() });
export const meetingChildParams = z.object({ id: z.uuid(), meetingId: z.uuid(), childId: z.uuid() });
