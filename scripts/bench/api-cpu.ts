/**
 * CPU per request of the API's area profile on the demo, cached (the same request again and
 * again, as `bench:load` asks it): signed out, with a session cookie (as a browser sends it) and
 * with an API token, with /healthz beside them as the floor of any request through
 * a request of nothing. API_CPU_PROFILE=1 prints where the cached requests' time goes (a V8 CPU
 * profile, self time by function, of each case's last round). The cases take turns over API_CPU_ROUNDS
 * rounds (5) and each prints its least disturbed round, with the median: on a shared host any
 * one run is inflated by whatever else runs.
 *   npx tsx scripts/bench/api-cpu.ts            (PGlite; BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 */
import { spawn } from "node:child_process";
import { Session } from "node:inspector/promises";
import os from "node:os";
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { createToken } from "../../src/data/api/token-service.ts";
import { dataVersionNow } from "../../src/data/indicators/index.ts";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { createSession } from "../../src/kernel/auth/sessions.ts";
import { testConfig } from "../../tests/helpers/test-app.ts";
import { openBenchDatabase } from "./bench-database.ts";
import type { Profile } from "./cpu-profile.ts";

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
  const inspector = new Session();
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.setSamplingInterval", { interval: 100 });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // The client is another process, so this process's CPU time is the server's alone (with the
  // embedded database's worker thread), as bench:load counts it.
  const client = (label: string, path: string, headers: Record<string, string>, count: number) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          "-e",
          `(async () => { let bytes = 0; for (let i = 0; i < ${count}; i++) {
             const r = await fetch(${JSON.stringify(base + path)}, { headers: ${JSON.stringify(headers)} });
             const body = await r.arrayBuffer(); bytes = body.byteLength;
             if (r.status !== 200) { console.error(r.status); process.exit(1); } }
           console.log(bytes); })()`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("exit", (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`${label}: client failed`))));
    });
  for (const [label, path, headers] of cases) await client(label, path, headers, 5);
  // On a shared host other work inflates any one run: the cases take turns, ROUNDS times, and the
  // least disturbed round of each is its figure (the median beside it).
  const rounds = Number(process.env.API_CPU_ROUNDS ?? 5);
  const perRound = Math.max(1, Math.round(COUNT / rounds));
  const results = cases.map(() => ({
    ms: [] as number[],
    wall: [] as number[],
    bytes: 0,
    sent: new Map<string, number>(),
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, [label, path, headers]] of cases.entries()) {
      const profiling = process.env.API_CPU_PROFILE && round === rounds - 1;
      if (profiling) await inspector.post("Profiler.start");
      sent.clear();
      const wall = performance.now();
      const started = process.cpuUsage();
      const result = results[i]!;
      result.bytes = await client(label, path, headers, perRound);
      const used = process.cpuUsage(started);
      result.ms.push((used.user + used.system) / 1000 / perRound);
      result.wall.push((performance.now() - wall) / perRound);
      for (const [text, n] of sent) result.sent.set(text, (result.sent.get(text) ?? 0) + n);
      if (profiling) {
        const { profile } = (await inspector.post("Profiler.stop")) as unknown as { profile: Profile };
        const self = new Map<string, number>();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        for (const id of profile.samples) {
          const f = byId.get(id)!.callFrame;
          const key = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-3).join("/")}:${f.lineNumber + 1}`;
          self.set(key, (self.get(key) ?? 0) + 1);
        }
        const total = profile.samples.length;
        process.stdout.write(`${label}, round ${round + 1}: where the time goes\n`);
        for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.API_CPU_TOP ?? 25)))
          process.stdout.write(`   ${((n / total) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [i, [label]] of cases.entries()) {
    const { ms, wall, bytes, sent: texts } = results[i]!;
    process.stdout.write(
      `${database.kind} ${label.padEnd(26)} CPU ${Math.min(...ms).toFixed(2)} ms/request (median ${median(ms).toFixed(2)}, ${rounds} rounds of ${perRound})  wall ${median(wall).toFixed(2)} ms  ${bytes.toLocaleString("en-GB")} bytes\n`,
    );
    for (const [text, n] of texts)
      process.stdout.write(`   ${(n / (perRound * rounds)).toFixed(2)} × ${text.replace(/\s+/g, " ")}\n`);
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
  process.stdout.write(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
} finally {
  await drop();
}
