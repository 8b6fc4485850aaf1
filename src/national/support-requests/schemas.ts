import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { driverOptions } from "../../cycle/actions/index.ts";
import { checkboxList, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { supportTypeCodes } from "../support-offer/index.ts";
import { requestStatuses, urgencies } from "./vocabulary.ts";

export const hubRequestParams = z.object({ nation: z.enum(nations), requestId: z.uuid() });
export const partnershipRequestParams = z.object({ id: z.uuid(), requestId: z.uuid() });

/** The request form for a partnership of `nation`: drivers are that nation's framework. */
export function requestForm(nation: string) {
  const driverCodes = driverOptions(nation).map((option) => option.code);
  return z.object({
    supportType: z.enum(supportTypeCodes, { error: "Select the type of support you need" }),
    topic: requiredText("Enter what the support is about", 200),
    drivers: checkboxList().pipe(
      z.array(z.string()).refine((codes) => codes.every((code) => driverCodes.includes(code)), {
        message: "Select drivers from the list",
      }),
    ),
    urgency: z.enum(urgencies, { error: "Select how soon you need the support" }),
    preferredMemberId: z
      .union([z.literal(""), z.uuid({ error: "Select a provider from the list, or any" })])
      .default(""),
    details: requiredText("Describe the support you need", 5_000),
  });
}
export type RequestForm = z.infer<ReturnType<typeof requestForm>>;

export const assignForm = z.object({
  memberId: z.uuid({ error: "Select the body that will answer the request" }),
  note: optionalText(5_000),
});

export const declineForm = z.object({
  reason: requiredText("Enter why the request is declined: the partnership reads this", 2_000),
});

export const mergeForm = z.object({
  targetId: z.uuid({ error: "Select the request this one duplicates" }),
});

export const replyForm = z.object({
  body: requiredText("Enter your message", 10_000),
  /** Hub side only: a note the partnership never reads. */
  visibility: z.enum(["message", "note"]).default("message"),
  moveTo: z.union([z.literal(""), z.enum(requestStatuses)]).default(""),
});
export type ReplyForm = z.infer<typeof replyForm>;

export const closeForm = z.object({
  rating: z.coerce
    .number({ error: "Select how helpful the support was" })
    .int("Select how helpful the support was")
    .min(1, "Select how helpful the support was")
    .max(5, "Select how helpful the support was"),
  feedback: optionalText(2_000),
});
export type CloseForm = z.infer<typeof closeForm>;

/** The hub's request list filters; anything unexpected means "all". */
export const requestQuery = z.object({
  status: z
    .enum([...requestStatuses, "open", "all"])
    .catch("open")
    .default("open"),
  type: z.enum(supportTypeCodes).optional().catch(undefined),
  assigned: z
    .union([z.literal("mine"), z.literal("unassigned"), z.uuid()])
    .optional()
    .catch(undefined),
});
export type RequestQuery = z.infer<typeof requestQuery>;
