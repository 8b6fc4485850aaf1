import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { engagementActivities, surveyResponses, surveys } from "../../src/cycle/consultation/index.ts";
import { saveOnlineResponse } from "../../src/cycle/consultation/response-service.ts";
import { listQuestions } from "../../src/cycle/consultation/survey-repository.ts";
import { appTest } from "../helpers/app-test.ts";
import { addDays, changeSurvey, consultationWorld, tokenIn } from "../helpers/consultation-fixtures.ts";
import { postFile } from "../helpers/strategy-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

/**
 * "Who are you answering as?": the survey setting, the public question in each version and in
 * Welsh (changeable on check your answers), the counts by audience under disclosure control,
 * the export's column and paper imports of it, the public "you said, we did" page and the national
 * view. One world; the tests run in order.
 */
const test = appTest.extend("world", { scope: "file" }, ({ database }) => consultationWorld(database));

let editor: TestClient;
let base: string;

test.beforeAll(async ({ world, signIn }) => {
  editor = await signIn("editor@example.org");
  base = `/partnerships/${world.partnership.id}/consultation/${world.activity.id}`;
});

/** Rows of the analysis page's audience table: label → [young, standard, total] as shown. */
function audienceRows(html: string): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const match of html.matchAll(/<tr class="govuk-table__row" data-audience="[^"]+">(.*?)<\/tr>/g)) {
    const label = /<th[^>]*>(.*?)<\/th>/.exec(match[1]!)![1]!.replace(/&#39;/g, "'");
    rows[label] = [...match[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!);
  }
  return rows;
}

describe("who people answer as", () => {
  test("is asked first once the survey setting is on, worded for each version and in Welsh, and can be changed", async ({
    db,
    world,
    client,
  }) => {
    const settings = await editor.post(`${base}/survey/settings`, {
      opensOn: addDays(world.today, -7),
      closesOn: addDays(world.today, 21),
      retainUntil: addDays(world.today, 365),
      offerContact: "yes",
      askAudience: "yes",
      burstLimit: "30",
    });
    expect(settings.statusCode).toBe(303);
    expect((await db.select().from(surveys).where(eq(surveys.id, world.survey.id)))[0]!.askAudience).toBe(true);

    const pub = `/have-your-say/${world.activity.id}`;
    const young = client();
    const first = await young.post(`${pub}/start`, { version: "young", lang: "en" });
    expect(first.body).toContain("Who are you?");
    expect(first.body).toContain("I&#39;m 8 to 11");
    expect(first.body).toContain("I&#39;d rather not say");
    const token = tokenIn(first.body);
    await young.post(`${pub}/answer`, { token, at: "page:0", audience: "children-8-11" });
    const check = await young.post(`${pub}/answer`, { token, at: "page:1", q1: "o3" });
    expect(check.body).toContain("Check your answers before sending them");
    expect(check.body).toContain("I&#39;m 8 to 11");
    const again = await young.post(`${pub}/answer`, { token, at: "check", nav: "goto:0" });
    expect(again.body).toContain("Who are you?");
    const changed = await young.post(`${pub}/answer`, {
      token,
      at: "page:0",
      audience: "parents-carers",
      returnToCheck: "1",
    });
    expect(changed.body).toContain("I&#39;m a parent or carer");
    expect((await young.post(`${pub}/answer`, { token, at: "check", nav: "send" })).statusCode).toBe(303);

    // Welsh, standard version, left blank: kept as not said, never worked out from anything else.
    await changeSurvey(db, world.survey.id, { welsh: true });
    const welsh = client();
    const cy = await welsh.post(`${pub}/start`, { version: "standard", lang: "cy" });
    expect(cy.body).toContain("Ym mha rinwedd ydych chi&#39;n ateb?");
    expect(cy.body).toContain("Mae&#39;n well gen i beidio â dweud");
    const cyToken = tokenIn(cy.body);
    await welsh.post(`${pub}/answer`, { token: cyToken, at: "page:0", lang: "cy" });
    await welsh.post(`${pub}/answer`, { token: cyToken, at: "page:1", q1: "o3", lang: "cy" });
    await welsh.post(`${pub}/answer`, { token: cyToken, at: "contact", wantContact: "no", lang: "cy" });
    const sent = await welsh.post(`${pub}/answer`, { token: cyToken, at: "check", nav: "send", lang: "cy" });
    expect(sent.statusCode).toBe(303);
    await changeSurvey(db, world.survey.id, { welsh: false });

    const rows = await db
      .select({
        version: surveyResponses.version,
        language: surveyResponses.language,
        audience: surveyResponses.audience,
      })
      .from(surveyResponses)
      .orderBy(surveyResponses.language);
    expect(rows).toEqual([
      { version: "standard", language: "cy", audience: null },
      { version: "young", language: "en", audience: "parents-carers" },
    ]);
  });

  test("counts responses by audience and version exactly, showing small counts as [c]", async ({
    db,
    world,
    query,
  }) => {
    const questions = await listQuestions(db, world.survey.id);
    const survey = (await db.select().from(surveys).where(eq(surveys.id, world.survey.id)))[0]!;
    const plan: [string | undefined, "young" | "standard", number][] = [
      ["parents-carers", "standard", 14],
      ["children-12-15", "young", 3],
      ["prefer-not-to-say", "standard", 11],
      [undefined, "young", 20],
    ];
    await db.transaction(async (tx) => {
      for (const [audience, version, n] of plan)
        for (let i = 0; i < n; i += 1)
          await saveOnlineResponse(
            tx,
            survey,
            questions,
            {
              version,
              language: "en",
              submittedOn: world.today,
              answers: { ...(audience ? { audience } : {}), [world.questions.q1.id]: "o1" },
            },
            null,
          );
    });
    // The daily counts agree with the responses for every audience, not asked included.
    const mismatched = await query<{ audience: string | null }>(sql`
      select coalesce(r.audience, d.audience) as audience from
        (select coalesce(audience, '-') as audience, count(*)::int as n from survey_responses group by 1) r
        full join (select coalesce(audience, '-') as audience, sum(count)::int as n from survey_daily_counts group by 1) d
        on r.audience = d.audience
      where r.n is distinct from d.n`);
    expect(mismatched).toEqual([]);
    const [nulls] = await query<{ n: number }>(
      sql`select count(*)::int as n from survey_daily_counts where audience is null`,
    );
    // One "not asked" row per version and language today: the nulls are one key, added to.
    expect(nulls!.n).toBe(2);

    const page = await editor.get(`${base}/analysis`);
    expect(page.statusCode).toBe(200);
    const table = audienceRows(page.body);
    expect(Object.keys(table)).toEqual([
      "Children under 8",
      "Children aged 8 to 11",
      "Children aged 12 to 15",
      "Young people aged 16 to 25",
      "Parents and carers",
      "Organisations working with or representing children and families",
      "Prefer not to say",
      "Not asked or not answered",
      "All responses",
    ]);
    expect(table["Children aged 12 to 15"]).toEqual(["[c]", "0", "[c]"]);
    // One young parent: withheld, and so is the standard count it could be worked out from.
    expect(table["Parents and carers"]).toEqual(["[c]", "[c]", "15"]);
    expect(table["All responses"]![2]).toBe("50");
    expect(page.body).toContain("[c] means fewer than 10 people");
  });

  test("exports the audience in words and imports it from paper, refusing an unknown one by row and column", async ({
    db,
  }) => {
    const csv = await editor.get(`${base}/export/responses/csv`);
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(header!.split(",").slice(0, 6)).toEqual([
      "Response",
      "Version",
      "Language",
      "Source",
      "Submitted on",
      "Audience",
    ]);
    const audienceCells = lines.map((line) => line.split(",")[5]);
    expect(audienceCells.filter((cell) => cell === "Prefer not to say")).toHaveLength(11);
    expect(audienceCells.filter((cell) => cell === "")).toHaveLength(21);

    const responses = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses))[0]!.n;
    const paperFile = (secondAudience: string) => ({
      name: "paper.csv",
      content: `Version,Audience,q1: How often\r\nyoung,I'm 12 to 15,Lots\r\nstandard,${secondAudience},Never\r\n`,
      type: "text/csv",
    });
    const before = await responses();
    const refused = await postFile(editor, `${base}/survey/import`, paperFile("Grandparents"));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Row 3, column B: “Grandparents” is not one of the audiences");
    expect(await responses()).toBe(before);
    const imported = await postFile(editor, `${base}/survey/import`, paperFile(""));
    expect(imported.statusCode).toBe(303);
    const paper = await db
      .select({ audience: surveyResponses.audience })
      .from(surveyResponses)
      .where(eq(surveyResponses.source, "paper"))
      .orderBy(surveyResponses.version);
    expect(paper).toEqual([{ audience: null }, { audience: "children-12-15" }]);
  });

  test("shows who answered on the public page under the analysis page's rule", async ({ db, world, client }) => {
    // Published directly: what is tested is the page, not the publishing rules.
    await db
      .update(engagementActivities)
      .set({ publishedAt: new Date(), weDid: "We listened.", informs: ["report"], reportYear: "2025/26" })
      .where(eq(engagementActivities.id, world.activity.id));
    const analysis = audienceRows((await editor.get(`${base}/analysis`)).body);
    const page = await client().get(`/have-your-say/${world.activity.id}/you-said-we-did`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Who answered the survey");
    const shown = audienceRows(page.body);
    // The same table as the analysis page: small counts [c], the rest rounded, blanks as a row of their own.
    expect(shown).toEqual(analysis);
    expect(shown["Children aged 12 to 15"]).toEqual(["[c]", "0", "[c]"]);
    expect(shown["Parents and carers"]).toEqual(["[c]", "[c]", "15"]);
    // Withheld further so that no [c] can be worked out from its row's or column's total.
    expect(shown["Prefer not to say"]).toEqual(["0", "[c]", "[c]"]);
    expect(shown["Not asked or not answered"]).toEqual(["[c]", "[c]", "20"]);
    expect(shown["All responses"]).toEqual(["25", "25", "50"]);
    expect(page.body).toContain("[c] means fewer than 10 people");
  });

  test("breaks the national view's engagement down by audience group, disclosure-controlled there and in the download", async ({
    signIn,
  }) => {
    const coordinator = await signIn("coordinator@example.org");
    const page = await coordinator.get("/national/england?year=2025/26");
    expect(page.statusCode).toBe(200);
    // 4 children (withheld), 15 parents (withheld with them, or it could be worked out), 33 not known.
    expect(page.body).toContain("52 people");
    expect(page.body).toContain("<li>Children and young people: [c]</li>");
    expect(page.body).toContain("<li>Parents and carers: [c]</li>");
    expect(page.body).toContain("<li>Organisations: 0</li>");
    expect(page.body).toContain("<li>Not known: 35</li>");
    const csv = await coordinator.get("/national/england/export.csv?year=2025/26");
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][];
    const at = header!.indexOf("People taking part in them");
    expect(header!.slice(at + 1, at + 5)).toEqual([
      "Of them: children and young people (rounded to 5, [c] fewer than 10)",
      "Of them: parents and carers (rounded to 5, [c] fewer than 10)",
      "Of them: organisations (rounded to 5, [c] fewer than 10)",
      "Of them: not known (rounded to 5, [c] fewer than 10)",
    ]);
    const row = rows.find((cells) => cells[0] === "Testford Partnership");
    expect(row!.slice(at, at + 5)).toEqual(["52", "[c]", "[c]", "0", "35"]);
  });
});
