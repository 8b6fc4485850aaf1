import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import lockfile from "proper-lockfile";
import { AppError } from "../errors/app-error.ts";

export interface PgliteHost {
  /** Where `pg` connects: a private directory holding the socket `.s.PGSQL.<port>`. */
  socketDir: string;
  port: number;
  /** Settles if the worker stops on its own (PGlite aborted): the database is gone. */
  lost: Promise<Error>;
  close(): Promise<void>;
}

export interface PgliteHostOptions {
  /** Data directory on disk (the database lives in `<dataDir>/pglite`); omit for in-memory. */
  dataDir?: string | undefined;
  /** In-memory only: start from this dump (PGlite's dumpDataDir) instead of an empty cluster. */
  snapshotFile?: string | undefined;
}

const PORT = 5432;
/** How long a lock of a process that died without releasing it is honoured. */
const LOCK_STALE_MS = 10_000;

/**
 * Runs PGlite in a worker thread serving the PostgreSQL protocol on a Unix socket in a private
 * directory (mode 0700: only this user can connect, and PGlite asks no password). Queries then
 * run on the worker's thread, never the event loop's. A data directory is locked while open, so
 * a second process (e.g. `cpah import` while `cpah serve` runs) is refused with a clear message
 * instead of two PGlite instances corrupting one directory.
 */
export async function startPgliteHost(options: PgliteHostOptions): Promise<PgliteHost> {
  let dataDir: string | undefined;
  let release: (() => Promise<void>) | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = path.join(options.dataDir, "pglite");
    release = await lockDataDir(options.dataDir);
  }
  const socketDir = mkdtempSync(path.join(tmpdir(), "cpah-db-"));
  const cleanUp = async () => {
    rmSync(socketDir, { recursive: true, force: true });
    await release?.().catch(() => undefined);
  };
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: {
      dataDir,
      snapshotFile: options.snapshotFile,
      socketPath: path.join(socketDir, `.s.PGSQL.${PORT}`),
      modules: await compiledModules().catch(() => undefined),
    },
  });
  let closing = false;
  const lost = new Promise<Error>((resolve) => {
    worker.once("error", (error) => resolve(error));
    worker.once("exit", (code) => resolve(new Error(`the embedded database stopped (exit code ${code})`)));
  }).then(async (error) => {
    await cleanUp();
    return error;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on("message", (message: { type: string; message?: string }) => {
        if (message.type === "ready") resolve();
        if (message.type === "failed") reject(new Error(`The embedded database could not start: ${message.message}`));
      });
      void lost.then(reject);
    });
  } catch (error) {
    await worker.terminate();
    await cleanUp();
    throw error;
  }
  // Not settled by a deliberate close: only an unexpected stop counts as lost.
  const unexpected = lost.then((error) => (closing ? new Promise<Error>(() => undefined) : error));
  return {
    socketDir,
    port: PORT,
    lost: unexpected,
    async close() {
      if (closing) return;
      closing = true;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage({ type: "close" });
      const timer = setTimeout(() => void worker.terminate(), 15_000);
      await exited;
      clearTimeout(timer);
      await lost;
    },
  };
}

let modules: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process and handed to each worker (a compiled module
 * crosses threads without copying): compiling it anew in every worker cost each database about
 * 1–2 s of CPU, paid by every test file. Undefined on failure: the worker then compiles its own.
 */
function compiledModules() {
  if (!modules) {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve("@electric-sql/pglite"));
    const compile = async (file: string) => WebAssembly.compile(await readFile(path.join(dist, file)));
    modules = Promise.all([compile("pglite.wasm"), compile("initdb.wasm")]).then(
      ([pgliteWasmModule, initdbWasmModule]) => ({
        pgliteWasmModule,
        initdbWasmModule,
      }),
    );
    modules.catch(() => (modules = undefined));
  }
  return modules;
}

/**
 * Takes DATA_DIR's lock (what `cpah serve` holds while its embedded database is open), or refuses
 * in words when another process has it. Backup and restore take it too, so none of them can run
 * on a directory another has open. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, "pglite.lock");
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: LOCK_STALE_MS,
      // The lock is refreshed on a timer; if that ever fails, say so rather than crash.
      onCompromised: (error) => process.emitWarning(`Data directory lock lost: ${error.message}`),
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    throw new AppError(
      "CONFLICT",
      `The embedded database in ${dataDir} is in use by another process (a running \`cpah serve\` or \`cpah demo\`, or another command). ` +
        "Stop it first, or run this command against a PostgreSQL server with DATABASE_URL. " +
        `If no such process is running, the lock (${lockPath}) expires ${LOCK_STALE_MS / 1000} s after it stopped.`,
    );
  }
}
