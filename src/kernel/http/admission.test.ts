import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerAdmission } from "./admission.ts";

/** A server with one slot whose /slow/:n pages wait until released by hand. */
async function server() {
  const app = Fastify();
  registerAdmission(app, 1);
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  app.get("/slow/:n", async (request) => {
    const { n } = request.params as { n: string };
    started.push(n);
    await new Promise<void>((resolve) => gates.set(n, resolve));
    return { n };
  });
  app.get("/healthz", async () => ({ status: "ok" }));
  app.post("/slow/:n", async () => ({ posted: true }));
  await app.ready();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { app, started, open: (n: string) => gates.get(n)!(), tick };
}

describe("admission: pages a few at a time, in arrival order", () => {
  it("starts a waiting page when the one before it has its reply, in the order they came", async () => {
    const { app, started, open, tick } = await server();
    const replies = ["1", "2", "3"].map((n) => app.inject({ url: `/slow/${n}` }));
    await tick();
    expect(started).toEqual(["1"]);
    // Probes, static files and posts are never queued behind pages.
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await app.inject({ method: "POST", url: "/slow/9" })).statusCode).toBe(200);
    open("1");
    await tick();
    expect(started).toEqual(["1", "2"]);
    open("2");
    await tick();
    open("3");
    expect((await Promise.all(replies)).map((reply) => reply.json())).toEqual([{ n: "1" }, { n: "2" }, { n: "3" }]);
    await app.close();
  });

  it("gives the slot back when a page fails, and drops a waiting page whose client has gone", async () => {
    const app = Fastify();
    registerAdmission(app, 1);
    let release = () => {};
    app.get("/fail", async () => {
      throw new Error("broken");
    });
    app.get("/hold", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "held";
    });
    app.get("/ok", async () => "ok");
    await app.ready();
    expect((await app.inject({ url: "/fail" })).statusCode).toBe(500);
    const held = app.inject({ url: "/hold" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const controller = new AbortController();
    const gone = app.inject({ url: "/ok", signal: controller.signal }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await gone;
    release();
    expect((await held).body).toBe("held");
    expect((await app.inject({ url: "/ok" })).body).toBe("ok");
    await app.close();
  });
});
