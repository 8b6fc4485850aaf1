import { z } from "zod";
import { authorityTypeKeys } from "./coverage.ts";

export const governanceForm = z.object({
  authorityType: z.enum(authorityTypeKeys, { error: "Select the type of responsible authority" }),
  healthBoardsExpected: z.coerce
    .number({ error: "Enter the number of health boards as a whole number" })
    .int("Enter the number of health boards as a whole number")
    .min(1, "Enter at least 1 health board")
    .max(14, "Scotland has 14 health boards: enter 14 or fewer")
    .default(1),
  reportsTo: z.string().trim().max(300, "Executive body must be 300 characters or fewer").default(""),
  chairName: z.string().trim().max(200, "Chair's name must be 200 characters or fewer").default(""),
  chairIsElectedMember: z.enum(["yes", "no"], { error: "Select whether the chair is an elected member" }),
  termsOfReference: z.string().max(50_000, "Terms of reference must be 50,000 characters or fewer").default(""),
});
export type GovernanceForm = z.infer<typeof governanceForm>;
