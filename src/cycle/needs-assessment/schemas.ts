import { z } from "zod";
import { httpUrl, optionalText, requiredDate, requiredText } from "../../kernel/forms/index.ts";

export const swotCategories = ["strength", "weakness", "opportunity", "threat"] as const;
export type SwotCategory = (typeof swotCategories)[number];
export const swotLabels: Record<SwotCategory, string> = {
  strength: "Strengths",
  weakness: "Weaknesses",
  opportunity: "Opportunities",
  threat: "Threats",
};

export const narrativeForm = z.object({ narrative: optionalText(50_000) });
export type NarrativeInput = z.infer<typeof narrativeForm>;

export const panelForm = z.object({
  indicatorSlug: requiredText("Select an indicator", 200),
  areaCode: z
    .string()
    .trim()
    .max(20, "Enter an area code of 20 characters or fewer, like E06000005")
    .optional()
    .transform((value) => value?.toUpperCase() ?? ""),
});
export type PanelInput = z.infer<typeof panelForm>;

export const findingForm = z.object({ statement: requiredText("Enter the finding: a short statement of need", 500) });
export type FindingInput = z.infer<typeof findingForm>;

export const qualitativeForm = z.object({
  source: requiredText("Enter who the evidence came from", 300),
  method: requiredText("Enter how it was gathered, like focus groups or a survey", 300),
  summary: requiredText("Enter a summary of what people said", 5000),
  quotes: optionalText(5000),
});
export type QualitativeInput = z.infer<typeof qualitativeForm>;

export const serviceForm = z.object({
  name: requiredText("Enter the service's name", 300),
  provider: optionalText(300),
  description: requiredText("Describe what the service offers and to whom", 3000),
});
export type ServiceInput = z.infer<typeof serviceForm>;

export const swotForm = z.object({
  category: z.enum(swotCategories, { error: "Select whether this is a strength, weakness, opportunity or threat" }),
  text: requiredText("Enter the point", 1000),
});
export type SwotInput = z.infer<typeof swotForm>;

export const otherAssessmentForm = z.object({
  title: requiredText("Enter the assessment's title", 300),
  owner: optionalText(300),
  url: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(httpUrl("link").nullable()),
});
export type OtherAssessmentInput = z.infer<typeof otherAssessmentForm>;

export const reviewDateForm = z.object({ reviewDate: requiredDate("review date") });
export type ReviewDateInput = z.infer<typeof reviewDateForm>;
