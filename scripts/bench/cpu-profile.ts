import { spawn } from "node:child_process";
import { Session } from "node:inspector/promises";
import os from "node:os";

/** The parts of a V8 CPU profile (inspector's Profiler.stop) the bench scripts read. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Self time by function, best first: "12.3%  name file:line" lines of the `top` heaviest. */
export function selfTimeLines(profile: Profile, top: number): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-3).join("/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, n]) => `${((n / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

/**
 * GETs `url` `count` times, one after another, from a child process (so the bench process's CPU
 * is the server's alone); resolves to the last body's size. `saveTo`: write the last body there.
 */
export function requestsFromChild(
  url: string,
  headers: Record<string, string>,
  count: number,
  saveTo?: string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "-e",
        `(async () => { let bytes = 0; for (let i = 0; i < ${count}; i++) {
           const r = await fetch(${JSON.stringify(url)}, { headers: ${JSON.stringify(headers)} });
           const body = await r.arrayBuffer(); bytes = body.byteLength;
           if (i === ${count} - 1 && ${JSON.stringify(saveTo ?? "")}) require("node:fs").writeFileSync(${JSON.stringify(saveTo ?? "")}, Buffer.from(body));
           if (r.status !== 200) { console.error(r.status); process.exit(1); } }
         console.log(bytes); })()`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`${url}: client failed`))));
  });
}

/** The machine's load average, printed beside every figure (the host is shared). */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** A V8 profiler on this process (sampling every 100 µs) and the app listening: its base URL. */
export async function listenProfiled(app: {
  listen(options: { port: number; host: string }): Promise<unknown>;
  server: { address(): unknown };
}): Promise<{ inspector: Session; base: string }> {
  const inspector = new Session();
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.setSamplingInterval", { interval: 100 });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { inspector, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}
