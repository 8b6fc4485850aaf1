import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { AREA_CODE_FORMAT, areaCodeMatchesNation, areaCodeMismatchMessage } from "./area-codes.ts";

const text = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);

export const partnershipForm = z
  .object({
    name: text("Enter the partnership's name", 200),
    nation: z.enum(nations, { error: "Select the nation" }),
    areaCode: z
      .string({ error: "Enter the area's GSS code" })
      .trim()
      .toUpperCase()
      .min(1, "Enter the area's GSS code")
      .regex(AREA_CODE_FORMAT, "Enter a GSS code in the correct format, like E06000005 or S12000042"),
    areaName: text("Enter the area's name", 200),
  })
  .superRefine((value, context) => {
    // Only compare when both fields are themselves valid; their own messages cover the rest.
    if (!nations.includes(value.nation) || !AREA_CODE_FORMAT.test(value.areaCode ?? "")) return;
    if (!areaCodeMatchesNation(value.areaCode, value.nation)) {
      context.addIssue({ code: "custom", path: ["areaCode"], message: areaCodeMismatchMessage(value.nation) });
    }
  });

export type PartnershipInput = z.infer<typeof partnershipForm>;

export const memberForm = z.object({
  organisationId: z.uuid({ error: "Select an organisation" }),
  role: z
    .string()
    .trim()
    .max(200, "Role must be 200 characters or fewer")
    .optional()
    .transform((value) => value ?? ""),
});

export type MemberInput = z.infer<typeof memberForm>;
