/**
 * The app under load (load-bench.ts): `cpah demo` of a checkout started in its own process on
 * PGlite or on a fresh PostgreSQL database, a partnership lead signed in, the mix of pages it
 * serves, and what its process reports (CPU from /proc, event-loop max from /metrics).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/helpers/free-port.ts";
import { adminQuery } from "../../tests/helpers/global-setup.ts";

/** /metrics answers only with a bearer token (METRICS_TOKEN); the bench gives the demo one. */
const metricsToken = randomBytes(24).toString("hex");
/** USER_HZ: /proc stat times are in 1/100 s on Linux. */
const TICKS = 100;

/** CPU seconds used so far by a process and all its threads (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

export async function startDemo(kind: "pglite" | "postgres", root: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpah-load-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECURE: "false",
    LOG_LEVEL: "warn",
    API_RATE_LIMIT_PER_MINUTE: "100000",
    METRICS_TOKEN: metricsToken,
  };
  let database: string | null = null;
  if (kind === "postgres") {
    const server = process.env.BENCH_DATABASE_URL!;
    database = `cpah_load_${randomBytes(5).toString("hex")}`;
    await adminQuery(server, `create database ${database}`);
    const url = new URL(server);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "bin", "cpah.js"), "demo"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`cpah demo exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`cpah demo did not start:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    pid: child.pid!,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      if (database)
        await adminQuery(process.env.BENCH_DATABASE_URL!, `drop database if exists ${database} with (force)`);
    },
  };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export async function signIn(base: string, dataDir: string): Promise<string> {
  const people = JSON.parse(readFileSync(path.join(dataDir, "demo-sign-ins.json"), "utf8")) as {
    role: string;
    email: string;
    password: string;
    partnership: string | null;
  }[];
  const lead = people.find((p) => p.partnership?.includes("Darlington") && /lead/i.test(p.role)) ?? people[0]!;
  const form = await fetch(`${base}/sign-in`);
  const pre = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: pre.join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, email: lead.email, password: lead.password }),
  });
  const session = cookiesOf(response);
  if (response.status !== 303 || session.length === 0) throw new Error(`sign-in failed: ${response.status}`);
  return [...pre, ...session].join("; ");
}

/** The mix: overview, profile, needs assessment, monitoring, API profile, public report. */
export async function mix(base: string, cookie: string): Promise<string[]> {
  const dashboard = await (await fetch(`${base}/dashboard`, { headers: { cookie } })).text();
  const id = /\/partnerships\/([0-9a-f-]{36})/.exec(dashboard)?.[1];
  if (!id) throw new Error("no partnership on the dashboard");
  const profile = await (await fetch(`${base}/partnerships/${id}/profile`, { headers: { cookie } })).text();
  const code = /\b([ESWN]0\d{7})\b/.exec(profile)?.[1] ?? "E06000005";
  const published = await (await fetch(`${base}/published`)).text();
  const report = /\/published\/reports\/[0-9a-f-]{36}/.exec(published)?.[0];
  return [
    `/partnerships/${id}`,
    `/partnerships/${id}/profile`,
    `/partnerships/${id}/needs-assessment`,
    `/partnerships/${id}/monitoring`,
    `/api/v1/areas/${code}/profile`,
    ...(report ? [report] : []),
  ];
}

export async function loopMax(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const line = text.split("\n").find((l) => l.startsWith("cpah_nodejs_eventloop_lag_max_seconds"));
  return line ? Number(line.split(" ")[1]) * 1000 : Number.NaN;
}
