import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.ts";
import { migratedDataDir } from "../helpers/test-database.ts";

// The `cpah` command as an operator runs it: a real process, real signals, real logs. Each test
// starts node (and tsx) afresh: two minutes each, for a busy two-core machine.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(root, "bin", "cpah.js");
const tempDirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Only what the command needs: the developer's or CI's own settings must not leak in.
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: baseEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      })
      .on("error", reject);
  });
}

async function waitForReady(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited early with ${child.exitCode}:\n${output()}`);
    const ready = await get(`${base}/readyz`).catch(() => null);
    if (ready?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`serve did not become ready:\n${output()}`);
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("cpah with invalid configuration", { timeout: 120_000 }, () => {
  it("exits non-zero and names each bad variable", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "cpah-cli-"));
    tempDirs.push(dataDir);
    const result = await run(["migrate"], { PORT: "abc", DATABASE_URL: "mysql://x", DATA_DIR: dataDir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses production without a session secret", async () => {
    const result = await run(["migrate"], { NODE_ENV: "production", DATA_DIR: "/nonexistent-cpah" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("SESSION_SECRET");
  });
});

describe("cpah serve", { timeout: 120_000 }, () => {
  // Starting a process (tsx, PGlite, migrations) can take a while on a busy two-core machine, and
  // this test starts two (`serve`, then a `migrate` that must be refused): 65 s and 28 s at a
  // load average of 17.
  it("logs JSON with request ids, finishes in-flight requests on SIGTERM and exits 0", {
    timeout: 300_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "cpah-serve-"));
    tempDirs.push(dataDir);
    // Already migrated: `serve` checks and goes on. (`cpah demo` on a new directory, in
    // cli-users.test.ts, runs every migration through the command.)
    await migratedDataDir(dataDir);
    const port = await freePort();
    const metricsPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [cli, "serve"], {
      cwd: root,
      env: baseEnv({
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATA_DIR: dataDir,
        SESSION_SECRET: "serve-test-secret-serve-test-secret-0123",
        COOKIE_SECURE: "false",
        LOG_LEVEL: "info",
        METRICS_PORT: String(metricsPort),
      }),
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await waitForReady(base, child, () => stdout + stderr);
      // Metrics on their own port only: the app's port (the one the load balancer forwards) has none.
      const metrics = await get(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain("cpah_http_request_duration_seconds");
      expect((await get(`${base}/metrics`)).status).toBe(404);

      // Another command on the same embedded data directory is refused in words (two PGlite
      // instances on one directory used to die with "RuntimeError: Aborted()").
      const second = await run(["migrate"], { DATA_DIR: dataDir });
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`The embedded database in ${dataDir} is in use by another process`);
      expect(second.stderr).toContain("DATABASE_URL");
      expect(second.stderr).not.toMatch(/Aborted|\n\s+at /);

      // A sign-in form post whose body is still arriving when SIGTERM lands.
      const form = await get(`${base}/sign-in`);
      const preCookie = [form.headers["set-cookie"]]
        .flat()
        .map(String)
        .find((cookie) => cookie.startsWith("cpah_pre="))!;
      const cookie = preCookie.split(";")[0]!;
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const body = new URLSearchParams({
        _csrf: token,
        email: "nobody@example.org",
        password: "not-a-real-password",
      }).toString();
      const half = Math.floor(body.length / 2);
      const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${base}/sign-in`,
          {
            method: "POST",
            headers: {
              cookie,
              "content-type": "application/x-www-form-urlencoded",
              "content-length": String(Buffer.byteLength(body)),
              "x-request-id": "inflight-req-1",
            },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on("error", reject);
        request.write(body.slice(0, half));
        // Once the server has logged the request (headers read, body pending), signal; once it
        // has started shutting down, send the rest of the body.
        void (async () => {
          await until(() => stdout.includes('"reqId":"inflight-req-1"'), "the request to arrive");
          child.kill("SIGTERM");
          await until(() => stdout.includes("shutting down"), "shutdown to start");
          await new Promise((resolve) => setTimeout(resolve, 300));
          request.end(body.slice(half));
        })().catch(reject);
      });

      const answer = await inFlight;
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("Enter a correct email address and password");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }

    const lines = stdout
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((line) => typeof line.level === "number" && typeof line.time === "number")).toBe(true);
    expect(lines.some((line) => String(line.msg).includes(`is running at http://127.0.0.1:${port}`))).toBe(true);
    const requestLines = lines.filter((line) => line.reqId === "inflight-req-1");
    expect(requestLines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["incoming request", "request completed"]),
    );
    expect(lines.some((line) => line.msg === "shutdown complete")).toBe(true);
    // The request really was in flight: shutdown began before it completed.
    const shutdownAt = lines.findIndex((line) => line.msg === "shutting down: finishing in-flight requests");
    const completedAt = lines.findIndex((line) => line.reqId === "inflight-req-1" && line.msg === "request completed");
    expect(shutdownAt).toBeGreaterThan(-1);
    expect(completedAt).toBeGreaterThan(shutdownAt);
    // Credentials never reach the logs.
    expect(stdout).not.toContain("not-a-real-password");
    expect(stdout).not.toMatch(/cpah_pre=|cpah_session=/);
  });
});
