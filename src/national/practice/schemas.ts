import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { driverOptions, englishBuildingBlocks, familyTypes } from "../../cycle/actions/index.ts";
import { checkboxList, httpUrl, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { supportTypeCodes } from "../support-offer/index.ts";
import { costBandCodes, entryKindCodes, settingCodes, visibilityCodes } from "./vocabulary.ts";

export const entryParams = z.object({ entryId: z.uuid() });
export const attachmentParams = z.object({ entryId: z.uuid(), attachmentId: z.uuid() });

export const driverCodes = driverOptions("scotland").map((option) => option.code);
export const buildingBlockCodes = englishBuildingBlocks.map((block) => block.code);
export const familyTypeCodes = familyTypes.map((item) => item.code);

/** Search text is kept as typed (up to 10,000 characters); PostgreSQL parses it, so nothing in it can fail. */
export const MAX_SEARCH_CHARACTERS = 10_000;

const tagList = (codes: readonly string[], message: string) =>
  checkboxList().pipe(z.array(z.string()).refine((values) => values.every((value) => codes.includes(value)), message));

/** The fields of an entry a coordinator (or a proposing partnership) writes. */
export const entryFields = {
  kind: z.enum(entryKindCodes, { error: "Select what kind of entry this is" }),
  title: requiredText("Enter the title", 200),
  summary: requiredText("Enter a summary", 1_000),
  body: optionalText(50_000),
  source: optionalText(300),
  sourceUrl: z.union([z.literal(""), httpUrl("source link")]).default(""),
  drivers: tagList(driverCodes, "Select drivers from the list"),
  buildingBlocks: tagList(buildingBlockCodes, "Select building blocks from the list"),
  familyTypes: tagList(familyTypeCodes, "Select priority family types from the list"),
  supportTypes: tagList(supportTypeCodes, "Select support types from the list"),
  settings: tagList(settingCodes, "Select urban, rural or both"),
};

const evidenceLevel = z
  .union([z.literal(""), z.coerce.number().int().min(1).max(5)], { error: "Select a level of evidence from 1 to 5" })
  .transform((value) => (value === "" ? null : value));

export const entryForm = z
  .object({
    ...entryFields,
    evidenceLevel,
    costBand: z.enum(costBandCodes, { error: "Select a cost band" }),
    nation: z.enum(nations, { error: "Select the nation it comes from" }),
    visibility: z.enum(visibilityCodes, { error: "Select who can read it" }),
    status: z.enum(["draft", "published", "withdrawn"], { error: "Select whether to publish it" }),
  })
  .refine((value) => value.status !== "published" || value.evidenceLevel !== null, {
    path: ["evidenceLevel"],
    message: "Select a level of evidence before publishing",
  });
export type EntryForm = z.infer<typeof entryForm>;

/** A partnership proposing one of its actions as a case study. */
export const proposalForm = z.object({
  title: entryFields.title,
  summary: entryFields.summary,
  body: entryFields.body,
});
export type ProposalForm = z.infer<typeof proposalForm>;

/** The coordinator's review of a proposed case study. */
export const reviewForm = z
  .object({
    decision: z.enum(["publish", "return", "decline"], { error: "Select publish, return for changes or decline" }),
    evidenceLevel,
    costBand: z.enum(costBandCodes, { error: "Select a cost band" }),
    visibility: z.enum(visibilityCodes, { error: "Select who can read it" }),
    note: optionalText(2_000),
  })
  .refine((value) => value.decision !== "publish" || value.evidenceLevel !== null, {
    path: ["evidenceLevel"],
    message: "Select a level of evidence before publishing",
  })
  .refine((value) => value.decision === "publish" || value.note.length > 0, {
    path: ["note"],
    message: "Tell the partnership why: they read this note",
  });
export type ReviewForm = z.infer<typeof reviewForm>;

export const citeForm = z.object({ entryId: z.uuid({ error: "Select an entry to cite" }) });

const optionalCode = (codes: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((value) => (value && codes.includes(value) ? value : undefined))
    .catch(undefined);

/**
 * The library's query string. Unknown facet values are ignored (a stale bookmark still
 * works); the search text is never rejected, only cut to 10,000 characters and cleared of NUL
 * characters, which PostgreSQL text cannot hold.
 */
export const searchQuery = z.object({
  q: z.preprocess((value) => {
    const text = Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : "";
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL cannot be stored or searched
    return text.replace(/\u0000/g, " ").slice(0, MAX_SEARCH_CHARACTERS);
  }, z.string()),
  kind: optionalCode(entryKindCodes),
  level: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  cost: optionalCode(costBandCodes),
  driver: optionalCode(driverCodes),
  block: optionalCode(buildingBlockCodes),
  family: optionalCode(familyTypeCodes),
  type: optionalCode(supportTypeCodes),
  nation: optionalCode(nations),
  setting: optionalCode(settingCodes),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type SearchQuery = z.infer<typeof searchQuery>;
