/**
 * The demo's consultations for a partnership, made through the services (audited) with the
 * responses written in bulk: a closed "cost of the school day" survey with a few hundred
 * deterministic, clearly fictional responses across both versions (and Welsh in Wales), coded
 * themes linked to actions and a finding, approved quotes and a published "you said, we did";
 * and an open survey anyone can answer from the public pages.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { seededRandom, seedFromText } from "../../kernel/random.ts";
import { londonToday } from "../../kernel/time.ts";
import { addDays } from "../../kernel/time.ts";
import { actionChoices } from "../actions/index.ts";
import { listFindings } from "../needs-assessment/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import type { SurveyAudience } from "./audience-question.ts";
import { approveQuote, saveQuote, saveTheme } from "./coding-service.ts";
import { replaceCodes } from "./coding-repository.ts";
import { demoQuestions, demoThemes, openQuestions } from "./demo-content.ts";
import { publishYouSaidWeDid } from "./publish-service.ts";
import { recordParticipants, saveActivity } from "./register-service.ts";
import { listTextAnswerIds, type NewResponse, writeResponses } from "./response-repository.ts";
import { type ActivityInput, newActivity } from "./schemas.ts";
import { saveQuestion, saveSurvey } from "./survey-service.ts";
import { listQuestions } from "./survey-repository.ts";
import { linkTheme } from "./theme-links.ts";

const earlier = (a: string, b: string) => (a < b ? a : b);

const demoMeasures = {
  audiences: ["children-8-11", "children-12-15", "parents-carers"] as ActivityInput["audiences"],
  methods: ["online-survey"] as ActivityInput["methods"],
  informs: ["strategy"] as ActivityInput["informs"],
  accessibility:
    "Young people's version with faces to choose from; paper copies and a read-aloud session in every participating school; Welsh and English where the partnership works in both.",
  safeguarding:
    "Anonymous; school staff on hand during sessions; a “where to get help now” panel and Exit this page on every page; disclosures followed up under the schools' child protection procedures.",
  cost: 180000,
};

const activity = (title: string, values: Partial<ActivityInput>) => newActivity(title, { ...demoMeasures, ...values });

export async function seedConsultationDemo(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; name: string; nation: string },
  reportingYear: string,
): Promise<void> {
  const today = londonToday();
  const startYear = Number(reportingYear.slice(0, 4));
  const welsh = partnership.nation === "wales";
  const [members, actions, findings] = await Promise.all([
    listMembers(db, partnership.id),
    actionChoices(db, partnership.id),
    listFindings(db, partnership.id),
  ]);
  const lead = members.find((member) => member.type === "council") ?? members[0];
  const opens = earlier(`${startYear}-10-01`, addDays(today, -60));
  const closes = earlier(`${startYear}-11-15`, addDays(today, -20));
  const closed = await saveActivity(
    db,
    audit,
    partnership.id,
    null,
    activity("Cost of the school day (fictional)", {
      purpose:
        "We asked pupils and parents which school costs are hardest to meet, so that the partnership could act on them.",
      informs: ["strategy", "report"],
      reportYear: reportingYear,
      methods: ["online-survey", "school-session"],
      startsOn: opens,
      endsOn: closes,
      feedbackBy: addDays(closes, 60),
      leadOrganisationId: lead?.organisationId ?? null,
      partnerIds: members
        .filter((member) => member.type === "voluntary-and-community-sector")
        .map((m) => m.organisationId),
      actionIds: actions.slice(0, 2).map((a) => a.id),
    }),
  );
  const survey = await saveSurvey(db, audit, partnership, closed.id, {
    opensOn: opens,
    closesOn: closes,
    retainUntil: addDays(today, 365),
    welsh,
    offerContact: true,
    askAudience: true,
    burstLimit: 60,
    introStandardEn: "",
    introYoungEn: "",
    introStandardCy: "",
    introYoungCy: "",
    localHelp: "",
  });
  for (const question of demoQuestions(welsh)) await saveQuestion(db, audit, partnership.id, closed.id, null, question);
  const questions = await listQuestions(db, survey.id);
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const next = seededRandom(seedFromText(partnership.name));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const themes = demoThemes(partnership.nation);
  const responses: NewResponse[] = [];
  const themeOfResponse: number[] = [];
  const days = Math.max(1, Math.round((Date.parse(closes) - Date.parse(opens)) / 86_400_000));
  // Its own sequence, so the answers, days and themes drawn from `next` are the same as before the question.
  const nextAudience = seededRandom(seedFromText(`${partnership.name} audience`));
  for (let i = 0; i < 320; i++) {
    const version = next() < 0.55 ? "young" : "standard";
    const theme = weighted(next(), THEME_WEIGHTS);
    const answers: NewResponse["answers"] = {
      [byCode.get("q1")!.id]: pick(["o1", "o1", "o2", "o2", "o3"]),
      [byCode.get("q2")!.id]: [...new Set([pick(["o1", "o2", "o3"]), pick(["o1", "o2", "o3", "o4", "o5"])])].sort(),
      [byCode.get("q3")!.id]: String(1 + Math.floor(next() * 4)),
    };
    if (next() < 0.8) answers[byCode.get("q4")!.id] = pick(themes[theme]!.said[version]);
    responses.push({
      version,
      language: welsh && next() < 0.3 ? "cy" : "en",
      source: next() < 0.1 ? "paper" : "online",
      submittedOn: addDays(opens, Math.floor(next() * days)),
      audience: demoAudience(nextAudience(), version),
      answers,
    });
    themeOfResponse.push(q4Answered(answers, byCode.get("q4")!.id) ? theme : -1);
  }
  const ids = await db.transaction((tx) => writeResponses(tx, survey, questions, responses));
  await recordParticipants(db, audit, partnership.id, closed.id, {
    "children-under-8": null,
    "children-8-11": 26,
    "children-12-15": 19,
    "young-people-16-25": null,
    "parents-carers": null,
    organisations: null,
  });
  const saved: { id: string }[] = [];
  for (const theme of themes)
    saved.push(
      await saveTheme(db, audit, partnership.id, closed.id, null, {
        name: theme.name,
        description: theme.description,
        response: theme.response,
        otherMentions: theme.otherMentions,
      }),
    );
  const answers = await listTextAnswerIds(db, partnership.id, survey.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  await replaceCodes(
    db,
    partnership.id,
    closed.id,
    answers.map((answer) => ({
      answerId: answer.id,
      responseId: answer.responseId,
      themeIds: [saved[themeOfResponse[index.get(answer.responseId)!]!]!.id],
    })),
  );
  const reviewer = {
    userId: audit.actorUserId ?? "00000000-0000-4000-8000-000000000000",
    name: "Partnership lead (fictional demo)",
  };
  for (const [position, theme] of themes.entries()) {
    if (!theme.quote) continue;
    const quote = await saveQuote(
      db,
      audit,
      partnership.id,
      closed.id,
      null,
      { text: theme.quote, themeId: saved[position]!.id, answerId: null },
      reviewer.userId,
    );
    await approveQuote(db, audit, partnership.id, closed.id, quote.id, true, reviewer);
  }
  for (const [position, action] of actions.slice(0, themes.length).entries())
    await linkTheme(db, audit, partnership.id, closed.id, saved[position % saved.length]!.id, `action:${action.id}`);
  if (findings[0]) await linkTheme(db, audit, partnership.id, closed.id, saved[0]!.id, `finding:${findings[0].id}`);
  await publishYouSaidWeDid(
    db,
    audit,
    partnership.id,
    closed.id,
    "Thank you to the pupils and parents who told us what school costs. Schools, the council and local charities have changed what they charge for and how they help, and each change below is tracked in the partnership's action plan.",
    today,
  );

  const open = await saveActivity(
    db,
    audit,
    partnership.id,
    null,
    activity("Your views on help for families (fictional)", {
      purpose:
        "Tell us which help for families works, what is missing and what gets in the way, to shape next year's plan.",
      audiences: ["children-12-15", "young-people-16-25", "parents-carers"],
      startsOn: addDays(today, -14),
      endsOn: addDays(today, 60),
      feedbackBy: addDays(today, 120),
      leadOrganisationId: lead?.organisationId ?? null,
    }),
  );
  await saveSurvey(db, audit, partnership, open.id, {
    opensOn: addDays(today, -14),
    closesOn: addDays(today, 60),
    retainUntil: addDays(today, 425),
    welsh,
    offerContact: true,
    askAudience: false,
    burstLimit: 30,
    introStandardEn: "",
    introYoungEn: "",
    introStandardCy: "",
    introYoungCy: "",
    localHelp: "",
  });
  for (const question of openQuestions(welsh)) await saveQuestion(db, audit, partnership.id, open.id, null, question);
}

/** How often each theme comes up: the rarest is raised by fewer than 10 people, so it is shown as [c]. */
const THEME_WEIGHTS = [0.38, 0.3, 0.17, 0.125, 0.025];

function weighted(roll: number, weights: number[]): number {
  let sum = 0;
  for (const [index, weight] of weights.entries()) {
    sum += weight;
    if (roll < sum) return index;
  }
  return weights.length - 1;
}

/**
 * Who each fictional respondent says they are: the young people's version mostly children and
 * young people, the standard one mostly parents and carers; some prefer not to say and some
 * leave it blank (null), as people do.
 */
const DEMO_AUDIENCES: Record<"young" | "standard", [SurveyAudience | null, number][]> = {
  young: [
    ["children-8-11", 0.3],
    ["children-12-15", 0.3],
    ["young-people-16-25", 0.15],
    ["parents-carers", 0.05],
    ["prefer-not-to-say", 0.05],
    [null, 0.15],
  ],
  standard: [
    ["parents-carers", 0.65],
    ["young-people-16-25", 0.05],
    ["organisations", 0.07],
    ["prefer-not-to-say", 0.08],
    [null, 0.15],
  ],
};

function demoAudience(roll: number, version: "young" | "standard"): SurveyAudience | null {
  const choices = DEMO_AUDIENCES[version];
  return choices[
    weighted(
      roll,
      choices.map(([, weight]) => weight),
    )
  ]![0];
}

function q4Answered(answers: NewResponse["answers"], id: string): boolean {
  return id in answers;
}
