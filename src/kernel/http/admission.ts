import type { FastifyInstance, FastifyRequest } from "fastify";

/** Served at once, never queued: static files and the probes (a queued /healthz would say "down"). */
const UNQUEUED_PREFIXES = ["/assets/", "/static/", "/healthz", "/readyz", "/metrics"];

/**
 * At most `slots` GET requests do their work at once; the rest wait their turn in arrival order.
 * Without it, every request under load started at once and shared the database and the event loop
 * evenly, so each page's queries (up to 30) queued behind every other page's, one at a time on the
 * embedded database's single session: all pages slowed together, and the pages with the most
 * queries (monitoring, the needs assessment) ran into the load tool's 10 s timeout while half done
 * (measured: paced 200 users on PGlite, every monitoring request timed out). In arrival order, a
 * page once started finishes at the speed of an idle server, and a wait is spent before the work,
 * not in the middle of it. The slot is given back when the reply is ready to send (onSend), so a
 * slow reader of a large page holds none; posts, uploads and downloads of jobs are not queued.
 */
export function registerAdmission(app: FastifyInstance, slots: number): void {
  let running = 0;
  const holding = new WeakSet<FastifyRequest>();
  const waiting: { request: FastifyRequest; admit: () => void }[] = [];

  const release = async (request: FastifyRequest) => {
    if (!holding.has(request)) {
      // Gone before its turn (the client closed the connection): it leaves the queue.
      const at = waiting.findIndex((entry) => entry.request === request);
      if (at >= 0) waiting.splice(at, 1);
      return;
    }
    holding.delete(request);
    const next = waiting.shift();
    if (next) next.admit();
    else running -= 1;
  };

  app.addHook("onRequest", (request, _reply, done) => {
    if (request.method !== "GET" || UNQUEUED_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return done();
    const admit = () => {
      holding.add(request);
      done();
    };
    if (running < slots) {
      running += 1;
      admit();
    } else waiting.push({ request, admit });
  });
  app.addHook("onSend", async (request) => release(request));
  app.addHook("onResponse", release);
  app.addHook("onRequestAbort", release);
}
