import { z } from "zod";
import { moneyField, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { isFinancialYear } from "../../kernel/time.ts";
import { startYearOf, yearsBetween } from "./funding-plan.ts";
import { contributionKinds } from "./schemas.ts";

export const flexibilities = ["flexible", "ring-fenced"] as const;
export const fundingStatuses = ["committed", "indicative"] as const;
export const flexibilityLabels = { flexible: "Flexible", "ring-fenced": "Ring-fenced" } as const;
export const statusLabels = { committed: "Committed", indicative: "Indicative" } as const;

/** The stream form has one amount row per year; five covers the 3–5 year plans partnerships make. */
export const MAX_STREAM_YEARS = 5;
export const yearSlots = Array.from({ length: MAX_STREAM_YEARS }, (_, index) => index + 1);

const financialYear = (what: string) =>
  z
    .string({ error: `Enter the ${what}, like 2025/26` })
    .trim()
    .min(1, `Enter the ${what}, like 2025/26`)
    .refine(isFinancialYear, `Enter the ${what} in the format 2025/26`);

const slotFields = Object.fromEntries(
  yearSlots.flatMap((slot) => [
    [`amount${slot}`, moneyField(`amount for year ${slot}`)],
    [`status${slot}`, z.enum(fundingStatuses).optional().catch(undefined)],
  ]),
  // Typed as no keys, so the object's own fields keep their types; slots are read through slotsOf.
) as Record<never, z.ZodType>;
type Slots = {
  [key: `amount${number}`]: number | null;
  [key: `status${number}`]: "committed" | "indicative" | undefined;
};
const slotsOf = (form: unknown) => form as Slots;

export const streamForm = z
  .object({
    name: requiredText("Enter the name of the funding stream", 200),
    sourceType: z.enum(["member", "external"], {
      error: "Select whether the money comes from a partner or another funder",
    }),
    sourceOrganisationId: z.string().trim().optional().default(""),
    externalFunder: z
      .string()
      .trim()
      .max(200, "The funder's name must be 200 characters or fewer")
      .optional()
      .default(""),
    kind: z.enum(contributionKinds, { error: "Select whether the stream is pooled or aligned" }),
    flexibility: z.enum(flexibilities, { error: "Select whether the stream is flexible or ring-fenced" }),
    firstYear: financialYear("first financial year"),
    lastYear: financialYear("last financial year"),
    conditions: optionalText(2000),
    ...slotFields,
  })
  .superRefine((form, ctx) => {
    if (form.sourceType === "member" && !z.uuid().safeParse(form.sourceOrganisationId).success)
      ctx.addIssue({ code: "custom", path: ["sourceOrganisationId"], message: "Select the partner organisation" });
    if (form.sourceType === "external" && !form.externalFunder)
      ctx.addIssue({ code: "custom", path: ["externalFunder"], message: "Enter the name of the funder" });
    if (!isFinancialYear(form.firstYear) || !isFinancialYear(form.lastYear)) return;
    const span = startYearOf(form.lastYear) - startYearOf(form.firstYear) + 1;
    if (span < 1) {
      ctx.addIssue({
        code: "custom",
        path: ["lastYear"],
        message: "The last financial year must be the same as or after the first",
      });
      return;
    }
    if (span > MAX_STREAM_YEARS) {
      ctx.addIssue({
        code: "custom",
        path: ["lastYear"],
        message: `A stream can cover at most ${MAX_STREAM_YEARS} financial years: record a longer programme as two streams`,
      });
      return;
    }
    const years = yearsBetween(form.firstYear, form.lastYear);
    for (const slot of yearSlots) {
      const amount = slotsOf(form)[`amount${slot}`];
      const status = slotsOf(form)[`status${slot}`];
      if (slot <= span) {
        if (amount === null)
          ctx.addIssue({ code: "custom", path: [`amount${slot}`], message: `Enter the amount for ${years[slot - 1]}` });
        if (!status)
          ctx.addIssue({
            code: "custom",
            path: [`status${slot}`],
            message: `Select whether the money for ${years[slot - 1]} is committed or indicative`,
          });
      } else if (amount !== null && amount !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [`amount${slot}`],
          message: `Year ${slot} is after the last financial year (${form.lastYear}): leave it empty or change the last year`,
        });
      }
    }
  })
  .transform((form) => ({
    name: form.name,
    sourceOrganisationId: form.sourceType === "member" ? form.sourceOrganisationId : null,
    externalFunder: form.sourceType === "external" ? form.externalFunder : "",
    kind: form.kind,
    flexibility: form.flexibility,
    firstYear: form.firstYear,
    lastYear: form.lastYear,
    conditions: form.conditions,
    years: yearsBetween(form.firstYear, form.lastYear).map((financialYear, index) => ({
      financialYear,
      amountPence: slotsOf(form)[`amount${index + 1}`] ?? 0,
      status: slotsOf(form)[`status${index + 1}`] ?? ("indicative" as const),
    })),
  }));
export type StreamInput = z.output<typeof streamForm>;

export const allocationForm = z.object({
  actionId: z.uuid({ error: "Select the action" }),
  financialYear: financialYear("financial year"),
  amount: moneyField("amount", true).refine((pence) => pence === null || pence > 0, "The amount must be more than £0"),
  status: z.enum(fundingStatuses, { error: "Select whether the allocation is committed or indicative" }),
});
export type AllocationInput = z.output<typeof allocationForm>;
