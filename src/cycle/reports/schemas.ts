import { z } from "zod";
import { requiredDate, requiredText } from "../../kernel/forms/index.ts";
import { signOffRoles } from "../strategy/index.ts";
import { isReportingYear, reportTypes } from "./report-types.ts";

export const newReportForm = z.object({
  type: z.enum(reportTypes, { error: "Select the kind of report" }),
  reportingYear: z
    .string({ error: "Select the reporting year" })
    .trim()
    .refine(isReportingYear, "Select the reporting year, like 2025/26"),
});
export type NewReportInput = z.infer<typeof newReportForm>;

export const narrativeForm = z.object({
  narrative: z
    .string()
    .max(100_000, "The narrative must be 100,000 characters or fewer")
    .optional()
    .transform((value) => value ?? ""),
});

export const signOffForm = z.object({
  name: requiredText("Enter the name of the person who signed off", 200),
  role: z.enum(signOffRoles, { error: "Select the role of the person who signed off" }),
  signedOn: requiredDate("date of sign-off"),
});
export type SignOffInput = z.infer<typeof signOffForm>;
