/**
 * CPU per request of a partnership page on the demo, asked again and again by a signed-in lead
 * (as `bench:load` asks it): the process's CPU split by thread (on PGlite the database's worker
 * thread is one of them), the statements sent per request, and with PAGE_CPU_PROFILE=1 where the
 * app thread's time goes (a V8 CPU profile, self time by function).
 *   npx tsx scripts/bench/page-cpu.ts monitoring needs-assessment    (the part after /partnerships/:id/)
 *   a page starting with "/" is a whole path (":id" is the partnership); "published-report" is the first
 *   report listed at /published, as bench:load's mix picks it
 *   BENCH_DATABASE_URL=postgres://… for PostgreSQL; PAGE_CPU_COUNT (default 100); PAGE_CPU_SAVE=/tmp/x keeps a page
 */
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../../src/app.ts";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { createSession } from "../../src/kernel/auth/sessions.ts";
import { testConfig } from "../../tests/helpers/test-app.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { listenProfiled, loadAverage, type Profile, requestsFromChild, selfTimeLines } from "./cpu-profile.ts";

// Statements sent per request, by text or prepared name (pg's Client.query carries both databases).
const sent = new Map<string, number>();
const took = new Map<string, number>();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; name?: string };
  const text = (typeof first === "string" ? first : (first?.name ?? first?.text ?? "?")).replace(/\s+/g, " ");
  const key = text.slice(0, 110);
  sent.set(key, (sent.get(key) ?? 0) + 1);
  // Round-trip time by statement (requests run one at a time, so on PGlite it is mostly the worker's work).
  const started = performance.now();
  const done = () => took.set(key, (took.get(key) ?? 0) + performance.now() - started);
  const callback = args.at(-1);
  if (typeof callback === "function")
    args[args.length - 1] = (...results: unknown[]) => {
      done();
      return (callback as (...a: unknown[]) => unknown)(...results);
    };
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) void result.then(done, () => undefined);
  return result;
} as never;

/** CPU seconds of each of this process's threads (Linux /proc), by thread name and id. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const name = tid === String(process.pid) ? "main" : `${/\((.*)\)/.exec(stat)?.[1]}#${tid}`;
      const fields = stat.split(") ")[1]!.split(" ");
      out.set(name, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** The URL of a page argument (see the header). */
async function pageUrl(base: string, id: string, page: string): Promise<string> {
  if (page === "published-report") {
    const listed = /\/published\/reports\/[0-9a-f-]{36}/.exec(await (await fetch(`${base}/published`)).text());
    if (!listed) throw new Error("no published report is listed at /published");
    return `${base}${listed[0]}`;
  }
  return page.startsWith("/") ? `${base}${page.replaceAll(":id", id)}` : `${base}/partnerships/${id}/${page}`;
}

const COUNT = Number(process.env.PAGE_CPU_COUNT ?? 100);
const pages = process.argv.slice(2);
const { database, drop } = await openBenchDatabase(process.env.BENCH_DATABASE_URL);
try {
  const people = await seedDemo(database);
  const lead = people.find((p) => p.partnership?.includes("Darlington") && /lead/i.test(p.role)) ?? people[0]!;
  const found = (await database.db.execute(sql`select id from users where email = ${lead.email}`)) as unknown as {
    rows: { id: string }[];
  };
  const session = await createSession(database.db, found.rows[0]!.id, 60, {}, "password");
  const partnership = (await database.db.execute(
    sql`select id from partnerships where name like '%Darlington%' limit 1`,
  )) as unknown as { rows: { id: string }[] };
  const id = partnership.rows[0]!.id;
  const { app } = await buildApp({ config: testConfig({}), database });
  const { inspector, base } = await listenProfiled(app);
  const headers = { cookie: `cpah_session=${session}` };
  for (const page of pages) {
    const url = await pageUrl(base, id, page);
    // The client is another process, so this process's CPU is the server's (and PGlite's worker).
    const saveTo = process.env.PAGE_CPU_SAVE
      ? `${process.env.PAGE_CPU_SAVE}-${page.replace(/\W+/g, "-")}.html`
      : undefined;
    const client = (count: number) => requestsFromChild(url, headers, count, saveTo);
    await client(5);
    const wall = performance.now();
    if (process.env.PAGE_CPU_PROFILE) await inspector.post("Profiler.start");
    sent.clear();
    took.clear();
    const threadsBefore = threadCpu();
    const started = process.cpuUsage();
    const bytes = await client(COUNT);
    const used = process.cpuUsage(started);
    const threads = [...threadCpu()]
      .map(([tid, s]) => [tid, ((s - (threadsBefore.get(tid) ?? 0)) * 1000) / COUNT] as const)
      .filter(([, ms]) => ms >= 0.2)
      .sort((a, b) => b[1] - a[1]);
    process.stdout.write(
      `${database.kind} ${page.padEnd(20)} CPU ${((used.user + used.system) / 1000 / COUNT).toFixed(2)} ms/request ` +
        `(threads: ${threads.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(", ")})` +
        `  wall ${((performance.now() - wall) / COUNT).toFixed(1)} ms  ${bytes.toLocaleString("en-GB")} bytes\n`,
    );
    let statements = 0;
    for (const [text, n] of [...sent].sort((a, b) => b[1] - a[1])) {
      statements += n;
      process.stdout.write(
        `   ${(n / COUNT).toFixed(2)} × ${((took.get(text) ?? 0) / COUNT).toFixed(2)} ms  ${text}\n`,
      );
    }
    process.stdout.write(`   ${(statements / COUNT).toFixed(1)} statements per request\n`);
    if (process.env.PAGE_CPU_PROFILE) {
      const { profile } = (await inspector.post("Profiler.stop")) as unknown as { profile: Profile };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      // Inclusive time of the app's own functions (and the template engine's render), to see which step costs.
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const inclusive = new Map<string, number>();
      for (const sample of profile.samples) {
        const seen = new Set<string>();
        for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
          const f = byId.get(at)!.callFrame;
          if (!f.url.includes("/src/") && !/render|getTemplate/.test(f.functionName)) continue;
          seen.add(`${f.functionName || "(anon)"} ${f.url.split("/").slice(-3).join("/")}:${f.lineNumber + 1}`);
        }
        for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
      }
      const total = profile.samples.length;
      const top = Number(process.env.PAGE_CPU_TOP ?? 30);
      for (const line of selfTimeLines(profile, top)) process.stdout.write(`   ${line}\n`);
      process.stdout.write("   inclusive:\n");
      for (const [key, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
        process.stdout.write(`   ${((n / total) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
    }
  }
  await app.close();
  process.stdout.write(`load average ${loadAverage()}\n`);
} finally {
  await drop();
}
