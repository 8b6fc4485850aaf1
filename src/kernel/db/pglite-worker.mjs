// Worker thread entry for the embedded database (ADR 0014): PGlite, served to the app's `pg`
// pool over a Unix socket by pglite-bridge.mjs. Plain JavaScript, so it starts without a loader.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-bridge.mjs";
import { readEmptyCluster, saveEmptyCluster } from "./pglite-template.mjs";

/**
 * `modules`: PGlite's WebAssembly compiled once by the process (pglite-host.ts), so a worker does
 * not compile 9 MB of it again.
 * @type {{ dataDir?: string, snapshotFile?: string, socketPath: string, modules?: { pgliteWasmModule: WebAssembly.Module, initdbWasmModule: WebAssembly.Module } }}
 */
const options = workerData;
let db;
try {
  const modules = options.modules ?? {};
  if (options.snapshotFile && !options.dataDir)
    db = await PGlite.create({ loadDataDir: new Blob([await readFile(options.snapshotFile)]), ...modules });
  else {
    // A new database (no PG_VERSION yet) starts from the empty cluster's dump, not initdb.
    const fresh = !options.dataDir || !existsSync(path.join(options.dataDir, "PG_VERSION"));
    const loadDataDir = fresh ? await readEmptyCluster() : undefined;
    db = await PGlite.create({ dataDir: options.dataDir, ...(loadDataDir ? { loadDataDir } : {}), ...modules });
    // The first database this installation makes: keep its empty cluster for the next ones.
    if (fresh && !loadDataDir) await saveEmptyCluster(db);
  }
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
