/**
 * CPU per request of the API's area profile on the demo, cached (the same request again and
 * again, as `bench:load` asks it): signed out, with a session cookie (as a browser sends it) and
 * with an API token, with /healthz beside them as the floor of any request through
 * a request of nothing. API_CPU_PROFILE=1 prints where the cached requests' time goes (a V8 CPU
 * profile, self time by function).
 *   npx tsx scripts/bench/api-cpu.ts            (PGlite; BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { createToken } from "../../src/data/api/token-service.ts";
import { dataVersionNow } from "../../src/data/indicators/index.ts";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { createSession } from "../../src/kernel/auth/sessions.ts";
import { testConfig } from "../../tests/helpers/test-app.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { listenProfiled, loadAverage, type Profile, requestsFromChild, selfTimeLines } from "./cpu-profile.ts";

// Statements sent per request, by text (pg's Client.query is what both databases go through).
const sent = new Map<string, number>();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; name?: string };
  const text = typeof first === "string" ? first : (first?.name ?? first?.text ?? "?");
  sent.set(text.slice(0, 90), (sent.get(text.slice(0, 90)) ?? 0) + 1);
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as never;
const COUNT = Number(process.env.API_CPU_COUNT ?? 300);
const { database, drop } = await openBenchDatabase(process.env.BENCH_DATABASE_URL);
try {
  const people = await seedDemo(database);
  const lead = people.find((p) => p.partnership?.includes("Darlington") && /lead/i.test(p.role)) ?? people[0]!;
  const found = (await database.db.execute(
    sql`select id, email from users where email = ${lead.email}`,
  )) as unknown as {
    rows: { id: string; email: string }[];
  };
  const user = found.rows[0]!;
  const session = await createSession(database.db, user.id, 60, {}, "password");
  const { secret } = await createToken(
    database.db,
    { actorUserId: user.id, actorLabel: user.email },
    { userId: user.id, email: user.email } as never,
    { name: "bench", days: 7 },
  );
  const { app } = await buildApp({ config: testConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" }), database });
  const url = "/api/v1/areas/E06000005/profile";
  const cases: [string, string, Record<string, string>][] = [
    ["healthz", "/healthz", {}],
    ["profile, signed out", url, {}],
    ["profile, session cookie", url, { cookie: `cpah_session=${session}` }],
    ["profile, API token", url, { authorization: `Bearer ${secret}` }],
  ];
  const { inspector, base } = await listenProfiled(app);
  for (const [label, path, headers] of cases) {
    // The client is another process, so this process's CPU time is the server's alone (with the
    // embedded database's worker thread), as bench:load counts it.
    const client = (count: number) => requestsFromChild(base + path, headers, count);
    await client(5);
    const wall = performance.now();
    if (process.env.API_CPU_PROFILE) await inspector.post("Profiler.start");
    sent.clear();
    const started = process.cpuUsage();
    const bytes = await client(COUNT);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000 / COUNT;
    process.stdout.write(
      `${database.kind} ${label.padEnd(26)} CPU ${ms.toFixed(2)} ms/request  wall ${((performance.now() - wall) / COUNT).toFixed(2)} ms  ${bytes.toLocaleString("en-GB")} bytes\n`,
    );
    for (const [text, n] of sent) process.stdout.write(`   ${(n / COUNT).toFixed(2)} × ${text.replace(/\s+/g, " ")}\n`);
    if (process.env.API_CPU_PROFILE) {
      const { profile } = (await inspector.post("Profiler.stop")) as unknown as { profile: Profile };
      for (const line of selfTimeLines(profile, Number(process.env.API_CPU_TOP ?? 25)))
        process.stdout.write(`   ${line}\n`);
    }
  }
  {
    const started = process.cpuUsage();
    for (let i = 0; i < COUNT; i++) await dataVersionNow(database.db);
    const used = process.cpuUsage(started);
    process.stdout.write(
      `${database.kind} ${"dataVersionNow alone".padEnd(26)} CPU ${((used.user + used.system) / 1000 / COUNT).toFixed(2)} ms/request\n`,
    );
  }
  await app.close();
  process.stdout.write(`load average ${loadAverage()}\n`);
} finally {
  await drop();
}
