import { z } from "zod";
import { ragNeedsReason, ragStatuses } from "../actions/index.ts";
import { checkboxList, httpUrl, moneyField, optionalCount, optionalText } from "../../kernel/forms/index.ts";
import { parsePeriod } from "./periods.ts";

const urlList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(z.array(httpUrl("evidence link")).max(20, "Add at most 20 evidence links"));

export const updateForm = z
  .object({
    period: z
      .string({ error: "Select the reporting period" })
      .trim()
      .refine((value) => parsePeriod(value) !== null, "Select the reporting period, like 2025/26 Q1"),
    status: z.enum(ragStatuses, { error: "Select the status" }),
    reason: optionalText(2000),
    percentComplete: z
      .string({ error: "Enter the percentage complete" })
      .trim()
      .min(1, "Enter the percentage complete")
      .regex(/^\d{1,3}$/, "Percentage complete must be a whole number from 0 to 100")
      .transform(Number)
      .refine((value) => value <= 100, "Percentage complete must be a whole number from 0 to 100"),
    narrative: optionalText(10000),
    spendToDatePence: moneyField("spend to date"),
    peopleReached: optionalCount("People reached"),
    familiesReached: optionalCount("Families reached"),
    evidenceUrls: urlList,
    milestoneIds: checkboxList(),
  })
  .superRefine((value, ctx) => {
    if ((ragNeedsReason as readonly string[]).includes(value.status) && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `Enter the reason the action is ${value.status}` });
    }
    if (value.status === "complete" && value.percentComplete !== 100) {
      ctx.addIssue({
        code: "custom",
        path: ["percentComplete"],
        message: "An action marked complete must be 100% complete",
      });
    }
  });
export type UpdateInput = z.infer<typeof updateForm>;
