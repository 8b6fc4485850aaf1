import { z } from "zod";

export const units = ["count", "percentage", "proportion", "rate", "score", "rank", "decile", "currency"] as const;
export const polarities = ["higher-is-worse", "higher-is-better", "neither"] as const;
export const disclosureRules = ["none", "small-count"] as const;

export const scottishDrivers = ["income-from-employment", "costs-of-living", "income-from-social-security"] as const;
export const buildingBlocks = ["financial-support", "parental-employment-and-skills", "life-chances", "place"] as const;
export const priorityFamilyTypes = [
  "lone-parent",
  "minority-ethnic",
  "disabled",
  "younger-mother",
  "child-under-one",
  "larger-family",
] as const;

export const indicatorTagsSchema = z
  .object({
    drivers: z.array(z.enum(scottishDrivers)).default([]),
    subDrivers: z.array(z.string().min(1).max(80)).default([]),
    buildingBlocks: z.array(z.enum(buildingBlocks)).default([]),
    familyTypes: z.array(z.enum(priorityFamilyTypes)).default([]),
    topics: z.array(z.string().min(1).max(80)).default([]),
  })
  .partial();
export type IndicatorTags = z.infer<typeof indicatorTagsSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2024-03-21");

/** What an importer (or the edit form) says about an indicator. */
export const indicatorDraftSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens")
    .max(80),
  title: z.string().trim().min(1).max(300),
  definition: z.string().max(5000).default(""),
  publisher: z.string().max(200).default(""),
  dataset: z.string().max(300).default(""),
  sourceUrl: z
    .union([z.httpUrl({ error: "must be a web address starting https:// (or http://)" }), z.literal("")])
    .default(""),
  licence: z.string().max(200).default("Open Government Licence v3.0"),
  unit: z.enum(units),
  ratePer: z.number().int().positive().nullable().default(null),
  polarity: z.enum(polarities).default("neither"),
  tags: indicatorTagsSchema.default({}),
  disclosureRule: z.enum(disclosureRules).default("none"),
  releaseDate: isoDate.nullable().default(null),
  nextReleaseDate: isoDate.nullable().default(null),
});
export type IndicatorDraft = z.input<typeof indicatorDraftSchema>;
export type IndicatorDefinition = z.output<typeof indicatorDraftSchema>;

/** Edits: everything but the slug. */
export const indicatorUpdateSchema = indicatorDraftSchema.omit({ slug: true }).partial();
export type IndicatorUpdate = z.infer<typeof indicatorUpdateSchema>;
