import { z } from "zod";
import { checkboxList } from "../../kernel/forms/index.ts";
import { parsePounds } from "../../kernel/money.ts";
import { isFinancialYear } from "../../kernel/time.ts";

export const contributionKinds = ["pooled", "aligned"] as const;
export const kindLabels: Record<(typeof contributionKinds)[number], string> = { pooled: "Pooled", aligned: "Aligned" };

export const contributionForm = z.object({
  organisationId: z.uuid({ error: "Select the partner organisation" }),
  financialYear: z
    .string({ error: "Enter the financial year, like 2025/26" })
    .trim()
    .refine(isFinancialYear, "Enter the financial year in the format 2025/26"),
  kind: z.enum(contributionKinds, { error: "Select whether the budget is pooled or aligned" }),
  amount: z
    .string({ error: "Enter the amount" })
    .trim()
    .min(1, "Enter the amount")
    .refine((value) => parsePounds(value) !== null, "Enter the amount in pounds, like 12500 or 12,500.50")
    .transform((value) => parsePounds(value)!)
    .refine((pence) => pence > 0, "The amount must be more than £0"),
  funds: z.string().trim().max(1000, "What it funds must be 1,000 characters or fewer").default(""),
  actionIds: checkboxList().refine(
    (ids) => ids.every((id) => z.uuid().safeParse(id).success),
    "Select actions from the partnership's action plan",
  ),
});
export type ContributionForm = z.infer<typeof contributionForm>;
