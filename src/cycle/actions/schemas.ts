import { z } from "zod";
import { checkboxList, moneyField, optionalDate, optionalText, requiredText } from "../../kernel/forms/index.ts";
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

export const indicatorForm = z.object({
  indicatorRef: requiredText("Enter the indicator id", 200),
  label: requiredText("Enter the indicator's name", 300),
  baseline: optionalNumber("baseline"),
  baselinePeriod: optionalText(50),
  target: optionalNumber("target"),
  targetDate: optionalDate("target date"),
});
export type IndicatorInput = z.infer<typeof indicatorForm>;

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
