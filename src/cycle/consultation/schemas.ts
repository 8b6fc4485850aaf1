import { z } from "zod";
import {
  checkboxList,
  moneyField,
  optionalCount,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
} from "../../kernel/forms/index.ts";
import { type QuestionKind, questionKinds, ratingScales } from "./survey-model.ts";
import { activityStatuses, audiences, informsKinds, isReportYear, methods } from "./vocabulary.ts";

const uuidList = checkboxList().pipe(z.array(z.uuid({ error: "Select from the list" })));
const optionalUuid = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(z.uuid({ error: "Select from the list" }).nullable());

export const activityForm = z
  .object({
    title: requiredText("Enter a title for the activity", 200),
    purpose: optionalText(2000),
    informs: checkboxList(informsKinds),
    reportYear: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null),
    audiences: checkboxList(audiences),
    methods: checkboxList(methods),
    methodOther: optionalText(200),
    startsOn: optionalDate("start date"),
    endsOn: optionalDate("end date"),
    feedbackBy: optionalDate("date people will hear back"),
    leadOrganisationId: optionalUuid,
    partnerIds: uuidList,
    actionIds: uuidList,
    accessibility: optionalText(2000),
    safeguarding: optionalText(2000),
    cost: moneyField("cost"),
    status: z.enum(activityStatuses, { error: "Select the status" }).default("planned"),
    summary: optionalText(5000),
  })
  .superRefine((value, ctx) => {
    if (value.informs.includes("report") && !value.reportYear)
      ctx.addIssue({ code: "custom", path: ["reportYear"], message: "Enter the report year it informs, like 2024/25" });
    if (value.reportYear && !isReportYear(value.reportYear))
      ctx.addIssue({ code: "custom", path: ["reportYear"], message: "The report year must be like 2024/25" });
    if (value.methods.includes("other") && !value.methodOther)
      ctx.addIssue({ code: "custom", path: ["methodOther"], message: "Say what the other method was" });
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date must be on or after the start date" });
    if (value.status === "reported-back")
      ctx.addIssue({ code: "custom", path: ["status"], message: "Publish “you said, we did” to report back" });
  });
export type ActivityInput = z.infer<typeof activityForm>;

/** One count per audience; blank means none recorded. */
export const participantsForm = z.object(
  Object.fromEntries(audiences.map((audience) => [audience, optionalCount("The number of participants")])) as Record<
    (typeof audiences)[number],
    ReturnType<typeof optionalCount>
  >,
);
export type ParticipantsInput = z.infer<typeof participantsForm>;

const yesNo = z
  .enum(["yes", "no"], { error: "Select yes or no" })
  .optional()
  .transform((value) => value === "yes");

export const surveyForm = z
  .object({
    opensOn: requiredDate("opening date"),
    closesOn: requiredDate("closing date"),
    retainUntil: requiredDate("date answers are kept until"),
    welsh: yesNo,
    offerContact: yesNo,
    askAudience: yesNo,
    burstLimit: z.coerce
      .number({ error: "Enter a whole number from 5 to 500" })
      .int("Enter a whole number from 5 to 500")
      .min(5, "Enter a whole number from 5 to 500")
      .max(500, "Enter a whole number from 5 to 500"),
    introStandardEn: optionalText(3000),
    introYoungEn: optionalText(3000),
    introStandardCy: optionalText(3000),
    introYoungCy: optionalText(3000),
    localHelp: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.opensOn && value.closesOn && value.closesOn < value.opensOn)
      ctx.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "The closing date must be on or after the opening date",
      });
    if (value.closesOn && value.retainUntil && value.retainUntil <= value.closesOn)
      ctx.addIssue({
        code: "custom",
        path: ["retainUntil"],
        message: "Answers must be kept until after the survey closes",
      });
  });
export type SurveyInput = z.infer<typeof surveyForm>;

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const optionLines = optionalText(4000).transform(lines);

export const questionForm = z
  .object({
    kind: z.enum(questionKinds, { error: "Select the kind of question" }),
    page: z.coerce.number({ error: "Enter a page number" }).int("Enter a whole page number").min(1).max(50),
    required: yesNo,
    textStandardEn: requiredText("Enter the question", 500),
    hintStandardEn: optionalText(500),
    textYoungEn: optionalText(500),
    hintYoungEn: optionalText(500),
    textStandardCy: optionalText(500),
    hintStandardCy: optionalText(500),
    textYoungCy: optionalText(500),
    hintYoungCy: optionalText(500),
    optionsStandardEn: optionLines,
    optionsYoungEn: optionLines,
    optionsStandardCy: optionLines,
    optionsYoungCy: optionLines,
    scale: z.enum(ratingScales).optional(),
    maxLength: optionalCount("The longest answer"),
    min: optionalCount("The smallest number"),
    max: optionalCount("The largest number"),
  })
  .superRefine((value, ctx) => {
    const choice = value.kind === "single" || value.kind === "multiple";
    if (choice && value.optionsStandardEn.length < 2)
      ctx.addIssue({ code: "custom", path: ["optionsStandardEn"], message: "Enter at least two answers, one a line" });
    if (value.optionsStandardEn.length > 30)
      ctx.addIssue({ code: "custom", path: ["optionsStandardEn"], message: "Enter 30 answers or fewer" });
    for (const field of ["optionsYoungEn", "optionsStandardCy", "optionsYoungCy"] as const) {
      const given = value[field].length;
      if (choice && given > 0 && given !== value.optionsStandardEn.length)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `Enter ${value.optionsStandardEn.length} answers, one a line, in the same order as the standard version`,
        });
    }
    if (value.maxLength !== null && (value.maxLength < 10 || value.maxLength > 5000))
      ctx.addIssue({
        code: "custom",
        path: ["maxLength"],
        message: "The longest answer must be from 10 to 5,000 characters",
      });
    if (value.min !== null && value.max !== null && value.max < value.min)
      ctx.addIssue({ code: "custom", path: ["max"], message: "The largest number must be at least the smallest" });
  });
export type QuestionInput = z.infer<typeof questionForm>;

export function kindHasOptions(kind: QuestionKind): boolean {
  return kind === "single" || kind === "multiple";
}

export const themeForm = z.object({
  name: requiredText("Enter the theme's name", 150),
  description: optionalText(1000),
  response: optionalText(3000),
  otherMentions: optionalCount("Mentions from other sessions").transform((value) => value ?? 0),
});
export type ThemeInput = z.infer<typeof themeForm>;

export const quoteForm = z.object({
  text: requiredText("Enter the quote", 1000),
  themeId: optionalUuid,
  answerId: optionalUuid,
});
export type QuoteInput = z.infer<typeof quoteForm>;

export const approveForm = z.object({
  confirmed: z
    .string()
    .optional()
    .transform((value) => value === "yes"),
});

export const themeLinkForm = z.object({
  target: requiredText("Select a finding, priority or action", 100).pipe(
    z
      .string()
      .regex(/^(finding|priority|action):[0-9a-f-]{36}$/i, "Select a finding, priority or action from the list"),
  ),
});

export const publishForm = z.object({
  weDid: requiredText("Say in plain words what the partnership did with what people said", 5000),
});

/** The question form; an existing question keeps its kind, which its form does not ask again. */
export function questionSchema(kind: QuestionKind | null) {
  return z.preprocess(
    (body) => (kind && body && typeof body === "object" ? { ...(body as Record<string, unknown>), kind } : body),
    questionForm,
  );
}

/** A question with nothing chosen, for code that makes questions (the demo, tests, benchmarks). */
export const emptyQuestion: QuestionInput = {
  kind: "text",
  page: 1,
  required: false,
  textStandardEn: "",
  hintStandardEn: "",
  textYoungEn: "",
  hintYoungEn: "",
  textStandardCy: "",
  hintStandardCy: "",
  textYoungCy: "",
  hintYoungCy: "",
  optionsStandardEn: [],
  optionsYoungEn: [],
  optionsStandardCy: [],
  optionsYoungCy: [],
  scale: undefined,
  maxLength: null,
  min: null,
  max: null,
};

/** An activity with only a title, for code that records activities (the demo, tests, benchmarks). */
export function newActivity(title: string, values: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title,
    purpose: "",
    informs: [],
    reportYear: null,
    audiences: [],
    methods: [],
    methodOther: "",
    startsOn: null,
    endsOn: null,
    feedbackBy: null,
    leadOrganisationId: null,
    partnerIds: [],
    actionIds: [],
    accessibility: "",
    safeguarding: "",
    cost: null,
    status: "planned",
    summary: "",
    ...values,
  };
}
