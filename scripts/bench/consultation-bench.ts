/**
 * Consultation benchmark (issue 13), on the embedded database (or BENCH_DATABASE_URL):
 *  1. the public survey pages: p95 ≤ 30 ms (start page, and a page of answers posted);
 *  2. 50 submissions a second sustained, each a whole respondent (start, three pages, send),
 *     with the event-loop delay ≤ 50 ms;
 *  3. the partnership's analysis page with 20,000 responses: p95 ≤ 300 ms.
 * Run: npm run bench:consultation [-- seconds]. A fresh database each run: PGlite on disk, as
 * `cpah serve` runs it, or a new database on the server in BENCH_DATABASE_URL; dropped at the end.
 */
import os from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { buildApp } from "../../src/app.ts";
import { hashPassword } from "../../src/kernel/auth/passwords.ts";
import { loadConfig } from "../../src/kernel/config/config.ts";
import { csrfTokenFor } from "../../src/kernel/http/csrf.ts";
import { partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import { saveActivity } from "../../src/cycle/consultation/register-service.ts";
import { newActivity } from "../../src/cycle/consultation/schemas.ts";
import { saveQuestion, saveSurvey } from "../../src/cycle/consultation/survey-service.ts";
import { saveTheme } from "../../src/cycle/consultation/coding-service.ts";
import { replaceCodes } from "../../src/cycle/consultation/coding-repository.ts";
import {
  listTextAnswerIds,
  type NewResponse,
  writeResponses,
} from "../../src/cycle/consultation/response-repository.ts";
import { listQuestions } from "../../src/cycle/consultation/survey-repository.ts";
import { surveyAudiences } from "../../src/cycle/consultation/audience-question.ts";
import { demoQuestions } from "../../src/cycle/consultation/demo-content.ts";
import { openBenchDatabase } from "./bench-database.ts";

const seconds = Number(process.argv[2] ?? 10);
const config = loadConfig({
  NODE_ENV: "test",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-01",
  COOKIE_SECURE: "false",
  LOG_LEVEL: "silent",
  DATA_DIR: `${os.tmpdir()}/cpah-bench-consultation`,
});
const { database, drop } = await openBenchDatabase(process.env.BENCH_DATABASE_URL);
const db = database.db;
const audit = { actorUserId: null, actorLabel: "bench" };
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const [org] = await db
  .insert(organisations)
  .values({ name: `Benchford Council ${Date.now()}`, type: "council" })
  .returning();
const [partnership] = await db
  .insert(partnerships)
  .values({
    name: `Benchford ${Date.now()}`,
    nation: "england",
    areaCode: "E06000099",
    areaName: "Benchford",
    isFictional: true,
  })
  .returning();
await db.insert(partnershipMembers).values({ partnershipId: partnership!.id, organisationId: org!.id });

async function surveyWithQuestions(title: string) {
  const activity = await saveActivity(db, audit, partnership!.id, null, newActivity(title));
  const survey = await saveSurvey(db, audit, partnership!, activity.id, {
    opensOn: shift(-7),
    closesOn: shift(30),
    retainUntil: shift(400),
    welsh: false,
    offerContact: false,
    askAudience: false,
    burstLimit: 500,
    introStandardEn: "",
    introYoungEn: "",
    introStandardCy: "",
    introYoungCy: "",
    localHelp: "",
  });
  for (const question of demoQuestions(false))
    await saveQuestion(db, audit, partnership!.id, activity.id, null, question);
  return { activity, survey, questions: await listQuestions(db, survey.id) };
}

const live = await surveyWithQuestions("Live survey");
const big = await surveyWithQuestions("Twenty thousand responses");
const seedStart = performance.now();
const byCode = new Map(big.questions.map((q) => [q.code, q.id]));
const texts = [
  "The uniform costs too much",
  "Trips are too dear",
  "Lunch money runs out",
  "The bus fare",
  "Clubs cost too much",
];
for (let chunk = 0; chunk < 20; chunk++) {
  const rows: NewResponse[] = Array.from({ length: 1000 }, (_, i) => {
    const n = chunk * 1000 + i;
    return {
      version: n % 3 ? "standard" : "young",
      language: "en",
      source: "online",
      submittedOn: shift(-(n % 40)),
      // Every audience and "not asked" (null), so the analysis page's audience table has its full size.
      audience: [...surveyAudiences, null][n % (surveyAudiences.length + 1)] ?? null,
      answers: {
        [byCode.get("q1")!]: ["o1", "o2", "o3"][n % 3]!,
        [byCode.get("q2")!]: [["o1"], ["o1", "o2"], ["o3", "o5"], ["o4"]][n % 4]!,
        [byCode.get("q3")!]: String(1 + (n % 5)),
        [byCode.get("q4")!]: `${texts[n % 5]} (${n})`,
        [byCode.get("q5")!]: `DL${1 + (n % 17)}`,
      },
    };
  });
  await db.transaction((tx) => writeResponses(tx, big.survey, big.questions, rows));
}
const themeIds: string[] = [];
for (const name of ["Uniform", "Trips", "Food", "Transport", "Clubs"])
  themeIds.push(
    (
      await saveTheme(db, audit, partnership!.id, big.activity.id, null, {
        name,
        description: "",
        response: "",
        otherMentions: 0,
      })
    ).id,
  );
const answers = await listTextAnswerIds(db, partnership!.id, big.survey.id);
for (let i = 0; i < answers.length; i += 2000)
  await replaceCodes(
    db,
    partnership!.id,
    big.activity.id,
    answers
      .slice(i, i + 2000)
      .map((a, j) => ({ answerId: a.id, responseId: a.responseId, themeIds: [themeIds[(i + j) % 5]!] })),
  );
const seedMs = performance.now() - seedStart;

const [user] = await db
  .insert(users)
  .values({
    email: `bench-${Date.now()}@example.invalid`,
    name: "Bench",
    organisationId: org!.id,
    passwordHash: await hashPassword("bench password 123"),
  })
  .returning();
await db.insert(partnershipRoles).values({ userId: user!.id, partnershipId: partnership!.id, role: "editor" });
const { app } = await buildApp({ config, database, logger: false });
const pre = "cpah_pre=bench";
const csrf = csrfTokenFor(config.sessionSecret, "p:bench");
const signIn = await app.inject({
  method: "POST",
  url: "/sign-in",
  payload: `email=${encodeURIComponent(user!.email)}&password=${encodeURIComponent("bench password 123")}&_csrf=${encodeURIComponent(csrf)}`,
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: pre },
});
const session = signIn.cookies.find((cookie) => cookie.name === "cpah_session")!;

const post = (url: string, fields: Record<string, string>, address: string) =>
  app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    remoteAddress: address,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: pre },
  });
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1]!;

/** One whole respondent: start, three pages, send. */
async function respond(n: number) {
  const base = `/have-your-say/${live.activity.id}`;
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const token = tokenOf((await post(`${base}/start`, { version: n % 2 ? "young" : "standard" }, address)).body);
  await post(`${base}/answer`, { token, at: "page:1", q1: "o2", q2: "o1" }, address);
  await post(`${base}/answer`, { token, at: "page:2", q3: "4", q4: "Cheaper uniform" }, address);
  await post(`${base}/answer`, { token, at: "page:3", q5: "DL1" }, address);
  const sent = await post(`${base}/answer`, { token, at: "check", nav: "send" }, address);
  if (sent.statusCode !== 303) throw new Error(`send answered ${sent.statusCode}`);
}

function summary(times: number[]) {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: times.at(-1)! };
}

async function measure(label: string, run: () => Promise<unknown>, count: number) {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const s = summary(times);
  const c = summary(cpu);
  process.stdout.write(
    `${label}: ${count} requests, wall p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; CPU p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms\n`,
  );
  return s.p95;
}

process.stdout.write(
  `Load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores; ${database.kind}\n`,
);
process.stdout.write(`Seeded 20,000 responses with coded free text in ${(seedMs / 1000).toFixed(1)} s\n`);
const startPage = await measure(
  "survey start page (GET)",
  () => app.inject({ url: `/have-your-say/${live.activity.id}` }),
  200,
);
let pageToken = tokenOf(
  (await post(`/have-your-say/${live.activity.id}/start`, { version: "young" }, "10.9.9.9")).body,
);
const answerPage = await measure(
  "survey page of answers (POST, next page shown)",
  async () => {
    const response = await post(
      `/have-your-say/${live.activity.id}/answer`,
      { token: pageToken, at: "page:1", q1: "o1" },
      "10.9.9.9",
    );
    if (response.statusCode !== 200)
      pageToken = tokenOf(
        (await post(`/have-your-say/${live.activity.id}/start`, { version: "young" }, "10.9.9.8")).body,
      );
  },
  200,
);

// Sustained: start one respondent every 20 ms for `seconds`, however long each takes.
const delay = monitorEventLoopDelay({ resolution: 10 });
const cpuStart = process.cpuUsage();
delay.enable();
const started = performance.now();
const inFlight: Promise<void>[] = [];
let n = 0;
while (performance.now() - started < seconds * 1000) {
  inFlight.push(respond(n++));
  const due = started + n * 20;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
}
await Promise.all(inFlight);
const elapsed = (performance.now() - started) / 1000;
delay.disable();
const cpu = process.cpuUsage(cpuStart);
const rate = n / elapsed;
const delayMax = delay.max / 1e6;
const delayP99 = delay.percentile(99) / 1e6;
process.stdout.write(
  `sustained: ${n} respondents (each 5 requests) in ${elapsed.toFixed(1)} s = ${rate.toFixed(1)} submissions/s; event-loop delay p99 ${delayP99.toFixed(1)} ms, max ${delayMax.toFixed(1)} ms; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`,
);

const cookie = `cpah_session=${session.value}`;
const analysis = await measure(
  "analysis page, 20,000 responses",
  async () => {
    const response = await app.inject({
      url: `/partnerships/${partnership!.id}/consultation/${big.activity.id}/analysis`,
      headers: { cookie },
    });
    if (response.statusCode !== 200) throw new Error(`analysis answered ${response.statusCode}`);
  },
  50,
);
process.stdout.write(
  `Load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}\n`,
);
process.stdout.write(
  [
    `Goal: survey pages p95 ≤ 30 ms: ${Math.max(startPage, answerPage) <= 30 ? "met" : "NOT met"}`,
    `Goal: 50 submissions/s with event-loop delay ≤ 50 ms: ${rate >= 49 && delayMax <= 50 ? "met" : "NOT met"}`,
    `Goal: analysis p95 ≤ 300 ms: ${analysis <= 300 ? "met" : "NOT met"}`,
  ].join("\n") + "\n",
);
await app.close();
await drop();
