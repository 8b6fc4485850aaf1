/**
 * Load on the demo as served: `cpah demo` in its own process (PGlite; and PostgreSQL when
 * BENCH_DATABASE_URL names a server whose role may create databases), a partnership lead signed
 * in, and a realistic mix of pages driven by autocannon — closed-loop at 50 and 200 connections,
 * then paced at 200 users each asking once every 10 s. Prints p50/p95/p99, errors, throughput,
 * the server's CPU per request, its event-loop max and /healthz p99 (probed from a worker
 * thread, so the load generator's own loop does not colour it) beside the goals.
 *
 *   npm run bench:load                   LOAD_SECONDS=20 (per phase)  BENCH_ONLY=pglite|postgres
 *   LOAD_PHASES=c50,c200,paced           which phases (default all three)
 *   BENCH_BASELINE_ROOT=<checkout of the base>   runs that checkout's demo too, side by side
 */
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { cpuSeconds, loopMax, mix, signIn, startDemo } from "./load-app.ts";
import { pacedLoad } from "./paced-load.ts";

const appRoot = path.resolve(import.meta.dirname, "..", "..");
const seconds = Number(process.env.LOAD_SECONDS ?? 20);

interface Phase {
  id: string;
  name: string;
  connections: number;
  /** Paced (open loop, paced-load.ts): each of `connections` users asks once every 10 s. */
  paced?: boolean;
}
const ALL_PHASES: Phase[] = [
  { id: "c50", name: "closed-loop, 50 connections", connections: 50 },
  { id: "c200", name: "closed-loop, 200 connections", connections: 200 },
  { id: "paced", name: "paced, 200 users × 1 request / 10 s", connections: 200, paced: true },
];
const chosen = process.env.LOAD_PHASES?.split(",").map((id) => id.trim());
const PHASES = chosen ? ALL_PHASES.filter((phase) => chosen.includes(phase.id)) : ALL_PHASES;
/** The load tool's give-up time: a request unanswered after this counts as a timeout. */
const TIMEOUT_SECONDS = 10;

/**
 * The mix for autocannon's closed loop, each request taking the next page of one rotation shared
 * by all connections. Given the list itself, every connection would walk it from its first page
 * in step with the others: 200 connections opening together ask for the same page together (200
 * needs assessments at once, served in fair shares, so all finish late and time out together),
 * a burst no set of people makes. The pages' shares are the mix's either way; paced load
 * (paced-load.ts) staggers its users the same way.
 */
function staggered(paths: string[]) {
  let next = 0;
  return [
    {
      method: "GET" as const,
      path: paths[0]!,
      setupRequest: (request: { path?: string }) => ({ ...request, path: paths[next++ % paths.length]! }),
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** GET /healthz every 50 ms from a worker thread; resolves to the latencies when told to stop. */
function probeHealth(base: string): { stop(): Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const http = require("node:http");
     const times = []; let running = true;
     parentPort.on("message", () => { running = false; });
     (async () => {
       while (running) {
         const started = performance.now();
         await new Promise((resolve) => http.get(workerData + "/healthz", (r) => { r.resume(); r.on("end", resolve); }).on("error", resolve));
         times.push(performance.now() - started);
         await new Promise((resolve) => setTimeout(resolve, 50));
       }
       parentPort.postMessage(times);
     })();`,
    { eval: true, workerData: base },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("message", (times: number[]) => {
          void worker.terminate();
          resolve(times);
        });
        worker.postMessage("stop");
      }),
  };
}

async function runPhase(base: string, pid: number, cookie: string, paths: string[], phase: Phase) {
  await loopMax(base); // reading resets the maximum
  const cpuBefore = cpuSeconds(pid);
  const probe = probeHealth(base);
  let latencies: number[] = [];
  let timeouts = 0;
  let non2xx = 0;
  let socketErrors = 0;
  let byPath = new Map<string, number[]>();
  if (phase.paced) {
    const paced = await pacedLoad({
      base,
      cookie,
      paths,
      users: phase.connections,
      everySeconds: 10,
      seconds,
      timeoutSeconds: TIMEOUT_SECONDS,
    });
    ({ latencies, timeouts, non2xx, socketErrors, byPath } = paced);
  } else {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: phase.connections,
          duration: seconds,
          timeout: TIMEOUT_SECONDS,
          headers: { cookie },
          requests: staggered(paths),
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      instance.on("response", (_client, status, _bytes, time) => {
        latencies.push(time);
        if (status >= 300) non2xx += 1;
      });
    });
    timeouts = result.timeouts;
    socketErrors = Math.max(0, result.errors - result.timeouts);
  }
  const health = (await probe.stop()).sort((a, b) => a - b);
  const cpu = cpuSeconds(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    phase: phase.name,
    requests,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: timeouts + non2xx + socketErrors,
    errorKinds: `${timeouts} timeouts, ${non2xx} non-2xx, ${socketErrors} socket`,
    throughput: requests / seconds,
    cpuPerRequest: requests ? (cpu * 1000) / requests : Number.NaN,
    loopMax: await loopMax(base),
    healthP99: percentile(health, 99),
    byPath: [...byPath].map(([page, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return { page, requests: times.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    }),
  };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** Waits until the server has finished what the last phase left queued (its CPU goes quiet). */
async function drain(pid: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (cpuSeconds(pid) - before < 0.05) return;
  }
}

/** Each page alone, one request at a time: the server's CPU per request and the latency. */
async function perPage(base: string, pid: number, cookie: string, paths: string[], count = 15) {
  const rows = [];
  for (const p of paths) {
    await drain(pid);
    const times: number[] = [];
    const cpuBefore = cpuSeconds(pid);
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${p}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${p}: ${response.status}`);
      times.push(performance.now() - started);
    }
    const cpu = ((cpuSeconds(pid) - cpuBefore) * 1000) / count;
    times.sort((a, b) => a - b);
    rows.push({
      page: p.replace(/[0-9a-f-]{36}/g, ":id"),
      cpu,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    });
  }
  return rows;
}

interface App {
  label: string;
  root: string;
}

async function benchOne(kind: "pglite" | "postgres", apps: App[]) {
  const running = [];
  for (const app of apps) {
    const started = performance.now();
    const demo = await startDemo(kind, app.root);
    process.stdout.write(`${kind} ${app.label}: demo up in ${fmt((performance.now() - started) / 1000, 1)} s\n`);
    running.push({ app, demo });
  }
  try {
    const prepared = [];
    for (const { app, demo } of running) {
      const cookie = await signIn(demo.base, demo.dataDir);
      const paths = await mix(demo.base, cookie);
      for (let i = 0; i < 2; i++) for (const p of paths) await fetch(`${demo.base}${p}`, { headers: { cookie } });
      prepared.push({ app, demo, cookie, paths });
    }
    const pages = [];
    const phases = [];
    // Side by side: each measurement on every app in turn, so they share the machine's load.
    for (const { app, demo, cookie, paths } of prepared)
      for (const row of await perPage(demo.base, demo.pid, cookie, paths)) pages.push({ kind, app: app.label, ...row });
    for (const phase of PHASES)
      for (const { app, demo, cookie, paths } of prepared) {
        // Every app quiet, not only this one: the other's backlog from the last phase would load the machine.
        for (const other of prepared) await drain(other.demo.pid);
        const row = await runPhase(demo.base, demo.pid, cookie, paths, phase);
        phases.push({ kind, app: app.label, load: os.loadavg()[0]!, ...row });
        process.stdout.write(`  ${kind} ${app.label}: ${row.phase} done (${row.requests} requests)\n`);
      }
    return { pages, phases };
  } finally {
    for (const { demo } of running) await demo.stop();
  }
}

const apps: App[] = [{ label: "this build", root: appRoot }];
if (process.env.BENCH_BASELINE_ROOT)
  apps.push({ label: "baseline", root: path.resolve(process.env.BENCH_BASELINE_ROOT) });
const kinds: ("pglite" | "postgres")[] = [];
if (process.env.BENCH_ONLY !== "postgres") kinds.push("pglite");
if (process.env.BENCH_DATABASE_URL && process.env.BENCH_ONLY !== "pglite") kinds.push("postgres");
process.stdout.write(
  `Load average at start: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(", ")}; ${seconds} s per phase\n`,
);
const pages = [];
const phases = [];
for (const kind of kinds) {
  const result = await benchOne(kind, apps);
  pages.push(...result.pages);
  phases.push(...result.phases);
}

process.stdout.write("\nEach page alone, one request at a time (15 each, after 2 warm-up rounds):\n\n");
process.stdout.write("| Database | App | Page | Server CPU ms/request | p50 / p95 ms |\n|---|---|---|---|---|\n");
for (const r of pages)
  process.stdout.write(`| ${r.kind} | ${r.app} | ${r.page} | ${fmt(r.cpu, 1)} | ${fmt(r.p50)} / ${fmt(r.p95)} |\n`);
process.stdout.write(
  "\nThe mix under load:\n\n| Database | App | Phase | Requests | p50 / p95 / p99 ms | Errors (kinds) | Req/s | Server CPU ms/req | Event-loop max ms | /healthz p99 ms | Load avg |\n|---|---|---|---|---|---|---|---|---|---|---|\n",
);
for (const r of phases)
  process.stdout.write(
    `| ${r.kind} | ${r.app} | ${r.phase} | ${r.requests} | ${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)} | ${r.errors} (${r.errorKinds}) | ${fmt(r.throughput, 1)} | ${fmt(r.cpuPerRequest, 1)} | ${fmt(r.loopMax)} | ${fmt(r.healthP99)} | ${r.load.toFixed(1)} |\n`,
  );
const paced = phases.filter((r) => r.byPath.length > 0);
if (paced.length > 0) {
  process.stdout.write(
    "\nPaced phase by page:\n\n| Database | App | Page | Requests | p50 / p95 ms |\n|---|---|---|---|---|\n",
  );
  for (const r of paced)
    for (const row of r.byPath)
      process.stdout.write(
        `| ${r.kind} | ${r.app} | ${row.page} | ${row.requests} | ${fmt(row.p50)} / ${fmt(row.p95)} |\n`,
      );
}
process.stdout.write(
  "\nGoals: paced 200 users p95 ≤ 100 ms, 0 errors, /healthz p99 ≤ 50 ms on both databases; closed-loop 200: 0 errors and ≥ 4× the baseline's throughput (BENCH_BASELINE_ROOT=<checkout of the base>).\n" +
    "Server CPU is the app process with all its threads (on PGlite the database's work too; on PostgreSQL not the server's).\n" +
    `Load average at end: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(", ")}\n`,
);
