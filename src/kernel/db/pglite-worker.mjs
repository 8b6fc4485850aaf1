// Worker thread entry for the embedded database (ADR 0014): PGlite, served to the app's `pg`
// pool over a Unix socket by pglite-bridge.mjs. Plain JavaScript, so it starts without a loader.
import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-bridge.mjs";

/**
 * `modules`: PGlite's WebAssembly compiled once by the process (pglite-host.ts), so a worker does
 * not compile 9 MB of it again.
 * @type {{ dataDir?: string, snapshotFile?: string, socketPath: string, modules?: { pgliteWasmModule: WebAssembly.Module, initdbWasmModule: WebAssembly.Module } }}
 */
const options = workerData;
let db;
try {
  const modules = options.modules ?? {};
  if (options.dataDir) db = await PGlite.create({ dataDir: options.dataDir, ...modules });
  else if (options.snapshotFile)
    db = await PGlite.create({ loadDataDir: new Blob([await readFile(options.snapshotFile)]), ...modules });
  else db = await PGlite.create(modules);
} catch (error) {
  parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

const bridge = servePglite(db);
bridge.server.on("error", (error) => parentPort.postMessage({ type: "failed", message: error.message }));
bridge.server.listen(options.socketPath, () => parentPort.postMessage({ type: "ready" }));

parentPort.on("message", async (message) => {
  if (message?.type !== "close") return;
  // Ends open connections (their transactions roll back), then shuts PGlite down cleanly so the
  // data directory needs no recovery next time.
  await bridge.shutdown();
  parentPort.postMessage({ type: "closed" });
  parentPort.close();
});
