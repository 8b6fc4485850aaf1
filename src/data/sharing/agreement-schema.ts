import { z } from "zod";
import { checkboxList, optionalText, requiredText, withDateInputs } from "../../kernel/forms/index.ts";
import { partsFromIso } from "../../kernel/time.ts";
import type { SharingAgreementRow } from "./repository.ts";
import { checkConditions, normaliseConditions, termsShape, termsValues } from "./terms-schema.ts";
import { dpiaStatuses, storedStatuses } from "./vocabulary.ts";

export const dateFields = [
  { id: "startDate", label: "start date", required: true },
  { id: "reviewDate", label: "review date", required: true },
  { id: "endDate", label: "end date", required: false },
] as const;

/** The GOV.UK date inputs, each read into its id before the fields are checked (kernel/forms). */
const withDates = <S extends z.ZodType>(schema: S) =>
  withDateInputs(
    dateFields.map((field) => field.id),
    schema,
  );

const dateField = (label: string, required: boolean) =>
  z
    .string()
    .refine((value) => !required || value !== "", `Enter the ${label}`)
    .refine((value) => value !== "invalid", `The ${label} must be a real date, like 31 3 2027`)
    .transform((value) => value || null);

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export const agreementSchema = withDates(
  z
    .object({
      title: requiredText("Enter a title for the agreement", 300),
      parties: checkboxList(),
      externalParties: optionalText(5000).transform(lines),
      ...termsShape,
      dpiaStatus: z.enum(dpiaStatuses, { error: "Select the status of the data protection impact assessment" }),
      dpiaReference: optionalText(200),
      startDate: dateField("start date", true),
      reviewDate: dateField("review date", true),
      endDate: dateField("end date", false),
      status: z.enum(storedStatuses, { error: "Select the status of the agreement" }),
    })
    .superRefine((value, ctx) => {
      checkConditions(value, ctx);
      if (value.parties.length + value.externalParties.length < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["parties"],
          message: "Select at least two parties, or name the other organisations",
        });
      }
      if (value.dpiaStatus === "completed" && !value.dpiaReference) {
        ctx.addIssue({ code: "custom", path: ["dpiaReference"], message: "Enter the reference of the completed DPIA" });
      }
      const { startDate, reviewDate, endDate } = value;
      if (startDate && reviewDate && reviewDate <= startDate) {
        ctx.addIssue({ code: "custom", path: ["reviewDate"], message: "The review date must be after the start date" });
      }
      if (endDate && reviewDate && endDate < reviewDate) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: "The end date must be on or after the review date",
        });
      }
    })
    .transform((value) => ({
      ...normaliseConditions(value),
      startDate: value.startDate!,
      reviewDate: value.reviewDate!,
    })),
);
export type AgreementInput = z.output<typeof agreementSchema>;

/** A stored agreement as the form's values (each date split into its three inputs). */
export function agreementValues(row: SharingAgreementRow): Record<string, unknown> {
  const values: Record<string, unknown> = {
    ...termsValues(row),
    parties: row.partyOrganisationIds,
    externalParties: row.externalParties.join("\n"),
  };
  for (const { id } of dateFields) {
    const parts = partsFromIso(row[id]);
    values[`${id}-day`] = parts.day;
    values[`${id}-month`] = parts.month;
    values[`${id}-year`] = parts.year;
  }
  return values;
}
