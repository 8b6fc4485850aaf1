import { z } from "zod";
import {
  checkboxList,
  type FieldDef,
  moneyField,
  optionalText,
  requiredDate,
  requiredText,
} from "../../kernel/forms/index.ts";
import { isFinancialYear } from "../../kernel/time.ts";
import { budgetArrangementLabels, budgetArrangements } from "../actions/index.ts";

/** The most options a round takes: the exact budget selection and the sensitivity draws stay quick. */
export const MAX_OPTIONS = 30;
export const MAX_CRITERIA = 10;

const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^-?\d{1,4}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);

const requiredMoney = (label: string) => moneyField(label, true).transform((value) => value ?? 0);

export const roundForm = z.object({
  title: requiredText("Enter the round's title", 200),
  budget: requiredMoney("budget available"),
  financialYear: z
    .string({ error: "Enter the financial year" })
    .trim()
    .refine(isFinancialYear, "Enter the financial year the money is for, like 2026/27"),
  topK: wholeNumber("Enter how many top places the sensitivity check looks at, a whole number from 1 to 10", 1, 10),
});
export type RoundInput = z.infer<typeof roundForm>;

export const roundFields: FieldDef[] = [
  { id: "title", label: "Title", type: "text", hint: "For example, Child poverty fund 2026/27" },
  { id: "budget", label: "Budget available", type: "money", hint: "In pounds, for example 250,000" },
  {
    id: "financialYear",
    label: "Financial year",
    type: "text",
    hint: "For example, 2026/27",
    classes: "govuk-input--width-5",
  },
  {
    id: "topK",
    label: "Top places checked for stability",
    type: "number",
    hint: "The sensitivity check gives the chance each option stays in this many top places, for example 3",
    classes: "govuk-input--width-3",
  },
];

export const bidForm = z.object({
  title: requiredText("Enter the bid's title", 300),
  description: optionalText(),
  cost: requiredMoney("cost"),
  leadOrganisationId: z.uuid({ error: "Select the lead organisation" }),
});
export type BidInput = z.infer<typeof bidForm>;

export const actionOptionForm = z.object({
  actionId: z.uuid({ error: "Select the action" }),
  cost: requiredMoney("cost"),
});
export type ActionOptionInput = z.infer<typeof actionOptionForm>;

export const directions = ["higher", "lower"] as const;
export const directionLabels = {
  higher: "A higher score is better",
  lower: "A lower score is better (for example, cost)",
};

export const criterionForm = z
  .object({
    name: requiredText("Enter the criterion's name", 200),
    description: requiredText("Describe what the criterion measures and what its scores mean", 2000),
    scaleMin: wholeNumber("Enter the lowest score, a whole number from 0 to 100", 0, 100),
    scaleMax: wholeNumber("Enter the highest score, a whole number from 1 to 100", 1, 100),
    direction: z.enum(directions, { error: "Select which end of the scale is better" }),
  })
  .refine((value) => value.scaleMax > value.scaleMin, {
    path: ["scaleMax"],
    message: "The highest score must be more than the lowest score",
  });
export type CriterionInput = z.infer<typeof criterionForm>;

export const criterionFields: FieldDef[] = [
  { id: "name", label: "Name", type: "text" },
  { id: "description", label: "Description", type: "textarea", hint: "What it measures and what the scores mean" },
  { id: "scaleMin", label: "Lowest score", type: "number", classes: "govuk-input--width-3" },
  { id: "scaleMax", label: "Highest score", type: "number", classes: "govuk-input--width-3" },
  {
    id: "direction",
    label: "Which end is better",
    type: "radios",
    items: directions.map((value) => ({ value, text: directionLabels[value] })),
  },
];

export const decisionForm = z.object({
  decidedBy: requiredText("Enter who decided, for example the partnership board", 300),
  decidedOn: requiredDate("date of the decision"),
  rationale: requiredText("Enter the reasons for the decision", 5000),
  meetingId: z.union([z.literal(""), z.uuid({ error: "Select a meeting from the list" })]).optional(),
  optionIds: checkboxList(),
  source: requiredText("Enter where the money comes from", 300),
  arrangement: z.enum(budgetArrangements, {
    error: "Select whether the budget is pooled, aligned or from one organisation",
  }),
});
export type DecisionInput = z.infer<typeof decisionForm>;

export const arrangementItems = budgetArrangements.map((value) => ({ value, text: budgetArrangementLabels[value] }));
