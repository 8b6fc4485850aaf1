import { z } from "zod";
import { type EvidenceKind, signOffRoles, typedEvidenceKinds } from "./evidence.ts";
import { httpUrl, optionalText, requiredDate, requiredText } from "../../kernel/forms/index.ts";

const year = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^\d{4}$/, `Enter the ${label} as a 4-digit year, like 2025`)
    .transform(Number)
    .refine((value) => value >= 2000 && value <= 2100, `The ${label} must be between 2000 and 2100`);

export const strategyForm = z
  .object({
    startYear: year("first year"),
    endYear: year("last year"),
    vision: requiredText("Enter the shared vision", 5000),
    governance: optionalText(),
    monitoringArrangements: optionalText(),
    workforceDevelopment: optionalText(),
    status: z.enum(["draft", "signed-off"], { error: "Select the strategy's status" }),
  })
  .refine((value) => value.endYear > value.startYear, {
    path: ["endYear"],
    message: "The last year must be after the first year",
  })
  .refine((value) => value.endYear - value.startYear <= 6, {
    path: ["endYear"],
    message: "A strategy usually covers 3 to 4 years: the period must be 6 years or fewer",
  });
export type StrategyInput = z.infer<typeof strategyForm>;

export const priorityForm = z.object({
  title: requiredText("Enter the priority's title", 200),
  description: optionalText(),
  position: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 100),
      "Order must be a whole number from 1 to 100",
    ),
});
export type PriorityInput = z.infer<typeof priorityForm>;

export const choiceForm = z.object({
  option: requiredText("Enter the option considered", 500),
  intendedImpact: optionalText(),
  chosen: z
    .enum(["yes", "no"], { error: "Select whether this option was chosen" })
    .transform((value) => value === "yes"),
  reason: requiredText("Enter the reason for the decision", 5000),
});
export type ChoiceInput = z.infer<typeof choiceForm>;

export const relatedForm = z.object({
  name: requiredText("Enter the related strategy's name", 300),
  owner: optionalText(300),
  url: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(httpUrl("link").nullable()),
  relationship: requiredText("Describe how it relates to this strategy", 2000),
});
export type RelatedInput = z.infer<typeof relatedForm>;

export const signOffForm = z.object({
  name: requiredText("Enter who signed off the strategy", 200),
  role: z.enum(signOffRoles, { error: "Select the role of the person or body who signed off" }),
  signedOn: requiredDate("date of sign-off"),
});
export type SignOffInput = z.infer<typeof signOffForm>;

export const evidenceForm = z.object({
  kind: z.enum(typedEvidenceKinds, { error: "Select the kind of evidence" }),
  referenceId: requiredText("Enter the evidence reference, like an indicator id", 200),
  label: requiredText("Enter a label people will see for this evidence", 300),
});
/** A link to save: typed kinds come from the form, a theme only from a checked choice. */
export type EvidenceInput = Omit<z.infer<typeof evidenceForm>, "kind"> & { kind: EvidenceKind };
