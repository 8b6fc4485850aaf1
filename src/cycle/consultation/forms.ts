/** The consultation pages' forms, described once and drawn by the kernel's field-list form. */
import type { FieldDef } from "../../kernel/forms/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { partsOf } from "./form-values.ts";
import type { ActivityRow } from "./register-repository.ts";
import { questionKindLabels, questionKinds, type QuestionDef } from "./survey-model.ts";
import type { SurveyRow } from "./survey-repository.ts";
import {
  activityStatuses,
  activityStatusLabels,
  audienceLabels,
  audiences,
  informsKinds,
  informsLabels,
  methodLabels,
  methods,
} from "./vocabulary.ts";

const yesNo = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

export function activityFields(
  members: { organisationId: string; name: string }[],
  actions: { id: string; label: string }[],
  options: { hasSurvey: boolean; reportYears: string[] },
): FieldDef[] {
  const fields: FieldDef[] = [
    { id: "title", label: "Title", type: "text", hint: "For example, “Cost of the school day: what pupils told us”" },
    {
      id: "purpose",
      label: "Purpose",
      type: "textarea",
      rows: 3,
      hint: "What you want to find out, and why. Shown on the public page.",
    },
    {
      id: "informs",
      label: "What it informs",
      type: "checkboxes",
      items: informsKinds.map((value) => ({ value, text: informsLabels[value] })),
    },
    {
      id: "reportYear",
      label: "Report year it informs",
      type: "select",
      hint: "If it informs the annual report",
      items: options.reportYears.map((year) => ({ value: year, text: year })),
    },
    {
      id: "actionIds",
      label: "Particular actions it informs",
      type: "checkboxes",
      items: actions.map((action) => ({ value: action.id, text: action.label })),
    },
    {
      id: "audiences",
      label: "Who it is for",
      type: "checkboxes",
      items: audiences.map((value) => ({ value, text: audienceLabels[value] })),
    },
    {
      id: "methods",
      label: "Methods",
      type: "checkboxes",
      items: methods.map((value) => ({ value, text: methodLabels[value] })),
    },
    { id: "methodOther", label: "Other method", type: "text", hint: "If you chose “Other”" },
    { id: "startsOn", label: "Start date", type: "date", hint: "For example, 14/4/2026" },
    { id: "endsOn", label: "End date", type: "date" },
    {
      id: "feedbackBy",
      label: "Date people will hear what happened",
      type: "date",
      hint: "Shown to people taking part: when you will publish “you said, we did”",
    },
    {
      id: "leadOrganisationId",
      label: "Lead partner",
      type: "select",
      items: members.map((m) => ({ value: m.organisationId, text: m.name })),
    },
    {
      id: "partnerIds",
      label: "Other partners involved",
      type: "checkboxes",
      items: members.map((m) => ({ value: m.organisationId, text: m.name })),
    },
    {
      id: "accessibility",
      label: "Accessibility measures",
      type: "textarea",
      rows: 3,
      hint: "For example, easy read, interpreters, paper copies, sessions in familiar places",
    },
    {
      id: "safeguarding",
      label: "Safeguarding measures",
      type: "textarea",
      rows: 3,
      hint: "For example, trained facilitators, consent, what happens if a child discloses harm",
    },
    { id: "cost", label: "Cost", type: "money", classes: "govuk-input--width-10" },
  ];
  if (!options.hasSurvey)
    fields.push({
      id: "status",
      label: "Status",
      type: "radios",
      hint: "An online survey's status follows its dates",
      items: activityStatuses
        .filter((s) => s !== "reported-back")
        .map((value) => ({ value, text: activityStatusLabels[value] })),
    });
  fields.push({
    id: "summary",
    label: "Summary of what people said",
    type: "textarea",
    rows: 6,
    hint: "For sessions without an online survey: shown on the public page once you publish",
  });
  return fields;
}

export function activityValues(activity: ActivityRow, partnerIds: string[], actionIds: string[]) {
  return {
    ...activity,
    reportYear: activity.reportYear ?? "",
    startsOn: activity.startsOn ?? "",
    endsOn: activity.endsOn ?? "",
    feedbackBy: activity.feedbackBy ?? "",
    leadOrganisationId: activity.leadOrganisationId ?? "",
    cost: activity.costPence === null ? "" : formatPounds(activity.costPence, { symbol: false }),
    partnerIds,
    actionIds,
  };
}

export const participantFields: FieldDef[] = audiences.map((audience) => ({
  id: audience,
  label: audienceLabels[audience],
  type: "number",
  classes: "govuk-input--width-5",
}));

export function surveyFields(welshPartnership: boolean): FieldDef[] {
  return [
    { id: "opensOn", label: "Opening date", type: "date" },
    { id: "closesOn", label: "Closing date", type: "date" },
    {
      id: "retainUntil",
      label: "Keep answers until",
      type: "date",
      hint: "After this date contact details are deleted and free-text answers erased; coded themes, counts and approved quotes stay",
    },
    ...(welshPartnership
      ? [{ id: "welsh", label: "Offer the survey in Welsh as well as English?", type: "radios" as const, items: yesNo }]
      : []),
    {
      id: "offerContact",
      label: "Offer a page to leave contact details (standard version only)?",
      type: "radios",
      items: yesNo,
    },
    {
      id: "askAudience",
      label: "Ask “Who are you answering as?” first?",
      type: "radios",
      items: yesNo,
      hint: "An optional question of its own: children by age, young people, parents and carers, organisations, or prefer not to say. Responses are then counted by audience; nobody's audience is ever guessed",
    },
    {
      id: "burstLimit",
      label: "Responses allowed from one internet connection in 10 minutes",
      type: "number",
      classes: "govuk-input--width-5",
      hint: "Raise it for a school session where a class shares one connection (5 to 500)",
    },
    { id: "introStandardEn", label: "Introduction, standard version", type: "textarea", rows: 4 },
    { id: "introYoungEn", label: "Introduction, young people's version", type: "textarea", rows: 4 },
    ...(welshPartnership
      ? [
          {
            id: "introStandardCy",
            label: "Introduction, standard version (Welsh)",
            type: "textarea" as const,
            rows: 4,
          },
          {
            id: "introYoungCy",
            label: "Introduction, young people's version (Welsh)",
            type: "textarea" as const,
            rows: 4,
          },
        ]
      : []),
    {
      id: "localHelp",
      label: "Local help to add to “Where to get help now”",
      type: "textarea",
      rows: 3,
      hint: "For example, your family support service's phone number",
    },
  ];
}

export function surveyValues(survey: SurveyRow | undefined) {
  if (!survey) return { burstLimit: "30", offerContact: "no", askAudience: "no", welsh: "no" };
  return {
    ...survey,
    welsh: survey.welsh ? "yes" : "no",
    offerContact: survey.offerContact ? "yes" : "no",
    askAudience: survey.askAudience ? "yes" : "no",
    burstLimit: String(survey.burstLimit),
    introStandardEn: survey.intro["standard-en"] ?? "",
    introYoungEn: survey.intro["young-en"] ?? "",
    introStandardCy: survey.intro["standard-cy"] ?? "",
    introYoungCy: survey.intro["young-cy"] ?? "",
  };
}

export function questionFields(welsh: boolean, existing: QuestionDef | null): FieldDef[] {
  const fields: FieldDef[] = [];
  if (!existing)
    fields.push({
      id: "kind",
      label: "Kind of question",
      type: "radios",
      items: questionKinds.map((value) => ({ value, text: questionKindLabels[value] })),
    });
  fields.push(
    {
      id: "page",
      label: "Page",
      type: "number",
      classes: "govuk-input--width-3",
      hint: "Questions with the same number are shown together",
    },
    {
      id: "required",
      label: "Must people answer it?",
      type: "radios",
      items: yesNo,
      hint: "A postcode question is always optional",
    },
  );
  for (const [suffix, name] of partsOf(welsh)) {
    fields.push(
      {
        id: `text${suffix}`,
        label: `Question, ${name}`,
        type: "text",
        ...(suffix === "StandardEn" ? {} : { hint: "Leave blank to use the standard wording" }),
      },
      { id: `hint${suffix}`, label: `Hint, ${name}`, type: "text" },
    );
  }
  if (!existing || existing.kind === "single" || existing.kind === "multiple")
    for (const [suffix, name] of partsOf(welsh))
      fields.push({
        id: `options${suffix}`,
        label: `Answers to choose from, ${name}`,
        type: "textarea",
        rows: 5,
        hint:
          suffix === "StandardEn"
            ? "For single and multiple choice: one answer a line"
            : "Same answers in the same order, one a line, or leave blank",
      });
  if (!existing || existing.kind === "rating")
    fields.push({
      id: "scale",
      label: "Rating scale",
      type: "radios",
      items: [
        { value: "quality", text: "From very poor to very good" },
        { value: "agreement", text: "From strongly disagree to strongly agree" },
      ],
    });
  if (!existing || existing.kind === "text")
    fields.push({
      id: "maxLength",
      label: "Longest answer (characters)",
      type: "number",
      classes: "govuk-input--width-5",
      hint: "For free text: 2,000 unless you say (10 to 5,000)",
    });
  if (!existing || existing.kind === "number")
    fields.push(
      { id: "min", label: "Smallest number", type: "number", classes: "govuk-input--width-5" },
      { id: "max", label: "Largest number", type: "number", classes: "govuk-input--width-5" },
    );
  return fields;
}
