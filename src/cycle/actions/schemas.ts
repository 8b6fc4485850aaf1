import { z } from "zod";
import { checkboxList, moneyField, optionalDate, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { parsePeriod } from "../../data/indicators/index.ts";
import { formatDate } from "../../kernel/time.ts";
import { budgetArrangements, familyTypes } from "./vocabulary.ts";

export const actionFlags = ["income-maximisation", "protected-characteristics"] as const;

export const actionForm = z
  .object({
    reference: optionalText(20),
    title: requiredText("Enter the action's title", 300),
    description: optionalText(),
    priorityIds: checkboxList(),
    leadOrganisationId: z.uuid({ error: "Select the lead partner organisation" }),
    partnerIds: checkboxList(),
    startDate: optionalDate("start date"),
    endDate: optionalDate("end date"),
    drivers: checkboxList(),
    familyTypes: checkboxList(familyTypes.map((item) => item.code)),
    flags: checkboxList(actionFlags),
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    path: ["endDate"],
    message: "The end date must be the same as or after the start date",
  });
export type ActionInput = z.infer<typeof actionForm>;

export const budgetForm = z.object({
  financialYear: z
    .string({ error: "Enter the financial year" })
    .trim()
    .regex(/^\d{4}\/\d{2}$/, "Enter the financial year like 2025/26")
    .refine(
      (value) => Number(value.slice(5)) === (Number(value.slice(0, 4)) + 1) % 100,
      "The financial year must be two consecutive years, like 2025/26",
    ),
  amountPence: moneyField("amount", true),
  source: requiredText("Enter where the money comes from", 300),
  arrangement: z.enum(budgetArrangements, {
    error: "Select whether the budget is pooled, aligned or from one organisation",
  }),
});
export type BudgetInput = z.infer<typeof budgetForm>;

const optionalNumber = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const number = Number(value.replace(/,/g, ""));
      if (!Number.isFinite(number))
        ctx.addIssue({ code: "custom", message: `The ${label} must be a number, like 12.5` });
      return number;
    });

/**
 * An indicator chosen from the catalogue (by slug, from a list of names) with its baseline and
 * target. A target needs a baseline to measure from, each value its period or date, and the target
 * date must fall after the baseline period. Whether the indicator has values for the area is the
 * route's check (it needs the database).
 */
export const indicatorForm = z
  .object({
    indicatorRef: z.string({ error: "Select the indicator" }).trim().min(1, "Select the indicator").max(200),
    /** "area" (or nothing): the partnership's whole area; otherwise one of its localities. */
    localityId: z.preprocess(
      (value) => (value === undefined || value === "" || value === "area" ? null : value),
      z.uuid("Choose the partnership's area or one of its localities").nullable(),
    ),
    baseline: optionalNumber("baseline"),
    baselinePeriod: optionalText(50),
    target: optionalNumber("target"),
    targetDate: optionalDate("target date"),
  })
  .superRefine((value, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const period = value.baselinePeriod ? parsePeriod(value.baselinePeriod) : null;
    if (value.baselinePeriod && !period)
      issue("baselinePeriod", "Enter the baseline period like 2023/24 (financial year), 2023, 2023 Q1 or 2023-03");
    if (value.baseline !== null && !value.baselinePeriod)
      issue("baselinePeriod", "Enter the period the baseline value is for, like 2023/24");
    if (value.baseline === null && value.baselinePeriod && value.target === null)
      issue("baseline", "Enter the baseline value for the baseline period");
    if (value.target !== null && value.baseline === null)
      issue("baseline", "Enter a baseline: a target needs a baseline to measure progress from");
    if (value.target !== null && !value.targetDate) issue("targetDate", "Enter the date the target is to be met by");
    if (value.target === null && value.targetDate)
      issue("target", "Enter the target value to be met by the target date");
    if (period && value.targetDate && value.targetDate <= period.endDate)
      issue(
        "targetDate",
        `The target date must be after the end of the baseline period (${formatDate(period.endDate)})`,
      );
  });
/** What is stored: the form's fields and the indicator's name as it was when chosen. */
/** Measured for the partnership's area unless a locality is given. */
export type IndicatorInput = Omit<z.infer<typeof indicatorForm>, "localityId"> & {
  label: string;
  localityId?: string | null;
};

export const milestoneForm = z.object({
  title: requiredText("Enter the milestone", 300),
  dueDate: optionalDate("due date"),
});
export type MilestoneInput = z.infer<typeof milestoneForm>;

export const listFilters = z.object({
  priority: z.uuid().optional().catch(undefined),
  driver: z.string().max(60).optional().catch(undefined),
  partner: z.uuid().optional().catch(undefined),
  rag: z.string().max(20).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
});
export type ListFilters = z.infer<typeof listFilters>;
