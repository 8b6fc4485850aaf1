import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { checkboxList, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { offerFormatCodes, supportTypeCodes } from "./vocabulary.ts";

export const offerParams = z.object({ nation: z.enum(nations), offerId: z.uuid() });

export const offerStatuses = ["available", "paused"] as const;
export const offerStatusLabels: Record<(typeof offerStatuses)[number], string> = {
  available: "Available",
  paused: "Paused: not taking new requests",
};

export const offerForm = z.object({
  title: requiredText("Enter the offer's title", 200),
  supportType: z.enum(supportTypeCodes, { error: "Select the type of support" }),
  description: requiredText("Describe the offer", 5_000),
  audience: optionalText(500),
  format: z.enum(offerFormatCodes, { error: "Select how the support is given" }),
  capacity: optionalText(500),
  howToRequest: optionalText(2_000),
  status: z.enum(offerStatuses, { error: "Select whether the offer is available" }),
  providerIds: checkboxList().pipe(
    z.array(z.uuid({ error: "Select the bodies that provide it" })).min(1, "Select at least one body that provides it"),
  ),
});
export type OfferForm = z.infer<typeof offerForm>;

/** The catalogue's and the matrix's filters; anything unexpected means "all". */
export const offerQuery = z.object({
  type: z.enum(supportTypeCodes).optional().catch(undefined),
  provider: z.uuid().optional().catch(undefined),
  format: z.enum(offerFormatCodes).optional().catch(undefined),
  status: z.enum(offerStatuses).optional().catch(undefined),
});
export type OfferQuery = z.infer<typeof offerQuery>;
/** The matrix's filters: how the support is given and whether it is taking requests (unknown values ignored). */
export const matrixQuery = offerQuery.pick({ format: true, status: true });
export type MatrixQuery = z.infer<typeof matrixQuery>;
