import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import {
  surveyContacts,
  surveyDailyCounts,
  surveyResponses,
  surveyTallies,
  surveyTextAnswers,
} from "../../src/cycle/consultation/index.ts";
import { surveyDrafts, surveyThrottle } from "../../src/cycle/have-your-say/index.ts";
import { appTest } from "../helpers/app-test.ts";
import { addDays, changeSurvey, consultationWorld, tokenIn } from "../helpers/consultation-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

type Fields = Record<string, string | string[]>;

const test = appTest
  .extend("world", { scope: "file" }, ({ database }) => consultationWorld(database))
  .extend(
    "count",
    { scope: "file" },
    ({ db }) =>
      async (table: Parameters<ReturnType<typeof db.select>["from"]>[0]) => {
        const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
        return Number(row!.n);
      },
  )
  /** Posts a form as a browser at `address` would, with a distinctive user agent to look for later. */
  .extend(
    "post",
    { scope: "file" },
    ({ app }) =>
      (client: TestClient, url: string, fields: Fields, address = "203.0.113.7") => {
        const body = new URLSearchParams();
        for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
        body.set("_csrf", client.csrfToken());
        const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
        return app.inject({
          method: "POST",
          url,
          payload: body.toString(),
          remoteAddress: address,
          headers: {
            cookie,
            "content-type": "application/x-www-form-urlencoded",
            "user-agent": "TestBrowser/1.0 (unique-agent-7f3)",
          },
        });
      },
  )
  /** Starts the young people's version and answers every page; returns the last response. */
  .extend(
    "answerSurvey",
    { scope: "file" },
    ({ post, world }) =>
      async (client: TestClient, address = "203.0.113.7") => {
        const base = `/have-your-say/${world.activity.id}`;
        const start = await post(client, `${base}/start`, { version: "young", lang: "en" }, address);
        if (start.statusCode !== 200) return start;
        const token = tokenIn(start.body);
        await post(client, `${base}/answer`, { token, at: "page:1", q1: "o1" }, address);
        await post(client, `${base}/answer`, { token, at: "page:2", q2: "Uniform and trips" }, address);
        await post(client, `${base}/answer`, { token, at: "page:3", q3: "2" }, address);
        await post(client, `${base}/answer`, { token, at: "page:4", q4: "dl1 5ad" }, address);
        return post(client, `${base}/answer`, { token, at: "check", nav: "send" }, address);
      },
  );

describe("the public survey", () => {
  test("is listed on Have your say and linked from /published, with Exit this page and help", async ({
    world,
    client,
  }) => {
    const person = client();
    const index = await person.get("/have-your-say");
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain("Cost of the school day");
    expect(index.body).toContain("govuk-exit-this-page");
    expect(index.body).toContain("Where to get help now");
    const published = await person.get("/published");
    expect(published.body).toContain('href="/have-your-say"');
    const start = await person.get(`/have-your-say/${world.activity.id}`);
    expect(start.statusCode).toBe(200);
    expect(start.body).toMatch(/href="https:\/\/www\.bbc\.co\.uk\/weather"/);
    expect(start.body).toContain("Young people&#39;s version");
  });

  test("keeps answers and shows the error summary when a required answer is missing, saving nothing", async ({
    world,
    client,
    post,
    count,
  }) => {
    const person = client();
    const base = `/have-your-say/${world.activity.id}`;
    const start = await post(person, `${base}/start`, { version: "young", lang: "en" });
    const token = tokenIn(start.body);
    expect(start.body).toContain("Do you have to pay for school trips?");
    const missing = await post(person, `${base}/answer`, { token, at: "page:1" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("govuk-error-summary");
    expect(missing.body).toContain("Answer the question: Do you have to pay for school trips?");
    await post(person, `${base}/answer`, { token, at: "page:1", q1: "o2" });
    const tooLong = await post(person, `${base}/answer`, { token, at: "page:2", q2: "x".repeat(31) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("Your answer to “What costs the most at school?” must be 30 characters or fewer");
    expect(tooLong.body).toContain("x".repeat(31));
    expect(await count(surveyResponses)).toBe(0);
  });

  test("skips to the end and sends; stores no address or browser details anywhere", async ({
    db,
    world,
    client,
    post,
    count,
  }) => {
    const auditBefore = await count(auditLog);
    const draftsBefore = await count(surveyDrafts);
    const person = client();
    const base = `/have-your-say/${world.activity.id}`;
    const start = await post(person, `${base}/start`, { version: "standard", lang: "en" });
    const token = tokenIn(start.body);
    const check = await post(person, `${base}/answer`, { token, at: "page:1", q1: "o3" });
    expect(check.body).toContain("would you like us to tell you what happened?".replace("would", "Would"));
    const contact = await post(person, `${base}/answer`, {
      token,
      at: "contact",
      wantContact: "yes",
      contact: "parent@example.org",
    });
    expect(contact.statusCode).toBe(400);
    expect(contact.body).toContain("Tick the box to agree");
    const summary = await post(person, `${base}/answer`, {
      token,
      at: "contact",
      wantContact: "yes",
      contact: "parent@example.org",
      consent: "yes",
    });
    expect(summary.body).toContain("Check your answers before sending them");
    const sent = await post(person, `${base}/answer`, { token, at: "check", nav: "send" });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${base}/thank-you?lang=en`);
    const [response] = await db.select().from(surveyResponses);
    expect(response).toMatchObject({
      version: "standard",
      language: "en",
      source: "online",
      answers: { [world.questions.q1.id]: "o3" },
    });
    expect(Object.keys(response!)).not.toContain("ip");
    const [contactRow] = await db.select().from(surveyContacts);
    expect(contactRow!.contact).toBe("parent@example.org");
    // Contact details are not linked to the answers in any way.
    expect(JSON.stringify(contactRow)).not.toContain(response!.id);
    expect(await count(surveyDrafts)).toBe(draftsBefore);
    const everything = JSON.stringify(
      await Promise.all(
        [
          surveyResponses,
          surveyTextAnswers,
          surveyContacts,
          surveyDrafts,
          surveyThrottle,
          surveyTallies,
          surveyDailyCounts,
        ].map((table) => db.select().from(table)),
      ),
    );
    expect(everything).not.toContain("203.0.113.7");
    expect(everything).not.toContain("unique-agent-7f3");
    // Anonymous answers write nothing to the audit log, which keeps addresses.
    expect(await count(auditLog)).toBe(auditBefore);
  });

  test("keeps only the postcode district and answers on the path taken", async ({
    db,
    world,
    client,
    answerSurvey,
  }) => {
    const sent = await answerSurvey(client());
    expect(sent.statusCode).toBe(303);
    const rows = await db.select().from(surveyResponses).where(eq(surveyResponses.version, "young"));
    expect(rows.at(-1)!.answers[world.questions.q4.id]).toBe("DL1");
    const texts = await db.select().from(surveyTextAnswers);
    expect(texts.map((row) => row.text)).toContain("Uniform and trips");
  });

  test("drops a robot's answers that filled the honeypot, and thanks it", async ({ world, client, post, count }) => {
    const before = await count(surveyResponses);
    const person = client();
    const base = `/have-your-say/${world.activity.id}`;
    const token = tokenIn((await post(person, `${base}/start`, { version: "standard" })).body);
    await post(person, `${base}/answer`, { token, at: "page:1", q1: "o3" });
    const sent = await post(person, `${base}/answer`, {
      token,
      at: "check",
      nav: "send",
      website: "http://spam.example",
    });
    expect(sent.statusCode).toBe(303);
    expect(await count(surveyResponses)).toBe(before);
  });

  test("sends a draft once: the same send posted twice at once keeps one response and counts it once", async ({
    db,
    world,
    client,
    post,
    count,
  }) => {
    const before = await count(surveyResponses);
    const person = client();
    const base = `/have-your-say/${world.activity.id}`;
    const token = tokenIn((await post(person, `${base}/start`, { version: "young" })).body);
    await post(person, `${base}/answer`, { token, at: "page:1", q1: "o2" });
    const tally = async () =>
      (await db.select().from(surveyTallies)).find(
        (row) => row.questionId === world.questions.q1.id && row.version === "young" && row.value === "o2",
      )?.count ?? 0;
    const talliedBefore = await tally();
    const sends = await Promise.all(
      [1, 2].map(() => post(person, `${base}/answer`, { token, at: "check", nav: "send" })),
    );
    // One is sent; the other finds the draft gone (sent already, or timed out): never a second copy.
    expect(sends.every((sent) => sent.statusCode === 303 || sent.statusCode === 410)).toBe(true);
    expect(sends.some((sent) => sent.statusCode === 303)).toBe(true);
    expect(await count(surveyResponses)).toBe(before + 1);
    expect(await tally()).toBe(talliedBefore + 1);
  });

  test("refuses a forged or missing CSRF token with 403 and saves nothing", async ({ world, client, count }) => {
    const before = await count(surveyDrafts);
    const person = client();
    const forged = await person.post(
      `/have-your-say/${world.activity.id}/start`,
      { version: "young" },
      { csrf: "forged" },
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("govuk-exit-this-page");
    const missing = await person.post(
      `/have-your-say/${world.activity.id}/start`,
      { version: "young" },
      { csrf: false },
    );
    expect(missing.statusCode).toBe(403);
    expect(await count(surveyDrafts)).toBe(before);
  });

  test("answers a burst from one address with a plain 429 page; other addresses carry on", async ({
    db,
    world,
    client,
    count,
    answerSurvey,
  }) => {
    await changeSurvey(db, world.survey.id, { burstLimit: 5 });
    const before = await count(surveyResponses);
    for (let i = 0; i < 5; i++) expect((await answerSurvey(client(), "198.51.100.9")).statusCode).toBe(303);
    const refused = await answerSurvey(client(), "198.51.100.9");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
    expect(refused.body).toContain("Too many answers from your connection");
    expect(refused.body).toContain("Nothing has been saved");
    expect(await count(surveyResponses)).toBe(before + 5);
    expect((await answerSurvey(client(), "198.51.100.10")).statusCode).toBe(303);
    const hashes = await db.select({ hash: surveyThrottle.addressHash }).from(surveyThrottle);
    expect(JSON.stringify(hashes)).not.toContain("198.51.100");
    await changeSurvey(db, world.survey.id, { burstLimit: 30 });
  });

  test("refuses an oversized post with 413 and an expired draft with a plain page", async ({ world, client, post }) => {
    const person = client();
    const big = await post(person, `/have-your-say/${world.activity.id}/answer`, {
      token: "x",
      at: "page:2",
      q2: "y".repeat(300_000),
    });
    expect(big.statusCode).toBe(413);
    const gone = await post(person, `/have-your-say/${world.activity.id}/answer`, {
      token: "A".repeat(43),
      at: "page:1",
      q1: "o1",
    });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain("Your answers were not kept");
  });

  test("says clearly when the survey has closed, and accepts no more answers", async ({
    db,
    world,
    client,
    post,
    count,
  }) => {
    const person = client();
    const base = `/have-your-say/${world.activity.id}`;
    const token = tokenIn((await post(person, `${base}/start`, { version: "young" })).body);
    const closedOn = addDays(world.today, -1);
    await changeSurvey(db, world.survey.id, { opensOn: addDays(world.today, -30), closesOn: closedOn });
    const page = await person.get(base);
    expect(page.body).toContain("This survey has closed");
    expect(page.body).toContain("This survey closed on");
    const before = await count(surveyResponses);
    const late = await post(person, `${base}/answer`, { token, at: "page:1", q1: "o3" });
    expect(late.statusCode).toBe(303);
    expect(await count(surveyResponses)).toBe(before);
    expect((await post(person, `${base}/start`, { version: "young" })).statusCode).toBe(303);
  });
});
