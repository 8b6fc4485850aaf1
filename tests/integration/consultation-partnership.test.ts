import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import {
  answerThemes,
  consultationThemes,
  engagementActivities,
  purgeExpiredSurveyData,
  surveyContacts,
  surveyResponses,
  surveyTextAnswers,
} from "../../src/cycle/consultation/index.ts";
import { saveOnlineResponse } from "../../src/cycle/consultation/response-service.ts";
import { listQuestions } from "../../src/cycle/consultation/survey-repository.ts";
import { needsAssessments, needsFindings } from "../../src/cycle/needs-assessment/index.ts";
import { actions } from "../../src/cycle/actions/index.ts";
import { strategyPriorities } from "../../src/cycle/strategy/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { appTest } from "../helpers/app-test.ts";
import { addDays, changeSurvey, consultationWorld } from "../helpers/consultation-fixtures.ts";
import { addMember } from "../helpers/partnership-fixtures.ts";
import { postFile } from "../helpers/strategy-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

let editor: TestClient;
let base: string;
let actionId: string;
let findingId: string;
let priorityTitle: string;

const said = (n: number, text: string) => Array.from({ length: n }, (_, i) => `${text} ${i + 1}`);

const test = appTest.extend("world", { scope: "file" }, ({ database }) => consultationWorld(database));

test.beforeAll(async ({ database, db, world, signIn }) => {
  await addMember(database, world.partnership.id, "Testford Council", "council");
  await buildDemoStrategy(db, { partnershipId: world.partnership.id, actions: 3 });
  [{ id: actionId }] = (await db
    .select({ id: actions.id })
    .from(actions)
    .where(eq(actions.partnershipId, world.partnership.id))
    .limit(1)) as [{ id: string }];
  const [assessment] = await db.insert(needsAssessments).values({ partnershipId: world.partnership.id }).returning();
  const [finding] = await db
    .insert(needsFindings)
    .values({
      partnershipId: world.partnership.id,
      assessmentId: assessment!.id,
      sectionCode: "context",
      statement: "School costs keep children out of trips",
    })
    .returning();
  findingId = finding!.id;
  // Twelve people wrote about uniform and three about trips, on both versions.
  const questions = await listQuestions(db, world.survey.id);
  const { q1, q2 } = world.questions;
  await db.transaction(async (tx) => {
    for (const [index, text] of [...said(12, "The uniform costs too much"), ...said(3, "Trips are too dear")].entries())
      await saveOnlineResponse(
        tx,
        world.survey,
        questions,
        {
          version: index % 2 ? "young" : "standard",
          language: "en",
          submittedOn: world.today,
          answers: { [q1.id]: "o1", [q2.id]: text },
        },
        index === 0 ? { name: "A parent", contact: "parent@example.org" } : null,
      );
  });
  editor = await signIn("editor@example.org");
  base = `/partnerships/${world.partnership.id}/consultation/${world.activity.id}`;
});

describe("free-text answers and roles", () => {
  test("lets people with a role read free text, audited; coordinators and administrators see aggregates only", async ({
    db,
    world,
    signIn,
  }) => {
    const answersUrl = `${base}/answers/${world.questions.q2.id}`;
    const viewer = await signIn("viewer@example.org");
    const page = await viewer.get(answersUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("The uniform costs too much 1");
    const [read] = await db.select().from(auditLog).where(eq(auditLog.action, "consultation.free_text.read"));
    expect(read).toBeDefined();
    const coordinator = await signIn("coordinator@example.org");
    expect((await coordinator.get(answersUrl)).statusCode).toBe(403);
    expect((await coordinator.get(`${base}/export/responses/csv`)).statusCode).toBe(403);
    expect((await coordinator.get(`${base}/quotes`)).statusCode).toBe(403);
    const analysis = await coordinator.get(`${base}/analysis`);
    expect(analysis.statusCode).toBe(200);
    expect(analysis.body).toContain("15 responses");
    expect(analysis.body).not.toContain("The uniform costs too much");
    const admin = await signIn("admin@example.org");
    expect((await admin.get(answersUrl)).statusCode).toBe(403);
    const outsider = await signIn("outsider@example.org");
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await outsider.get(answersUrl)).statusCode).toBe(404);
    const csv = await viewer.get(`${base}/export/responses/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("q2: What costs the most?");
    expect(csv.body).toContain("Trips are too dear 3");
  });

  test("keeps viewers from coding", async ({ world, signIn }) => {
    const viewer = await signIn("viewer@example.org");
    const response = await viewer.post(`${base}/answers/${world.questions.q2.id}`, { answer: "x" });
    expect(response.statusCode).toBe(403);
  });
});

describe("coding, quotes and you said, we did", () => {
  let uniform: string;
  let trips: string;

  test("adds themes and codes answers, refusing forged ids", async ({ db, world }) => {
    for (const [name, response] of [
      ["School uniform costs", "We funded a uniform swap in every primary school."] as const,
      ["Paying for trips", "Schools agreed no child misses a trip for cost."] as const,
    ]) {
      const created = await editor.post(`${base}/themes/new`, { name, description: "", response, otherMentions: "" });
      expect(created.statusCode).toBe(303);
    }
    const themes = await db
      .select()
      .from(consultationThemes)
      .where(eq(consultationThemes.activityId, world.activity.id));
    uniform = themes.find((th) => th.name === "School uniform costs")!.id;
    trips = themes.find((th) => th.name === "Paying for trips")!.id;
    const answers = await db.select().from(surveyTextAnswers).where(eq(surveyTextAnswers.surveyId, world.survey.id));
    const fields: Record<string, string | string[]> = { answer: answers.map((a) => a.id) };
    for (const answer of answers) fields[`codes-${answer.id}`] = answer.text!.startsWith("Trips") ? [trips] : [uniform];
    const forged = await editor.post(`${base}/answers/${world.questions.q2.id}`, {
      ...fields,
      [`codes-${answers[0]!.id}`]: "00000000-0000-4000-8000-000000000000",
    });
    expect(forged.statusCode).toBe(400);
    expect(await db.select().from(answerThemes)).toHaveLength(0);
    const saved = await editor.post(`${base}/answers/${world.questions.q2.id}?filter=all&page=1`, fields);
    expect(saved.statusCode).toBe(303);
    expect(await db.select().from(answerThemes)).toHaveLength(15);
  });

  test("holds back a quote that looks like personal data until a reviewer confirms", async ({ db, world }) => {
    const [answer] = await db
      .select()
      .from(surveyTextAnswers)
      .where(eq(surveyTextAnswers.surveyId, world.survey.id))
      .limit(1);
    const proposed = await editor.post(`${base}/quotes/from/${answer!.id}`, {
      text: "Sarah Jones said the uniform costs £90 a year",
      themeId: uniform,
    });
    expect(proposed.statusCode).toBe(303);
    const quotes = await editor.get(`${base}/quotes`);
    expect(quotes.body).toContain("Looks like a name: Sarah Jones");
    const quoteId = /quotes\/([0-9a-f-]{36})\/approve/.exec(quotes.body)![1]!;
    const unconfirmed = await editor.post(`${base}/quotes/${quoteId}/approve`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain("Confirm you have checked the quote");
    const changed = await editor.post(`${base}/quotes/${quoteId}/edit`, {
      text: "The uniform costs £90 a year",
      themeId: uniform,
    });
    expect(changed.statusCode).toBe(303);
    expect((await editor.post(`${base}/quotes/${quoteId}/approve`, {})).statusCode).toBe(303);
  });

  test("links themes to an action and a finding, two-way", async ({ world }) => {
    const link = await editor.post(`${base}/themes/${uniform}/link`, { target: `action:${actionId}` });
    expect(link.statusCode).toBe(303);
    expect((await editor.post(`${base}/themes/${uniform}/link`, { target: `finding:${findingId}` })).statusCode).toBe(
      303,
    );
    const forged = await editor.post(`${base}/themes/${trips}/link`, {
      target: "action:00000000-0000-4000-8000-000000000000",
    });
    expect(forged.statusCode).toBe(400);
    const actionPage = await editor.get(`/partnerships/${world.partnership.id}/actions/${actionId}`);
    expect(actionPage.body).toContain("School uniform costs");
  });

  test("links a theme to a priority, which the public page names", async ({ db, world }) => {
    const [priority] = await db
      .select({ id: strategyPriorities.id, title: strategyPriorities.title })
      .from(strategyPriorities)
      .where(eq(strategyPriorities.partnershipId, world.partnership.id))
      .limit(1);
    priorityTitle = priority!.title;
    expect(
      (await editor.post(`${base}/themes/${uniform}/link`, { target: `priority:${priority!.id}` })).statusCode,
    ).toBe(303);
  });

  test("removes a theme's link after asking on a confirmation page", async () => {
    expect((await editor.post(`${base}/themes/${trips}/link`, { target: `finding:${findingId}` })).statusCode).toBe(
      303,
    );
    const theme = await editor.get(`${base}/themes/${trips}`);
    const href = new RegExp(`href="(${base}/themes/${trips}/links/finding/${findingId}/delete)"`).exec(theme.body)![1]!;
    const confirm = await editor.get(href);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Are you sure you want to remove the link from the theme");
    expect((await editor.post(href, {})).statusCode).toBe(303);
    expect((await editor.get(`${base}/themes/${trips}`)).body).not.toContain(href);
    expect((await editor.post(href, {})).statusCode).toBe(404);
  });

  test("publishes only once the survey has closed and every theme has a response", async ({ db, world }) => {
    const early = await editor.post(`${base}/publish`, { weDid: "We listened." });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("Publish once the activity has closed");
    await changeSurvey(db, world.survey.id, { opensOn: addDays(world.today, -30), closesOn: addDays(world.today, -1) });
    const published = await editor.post(`${base}/publish`, {
      weDid: "We changed how schools charge for uniform and trips.",
    });
    expect(published.statusCode).toBe(303);
  });

  test("shows the public page with themes, [c] for small counts, quotes and the action's status", async ({
    world,
    client,
  }) => {
    const page = await client().get(`/have-your-say/${world.activity.id}/you-said-we-did`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("School uniform costs");
    // 12 people → 10 (rounded to 5); 3 people → [c].
    expect(page.body).toMatch(
      /School uniform costs<\/h3>\s*<p class="govuk-body-s">People who said this: <strong>10<\/strong>/,
    );
    expect(page.body).toMatch(
      /Paying for trips<\/h3>\s*<p class="govuk-body-s">People who said this: <strong>\[c\]<\/strong>/,
    );
    expect(page.body).toContain("The uniform costs £90 a year");
    expect(page.body).toContain("Priorities in our strategy that answer this:");
    const escaped = priorityTitle.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
    expect(page.body).toContain(`<li>${escaped}</li>`);
    expect(page.body).not.toContain("Sarah Jones");
    expect(page.body).toMatch(
      /Green – on track|Amber – some risk|Red – off track|Complete|Not started|No progress reported yet/,
    );
    expect(page.body).toContain("govuk-exit-this-page");
    const index = await client().get("/have-your-say");
    expect(index.body).toContain(`/have-your-say/${world.activity.id}/you-said-we-did`);
  });

  test("brings published themes into the needs assessment, beside the finding", async ({ world }) => {
    const page = await editor.get(`/partnerships/${world.partnership.id}/needs-assessment`);
    expect(page.body).toContain("What children, young people and families told us");
    expect(page.body).toContain("Children and families said:");
    expect(page.body).toContain("We funded a uniform swap in every primary school.");
  });

  test("draws the annual report's lived-experience section and completeness from the year's engagement", async ({
    db,
    world,
  }) => {
    const year = (
      await db.select().from(engagementActivities).where(eq(engagementActivities.id, world.activity.id))
    )[0]!;
    const reportYear = "2025/26";
    await db
      .update(engagementActivities)
      .set({ informs: ["report"], reportYear })
      .where(eq(engagementActivities.id, year.id));
    const created = await editor.post(`/partnerships/${world.partnership.id}/reports/new`, {
      type: "progress",
      reportingYear: reportYear,
    });
    expect(created.statusCode).toBe(303);
    const report = await editor.get(String(created.headers.location));
    expect(report.body).toContain("You said: School uniform costs (10 people)");
    expect(report.body).toContain("“you said, we did”");
  });
});

describe("rules that keep analysis whole", () => {
  test("never deletes an answered question, only hides it", async ({ world }) => {
    const url = `${base}/survey/questions/${world.questions.q2.id}`;
    const refused = await editor.post(`${url}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect((await editor.post(`${url}/change/hide`, {})).statusCode).toBe(303);
    const analysis = await editor.get(`${base}/analysis`);
    expect(analysis.body).toContain("Hidden");
  });

  test("imports paper responses all or nothing, naming row and column", async ({ db }) => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses))[0]!.n;
    const bad =
      "Version,Submitted on,q1: How often,q2: What costs\r\nyoung,2025-05-01,Often,Shoes\r\nelder,2025-05-01,Always,Coats\r\n";
    const refused = await postFile(editor, `${base}/survey/import`, {
      name: "paper.csv",
      content: bad,
      type: "text/csv",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Row 3, column A: the version must be “standard” or “young”, not “elder”");
    expect(refused.body).toContain(
      "Row 3, column C (q1): “Always” is not one of the answers (Often, Sometimes, Never)",
    );
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses))[0]!.n).toBe(before);
    const good =
      "Version,Submitted on,q1: How often,q2: What costs\r\nyoung,2025-05-01,Lots,Shoes\r\nstandard,01/05/2025,Never,\r\n";
    const imported = await postFile(editor, `${base}/survey/import`, {
      name: "paper.csv",
      content: good,
      type: "text/csv",
    });
    expect(imported.statusCode).toBe(303);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses))[0]!.n).toBe(Number(before) + 2);
  });

  test("purges contact details and erases free text after the retention date, keeping the codes", async ({
    db,
    world,
    client,
  }) => {
    expect(await db.select().from(surveyContacts)).toHaveLength(1);
    const codesBefore = (await db.select().from(answerThemes)).length;
    await changeSurvey(db, world.survey.id, { retainUntil: addDays(world.today, -1) });
    const result = await purgeExpiredSurveyData(db, world.today);
    expect(result.surveys).toBe(1);
    expect(await db.select().from(surveyContacts)).toHaveLength(0);
    const texts = await db.select().from(surveyTextAnswers).where(eq(surveyTextAnswers.surveyId, world.survey.id));
    expect(texts.every((row) => row.text === null)).toBe(true);
    expect((await db.select().from(answerThemes)).length).toBe(codesBefore);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "survey.retention_purge"), eq(auditLog.entityId, world.survey.id)));
    expect(entry).toBeDefined();
    expect((await purgeExpiredSurveyData(db, world.today)).surveys).toBe(0);
    const page = await client().get(`/have-your-say/${world.activity.id}/you-said-we-did`);
    expect(page.body).toMatch(/People who said this: <strong>10<\/strong>/);
  });
});
