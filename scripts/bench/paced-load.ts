/**
 * Paced load as people make it: `users` each asking for the next page of the mix once every
 * `everySeconds`, their first requests spread evenly over that interval, each on its own kept-alive
 * connection. Open loop: a request is sent at its time whether or not earlier ones have been
 * answered, and its latency counts from that time, so a slow server shows as slow rather than as
 * fewer requests. (autocannon's `overallRate` is not this: below one request a second per
 * connection it drops to `overallRate` connections that all fire together at the top of each
 * second, a burst of 20 every second, and waits for each answer before the next.)
 */
import http from "node:http";

export interface PacedResult {
  latencies: number[];
  timeouts: number;
  non2xx: number;
  socketErrors: number;
  /** Requests sent per route, for the per-route latency table. */
  byPath: Map<string, number[]>;
}

export async function pacedLoad(options: {
  base: string;
  cookie: string;
  paths: string[];
  users: number;
  everySeconds: number;
  seconds: number;
  timeoutSeconds: number;
}): Promise<PacedResult> {
  const { base, cookie, paths, users, everySeconds, seconds, timeoutSeconds } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: users });
  const result: PacedResult = { latencies: [], timeouts: 0, non2xx: 0, socketErrors: 0, byPath: new Map() };
  const started = performance.now();
  const pending: Promise<void>[] = [];
  const one = (path: string, due: number) =>
    new Promise<void>((resolve) => {
      const request = http.get(`${base}${path}`, { agent, headers: { cookie } }, (response) => {
        response.resume();
        response.on("end", () => {
          const took = performance.now() - due;
          result.latencies.push(took);
          const key = path.replace(/[0-9a-f-]{36}/g, ":id");
          result.byPath.set(key, [...(result.byPath.get(key) ?? []), took]);
          if ((response.statusCode ?? 0) >= 300) result.non2xx += 1;
          resolve();
        });
      });
      request.setTimeout(timeoutSeconds * 1000, () => {
        result.timeouts += 1;
        request.destroy(new Error("timeout"));
      });
      request.on("error", (error) => {
        if (error.message !== "timeout") result.socketErrors += 1;
        resolve();
      });
    });
  const userLoops = Array.from({ length: users }, async (_, user) => {
    // Each user starts at its own offset and walks the mix from its own place in it.
    for (let k = 0; ; k++) {
      const due = started + ((user / users) * everySeconds + k * everySeconds) * 1000;
      if (due - started >= seconds * 1000) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(one(paths[(user + k) % paths.length]!, due));
    }
  });
  await Promise.all(userLoops);
  await Promise.all(pending);
  agent.destroy();
  return result;
}
