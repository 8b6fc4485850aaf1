import { z } from "zod";
import { type FieldDef, optionalText, requiredText } from "../../kernel/forms/index.ts";
import {
  article9Conditions,
  article9Labels,
  dataLevelLabels,
  dataLevels,
  frequencies,
  frequencyLabels,
  items,
  lawfulBases,
  lawfulBasisLabels,
  needsSchedule1,
  schedule1Conditions,
  schedule1Labels,
  volumeLabels,
  volumes,
} from "./vocabulary.ts";

const yesNo = (message: string) => z.enum(["yes", "no"], { error: message }).transform((value) => value === "yes");
const choice = <T extends string>(values: readonly T[], message: string) =>
  z.enum(values as unknown as [T, ...T[]], { error: message });
/** A select left on "Select one" posts "", which means not given. */
const optionalChoice = <T extends string>(values: readonly T[], message: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), choice(values, message).optional());

/** What an agreement and a template of one both say: purpose, lawful basis, the data and its risk facts. */
export const termsShape = {
  purpose: requiredText("Enter the purpose of the sharing", 5000),
  lawfulBasis: choice(lawfulBases, "Select the lawful basis under UK GDPR Article 6"),
  specialCategory: yesNo("Select whether special category data is shared"),
  article9Condition: optionalChoice(article9Conditions, "Select a condition from UK GDPR Article 9(2)"),
  schedule1Condition: optionalChoice(schedule1Conditions, "Select a condition from DPA 2018 Schedule 1"),
  dataItems: requiredText("Enter the data items shared", 5000),
  level: choice(dataLevels, "Select the level of the data shared"),
  frequency: choice(frequencies, "Select how often the data is shared"),
  childrenData: yesNo("Select whether data about children is shared"),
  volume: choice(volumes, "Select how many people's data is shared"),
  onwardSharing: yesNo("Select whether recipients may share the data onwards"),
  securityMeasures: optionalText(5000),
};

interface TermsValue {
  specialCategory: boolean;
  article9Condition?: string | null | undefined;
  schedule1Condition?: string | null | undefined;
}

/** Special category data needs an Article 9 condition, and some of those a Schedule 1 condition (DPA 2018 s.10). */
export function checkConditions(value: TermsValue, ctx: z.RefinementCtx): void {
  if (!value.specialCategory) return;
  if (!value.article9Condition) {
    ctx.addIssue({
      code: "custom",
      path: ["article9Condition"],
      message: "Select the Article 9 condition for sharing special category data",
    });
    return;
  }
  if (needsSchedule1.includes(value.article9Condition as never) && !value.schedule1Condition) {
    ctx.addIssue({
      code: "custom",
      path: ["schedule1Condition"],
      message: `Select the DPA 2018 Schedule 1 condition: Article 9 condition ${value.article9Condition} needs one`,
    });
  }
}

/** Conditions are kept only where special category data is shared. */
export function normaliseConditions<T extends TermsValue>(
  value: T,
): Omit<T, "article9Condition" | "schedule1Condition"> & {
  article9Condition: NonNullable<T["article9Condition"]> | null;
  schedule1Condition: NonNullable<T["schedule1Condition"]> | null;
} {
  return {
    ...value,
    article9Condition: value.specialCategory ? (value.article9Condition ?? null) : null,
    schedule1Condition:
      value.specialCategory && needsSchedule1.includes(value.article9Condition as never)
        ? (value.schedule1Condition ?? null)
        : null,
  };
}

const yesNoItems = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

/** The terms as form fields, for the template form (the agreement form draws the same ids itself). */
export const termsFields: FieldDef[] = [
  { id: "purpose", label: "Purpose", type: "textarea", hint: "Why the data is shared and what it is used for" },
  { id: "lawfulBasis", label: "Lawful basis (UK GDPR Article 6)", type: "radios", items: items(lawfulBasisLabels) },
  { id: "specialCategory", label: "Is special category data shared?", type: "radios", items: yesNoItems },
  {
    id: "article9Condition",
    label: "Article 9 condition (only if special category data is shared)",
    type: "select",
    items: items(article9Labels),
  },
  {
    id: "schedule1Condition",
    label: "DPA 2018 Schedule 1 condition (for Article 9 conditions b, g, h, i and j)",
    type: "select",
    items: items(schedule1Labels),
  },
  { id: "dataItems", label: "Data items", type: "textarea", hint: "The fields or tables shared, one per line" },
  { id: "level", label: "Level of the data", type: "radios", items: items(dataLevelLabels) },
  { id: "frequency", label: "How often", type: "select", items: items(frequencyLabels) },
  { id: "childrenData", label: "Is data about children shared?", type: "radios", items: yesNoItems },
  { id: "volume", label: "How many people's data", type: "radios", items: items(volumeLabels) },
  { id: "onwardSharing", label: "May recipients share the data onwards?", type: "radios", items: yesNoItems },
  {
    id: "securityMeasures",
    label: "Security measures",
    type: "textarea",
    hint: "Transfer, storage, access and deletion",
  },
];

/** A stored row's terms as form values. */
export function termsValues(row: TermsValue & Record<string, unknown>): Record<string, unknown> {
  return {
    ...row,
    specialCategory: row.specialCategory ? "yes" : "no",
    childrenData: row.childrenData ? "yes" : "no",
    onwardSharing: row.onwardSharing ? "yes" : "no",
    article9Condition: row.article9Condition ?? "",
    schedule1Condition: row.schedule1Condition ?? "",
  };
}
