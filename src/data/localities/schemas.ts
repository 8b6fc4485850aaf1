import { z } from "zod";

/** Codes pasted one per line or separated by commas/spaces, plus ticked checkboxes. */
export const localityForm = z.object({
  name: z.string().trim().min(1, "Enter a name for the locality").max(200, "The name must be 200 characters or fewer"),
  description: z.string().trim().max(2000, "The description must be 2,000 characters or fewer").default(""),
  codes: z.string().max(200_000, "Paste fewer codes (at most a few thousand)").default(""),
  areas: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => [value ?? []].flat()),
});
export type LocalityForm = z.infer<typeof localityForm>;

export const profileGroupQuery = z.object({ group: z.uuid().optional().catch(undefined) });

export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}
