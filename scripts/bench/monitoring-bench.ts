/**
 * Monitoring dashboard benchmark (issue 5): a partnership with 60 actions and 4 quarters of
 * updates on an in-memory PGlite database; measures the dashboard route through app.inject.
 * Goal: p95 ≤ 50 ms. Run: npx tsx scripts/bench/monitoring-bench.ts [requests]
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { buildApp } from "../../src/app.ts";
import { hashPassword } from "../../src/kernel/auth/passwords.ts";
import { loadConfig } from "../../src/kernel/config/config.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { csrfTokenFor } from "../../src/kernel/http/csrf.ts";
import { partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { organisations } from "../../src/workspace/organisations/index.ts";
import { partnershipMembers, partnerships } from "../../src/workspace/partnerships/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";

const requests = Number(process.argv[2] ?? 200);
const config = loadConfig({
  NODE_ENV: "test",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-01",
  COOKIE_SECURE: "false",
  LOG_LEVEL: "silent",
  DATA_DIR: "./tmp/bench-data",
});
const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL });
await prepareDatabase(database);
const db = database.db;

const seedStart = performance.now();
const orgRows = await db
  .insert(organisations)
  .values(
    ["Benchford Council", "NHS Benchford", "Benchford Jobcentre Plus", "Benchford Housing", "Benchford Advice"].map(
      (name) => ({ name, type: "council" }),
    ),
  )
  .returning();
const [partnership] = await db
  .insert(partnerships)
  .values({
    name: `Benchford Partnership ${Date.now()}`,
    nation: "scotland",
    areaCode: "S12000099",
    areaName: "Benchford",
    isFictional: true,
  })
  .returning();
await db
  .insert(partnershipMembers)
  .values(orgRows.map((row) => ({ partnershipId: partnership!.id, organisationId: row.id })));
const result = await buildDemoStrategy(db, { partnershipId: partnership!.id, actions: 60, financialYear: 2024 });
const seedMs = performance.now() - seedStart;
const [user] = await db
  .insert(users)
  .values({
    email: `bench-${Date.now()}@example.invalid`,
    name: "Bench",
    organisationId: orgRows[0]!.id,
    passwordHash: await hashPassword("bench password 123"),
  })
  .returning();
await db.insert(partnershipRoles).values({ userId: user!.id, partnershipId: partnership!.id, role: "viewer" });

const { app } = await buildApp({ config, database, logger: false });
const signIn = await app.inject({
  method: "POST",
  url: "/sign-in",
  payload: `email=${encodeURIComponent(user!.email)}&password=${encodeURIComponent("bench password 123")}&_csrf=${encodeURIComponent(csrfTokenFor(config.sessionSecret, "p:bench"))}`,
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: "cpah_pre=bench" },
});
const session = signIn.cookies.find((cookie) => cookie.name === "cpah_session");
if (!session) throw new Error(`sign-in failed: ${signIn.statusCode}`);
const url = `/partnerships/${partnership!.id}/monitoring?period=${encodeURIComponent("2024/25 Q4")}`;

async function measure(label: string, target: string) {
  for (let i = 0; i < 10; i++)
    await app.inject({ method: "GET", url: target, headers: { cookie: `cpah_session=${session!.value}` } });
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await app.inject({
      method: "GET",
      url: target,
      headers: { cookie: `cpah_session=${session!.value}` },
    });
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${label}: status ${response.statusCode}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  process.stdout.write(
    `${label}: ${requests} requests, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times.at(-1)!.toFixed(1)} ms\n`,
  );
  return Number(at(0.95));
}

process.stdout.write(`Load average (1 min) ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores\n`);
process.stdout.write(
  `Seeded ${result.actions} actions, ${result.updates} updates (${result.financialYear}) on ${database.kind} in ${(seedMs / 1000).toFixed(1)} s\n`,
);
// Baseline: a small signed-in page (session, actor and layout cost that every page pays).
if (!process.env.BENCH_ONLY_DASHBOARD) await measure("baseline: /dashboard (signed-in page)", "/dashboard");
const p95 = await measure("monitoring dashboard", url);
if (!process.env.BENCH_ONLY_DASHBOARD) await measure("action plan list", `/partnerships/${partnership!.id}/actions`);
process.stdout.write(`Goal: dashboard p95 ≤ 50 ms: ${p95 <= 50 ? "met" : "NOT met"}\n`);
await app.close();
await database.close();
