import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { checkboxList, optionalDate, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { supportTypeCodes } from "../support-offer/index.ts";

export const activityParams = z.object({ nation: z.enum(nations), activityId: z.uuid() });

export const activityStatuses = ["planned", "in-progress", "complete", "paused"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = {
  planned: "Planned",
  "in-progress": "In progress",
  complete: "Complete",
  paused: "Paused",
};

/** One theme a line: "Data arrives late", "Income maximisation measures thin in reports". */
const themes = z
  .string()
  .optional()
  .transform((value) => [
    ...new Set(
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(200, "Each theme must be 200 characters or fewer"))
      .max(20, "Enter 20 themes or fewer, one a line"),
  );

export const activityForm = z
  .object({
    title: requiredText("Enter the activity's title", 200),
    description: optionalText(5_000),
    leadMemberId: z.union([z.literal(""), z.uuid({ error: "Select the lead body" })]).default(""),
    supportType: z.enum(supportTypeCodes, { error: "Select the type of support" }),
    startDate: optionalDate("start date"),
    endDate: optionalDate("end date"),
    status: z.enum(activityStatuses, { error: "Select the activity's status" }),
    themes,
    requestIds: checkboxList().pipe(z.array(z.uuid({ error: "Select requests from the list" }))),
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    path: ["endDate"],
    message: "The end date must be the same as or after the start date",
  });
export type ActivityForm = z.infer<typeof activityForm>;

export const progressForm = z.object({
  body: requiredText("Enter the progress update", 5_000),
  status: z.enum(activityStatuses, { error: "Select the activity's status" }),
});
export type ProgressForm = z.infer<typeof progressForm>;
