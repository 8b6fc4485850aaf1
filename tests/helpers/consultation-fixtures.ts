import { eq } from "drizzle-orm";
import type { Database, Db } from "../../src/kernel/db/database.ts";
import { londonToday } from "../../src/kernel/time.ts";
import { forgetPublicSurveys, surveys } from "../../src/cycle/consultation/index.ts";
import { saveActivity } from "../../src/cycle/consultation/register-service.ts";
import { saveQuestion, saveSurvey } from "../../src/cycle/consultation/survey-service.ts";
import {
  type ActivityInput,
  emptyQuestion,
  newActivity,
  type QuestionInput,
} from "../../src/cycle/consultation/schemas.ts";
import { fixtures } from "./test-app.ts";

export const audit = { actorUserId: null, actorLabel: "test" };

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const activityInput = (title: string, overrides: Partial<ActivityInput> = {}): ActivityInput =>
  newActivity(title, {
    purpose: "To find out what makes the school day cost too much.",
    informs: ["strategy"],
    audiences: ["children-8-11", "parents-carers"],
    methods: ["online-survey"],
    ...overrides,
  });

const question = (overrides: Partial<QuestionInput>): QuestionInput => ({ ...emptyQuestion, ...overrides });

/**
 * A partnership with people of every kind, and an activity with an open survey of four pages:
 * q1 single choice (required; "Never" skips to the end), q2 free text (30 characters at most),
 * q3 a rating, q4 a postcode district.
 */
export async function consultationWorld(database: Database, nation: "england" | "wales" = "england") {
  const org = await fixtures.organisation(database, "Council");
  const partnership = await fixtures.partnership(
    database,
    "Testford Partnership",
    nation,
    nation === "wales" ? "W06000011" : "E06000005",
    "Testford",
  );
  const other = await fixtures.partnership(database, "Elsewhere Partnership", "england", "E06000001", "Elsewhere");
  const editor = await fixtures.user(database, "editor@example.org", org.id, { roles: [[partnership.id, "editor"]] });
  const viewer = await fixtures.user(database, "viewer@example.org", org.id, { roles: [[partnership.id, "viewer"]] });
  const coordinator = await fixtures.user(database, "coordinator@example.org", org.id, { nations: [nation] });
  const admin = await fixtures.user(database, "admin@example.org", org.id, { admin: true });
  const outsider = await fixtures.user(database, "outsider@example.org", org.id, { roles: [[other.id, "editor"]] });
  const db = database.db;
  const activity = await saveActivity(db, audit, partnership.id, null, activityInput("Cost of the school day"));
  const today = londonToday();
  const survey = await saveSurvey(db, audit, partnership, activity.id, {
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 21),
    retainUntil: addDays(today, 365),
    welsh: nation === "wales",
    offerContact: true,
    askAudience: false,
    burstLimit: 30,
    introStandardEn: "",
    introYoungEn: "",
    introStandardCy: "",
    introYoungCy: "",
    localHelp: "",
  });
  const q1 = await saveQuestion(
    db,
    audit,
    partnership.id,
    activity.id,
    null,
    question({
      kind: "single",
      required: true,
      textStandardEn: "How often do you pay for school trips?",
      textYoungEn: "Do you have to pay for school trips?",
      textStandardCy: "Pa mor aml ydych chi'n talu am dripiau ysgol?",
      optionsStandardEn: ["Often", "Sometimes", "Never"],
      optionsYoungEn: ["Lots", "A bit", "Never"],
    }),
  );
  const q2 = await saveQuestion(
    db,
    audit,
    partnership.id,
    activity.id,
    null,
    question({
      kind: "text",
      page: 2,
      textStandardEn: "What costs the most?",
      textYoungEn: "What costs the most at school?",
      maxLength: 30,
    }),
  );
  const q3 = await saveQuestion(
    db,
    audit,
    partnership.id,
    activity.id,
    null,
    question({ kind: "rating", page: 3, textStandardEn: "How fair is the cost of school?", scale: "quality" }),
  );
  const q4 = await saveQuestion(
    db,
    audit,
    partnership.id,
    activity.id,
    null,
    question({ kind: "postcode", page: 4, textStandardEn: "Your postcode" }),
  );
  const { saveSkips } = await import("../../src/cycle/consultation/survey-service.ts");
  const { listQuestions } = await import("../../src/cycle/consultation/survey-repository.ts");
  await saveSkips(
    db,
    audit,
    partnership.id,
    activity.id,
    q1.id,
    { "skip-o3": "end" },
    await listQuestions(db, survey.id),
  );
  return {
    partnership,
    other,
    editor,
    viewer,
    coordinator,
    admin,
    outsider,
    activity,
    survey,
    questions: { q1, q2, q3, q4 },
    today,
  };
}

/** The draft token in a survey page's hidden field. */
export function tokenIn(html: string): string {
  const match = /name="token" value="([A-Za-z0-9_-]{43})"/.exec(html);
  if (!match) throw new Error("no draft token on the page");
  return match[1]!;
}

/** Changes a survey's row directly (dates, limits), as time passing would, and drops the public pages' copy. */
export async function changeSurvey(db: Db, surveyId: string, values: Partial<typeof surveys.$inferInsert>) {
  await db.update(surveys).set(values).where(eq(surveys.id, surveyId));
  forgetPublicSurveys();
}
