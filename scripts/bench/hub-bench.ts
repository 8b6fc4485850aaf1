/**
 * National hub benchmark (issue 14): the effective practice library searched over 10,000
 * entries, and the national view and the support matrix with Scotland's 32 partnerships, through
 * app.inject (routing, policy, queries, rendering). Goals: library search p95 ≤ 50 ms; national
 * view and matrix p95 ≤ 100 ms. PGlite on disk by default; BENCH_DATABASE_URL for PostgreSQL.
 * Run: npm run bench:hub [-- requests]
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { buildApp } from "../../src/app.ts";
import type { AuditContext } from "../../src/kernel/audit/audit.ts";
import { hashPassword } from "../../src/kernel/auth/passwords.ts";
import { loadConfig } from "../../src/kernel/config/config.ts";
import { createSession } from "../../src/kernel/auth/sessions.ts";
import { sql } from "drizzle-orm";
import { coordinatorNations, users } from "../../src/workspace/access/index.ts";
import { createOrganisation } from "../../src/workspace/organisations/index.ts";
import { createPartnership } from "../../src/workspace/partnerships/index.ts";
import { seedPartnersGroup } from "../../src/demo/hub/group.ts";
import { seedNationBreadth } from "../../src/demo/hub/nation.ts";
import { practiceEntries } from "../../src/national/practice/index.ts";
import { analyzeStaleTables } from "../../src/kernel/db/statistics.ts";
import { openBenchDatabase } from "./bench-database.ts";

const requests = Number(process.argv[2] ?? 200);
const ENTRIES = 10_000;
const config = loadConfig({
  NODE_ENV: "test",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-01",
  COOKIE_SECURE: "false",
  LOG_LEVEL: "silent",
  DATA_DIR: "./tmp/bench-data",
});
const audit: AuditContext = { actorUserId: null, actorLabel: "bench" };
const { database, drop } = await openBenchDatabase(process.env.BENCH_DATABASE_URL);
const db = database.db;

// Deterministic text: a small vocabulary of the field's words, so searches match some entries and not others.
const words =
  `advice advisers benefits budget careers childcare children college costs council debt disability eligibility
employment energy evaluation families food fuel grants health holiday homes hours housing income island jobs lone
maximisation money nursery parents pay poverty practice rent rural schools skills surgeries take-up training transport
uniforms universal urban wages welfare workers young`.split(/\s+/);
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const sentence = (length: number) => Array.from({ length }, () => pick(words)).join(" ");
const drivers = [
  "employment:hourly-pay",
  "employment:hours-worked",
  "costs:housing",
  "costs:debt",
  "social-security:take-up",
];
const families = ["lone-parent", "disability", "young-mother", "larger-family"];

const seedStart = performance.now();
await createPartnership(
  db,
  audit,
  { name: "Dundee Partnership (bench)", nation: "scotland", areaCode: "S12000042", areaName: "Dundee City" },
  { isFictional: true },
);
const light = await seedNationBreadth(db, audit);
await seedPartnersGroup(db, audit);
for (let start = 0; start < ENTRIES; start += 500) {
  await db.insert(practiceEntries).values(
    Array.from({ length: Math.min(500, ENTRIES - start) }, (_, index) => ({
      kind: pick(["case-study", "evaluation", "guidance", "tool"]),
      title: `${sentence(5)} ${start + index}`,
      summary: sentence(25),
      body: `<p>${sentence(120)}</p><p>${sentence(120)}</p>`,
      evidenceLevel: 1 + Math.floor(random() * 5),
      costBand: pick(["very-low", "low", "moderate", "high"]),
      nation: pick(["scotland", "england", "wales"]),
      drivers: [pick(drivers)],
      familyTypes: [pick(families)],
      supportTypes: [pick(["data", "effective-practice", "knowledge"])],
      settings: [pick(["urban", "rural"])],
      visibility: pick(["public", "signed-in"]),
      status: random() < 0.95 ? "published" : "draft",
      publishedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * 86_400_000),
    })),
  );
}
const seedMs = performance.now() - seedStart;
// As `cpah serve` does on PGlite at start, and autovacuum does on PostgreSQL within a minute:
// measure the pages with the statistics a running service has, not a just-seeded table's none.
const analyzeStart = performance.now();
const analyzed = await analyzeStaleTables(db, database.kind);
const analyzeMs = performance.now() - analyzeStart;

const organisation = await createOrganisation(db, audit, {
  name: "Bench Coordination Unit",
  type: "national-body",
  gssCode: null,
});
const [user] = await db
  .insert(users)
  .values({
    email: "bench@example.invalid",
    name: "Bench",
    organisationId: organisation.id,
    passwordHash: await hashPassword("bench password 123"),
  })
  .returning();
await db.insert(coordinatorNations).values({ userId: user!.id, nation: "scotland" });

const { app } = await buildApp({ config, database, logger: false });
// A coordinator must pass two-factor sign-in; the bench measures the pages, so it opens the
// session the sign-in would open instead of driving the second step.
const session = {
  value: await createSession(db, user!.id, config.sessionIdleMinutes, { userAgent: "bench" }, "password+second-factor"),
};

/**
 * CPU seconds the PostgreSQL server spent for this bench's database: its backends' user and
 * system time from /proc (a server on this machine only; undefined otherwise, and on PGlite, whose
 * work is in this process's CPU already). Wall times on a shared machine measure the queue;
 * CPU time measures the work.
 */
async function serverCpuSeconds(): Promise<number | undefined> {
  if (database.kind !== "postgres") return undefined;
  const result = await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`);
  let ticks = 0;
  for (const { pid } of (result as unknown as { rows: { pid: number }[] }).rows) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
    if (!stat) return undefined;
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

async function measure(label: string, targets: string[], signedIn = true): Promise<number> {
  const headers = signedIn ? { cookie: `cpah_session=${session!.value}` } : {};
  for (const target of targets) await app.inject({ method: "GET", url: target, headers });
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const serverStart = await serverCpuSeconds();
  for (let i = 0; i < requests; i++) {
    const target = targets[i % targets.length]!;
    const start = performance.now();
    const response = await app.inject({ method: "GET", url: target, headers });
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${label}: ${target} answered ${response.statusCode}`);
  }
  const cpu = process.cpuUsage(cpuStart);
  const serverEnd = await serverCpuSeconds();
  const server =
    serverStart !== undefined && serverEnd !== undefined
      ? `, database server CPU ${(((serverEnd - serverStart) * 1000) / requests).toFixed(1)} ms a request`
      : "";
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  process.stdout.write(
    `${label}: ${requests} requests, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / requests).toFixed(1)} ms a request${server}\n`,
  );
  return at(0.95);
}

process.stdout.write(
  `Load average (1 min) ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; ${database.kind}\n`,
);
process.stdout.write(
  `Seeded ${light.length + 1} Scottish partnerships and other areas, the partners group and ${ENTRIES} library entries in ${(seedMs / 1000).toFixed(1)} s; analysed ${analyzed.length} tables in ${(analyzeMs / 1000).toFixed(1)} s\n`,
);
const searches = [
  "/practice?q=advisers+surgeries",
  "/practice?q=housing+costs&driver=costs",
  `/practice?q=${encodeURIComponent('"lone parents" -rural')}`,
  "/practice?q=childcare+OR+transport&level=3",
  "/practice?q=welfare&family=disability&page=2",
  `/practice?q=${encodeURIComponent("'; drop table practice_entries; --")}`,
  "/practice?driver=social-security&nation=scotland",
];
const search = await measure("library search (10,000 entries)", searches);
await measure("library search, signed out", searches.slice(0, 4), false);
const national = await measure("national view, Scotland (32 partnerships)", ["/national/scotland"]);
const matrix = await measure("support matrix", ["/hub/scotland/matrix"]);
await measure("support offer catalogue", ["/hub/scotland/offers"]);
process.stdout.write(
  `Goals: library search p95 ≤ 50 ms: ${search <= 50 ? "met" : "NOT met"}; national view p95 ≤ 100 ms: ${national <= 100 ? "met" : "NOT met"}; matrix p95 ≤ 100 ms: ${matrix <= 100 ? "met" : "NOT met"}\n`,
);
await app.close();
await drop();
