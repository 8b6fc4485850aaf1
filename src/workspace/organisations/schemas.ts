import { z } from "zod";
import { GSS_CODE_PATTERN, organisationTypeSlugs } from "./types.ts";

export const organisationForm = z.object({
  name: z
    .string({ error: "Enter the organisation's name" })
    .trim()
    .min(1, "Enter the organisation's name")
    .max(200, "Name must be 200 characters or fewer"),
  type: z.enum(organisationTypeSlugs, { error: "Select the type of organisation" }),
  gssCode: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || GSS_CODE_PATTERN.test(value), {
      message: "Enter a GSS code in the correct format, like S08000030, or leave it blank",
    }),
});

export type OrganisationInput = z.infer<typeof organisationForm>;
