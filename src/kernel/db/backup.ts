import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { AppError } from "../errors/app-error.ts";
import { lockDataDir } from "./pglite-host.ts";

/**
 * What backup and restore need of the embedded database, and no more: a consistent archive of
 * its data directory, and a new directory made from one. PGlite gives both (dumpDataDir,
 * loadDataDir). The app runs PGlite in a worker thread (ADR 0014) and holds DATA_DIR's lock while
 * it does, so these take the same lock and open the directory themselves, in this thread: the
 * commands run only while nothing else has it open.
 */
export interface EmbeddedEngine {
  /** The whole data directory as a gzip'd tar (PGlite's dumpDataDir format). */
  dump(directory: string): Promise<Blob>;
  /** Makes `directory` from an archive and checks it opens as a database of this service. */
  create(directory: string, archive: Blob): Promise<void>;
}

/** The service's migrations table: present in every database the service made. */
const SERVICE_CHECK = "select count(*)::int as n from drizzle.__drizzle_migrations";

export const pgliteEngine: EmbeddedEngine = {
  async dump(directory) {
    const client = await PGlite.create(directory);
    try {
      await client.query(SERVICE_CHECK);
      return await client.dumpDataDir("gzip");
    } finally {
      await client.close();
    }
  },
  async create(directory, archive) {
    const client = await PGlite.create({ dataDir: directory, loadDataDir: archive });
    try {
      await client.query(SERVICE_CHECK);
    } finally {
      await client.close();
    }
  },
};

/** The embedded database's directory inside DATA_DIR (as kernel/db/database.ts opens it). */
export const embeddedDirectory = (dataDir: string) => path.join(dataDir, "pglite");

/**
 * PGlite keeps postmaster.pid while a process has the directory open and removes it on a clean
 * close; two processes on one directory corrupt it, so neither command runs while it is there
 * (DATA_DIR's lock says so first for a running `cpah`; this catches a directory left open by a
 * process that stopped without closing it, or one opened without the lock).
 */
function refuseIfOpen(directory: string): void {
  if (existsSync(path.join(directory, "postmaster.pid")))
    throw new AppError(
      "CONFLICT",
      `the embedded database in ${directory} is in use: stop \`cpah serve\` (and any other cpah command) first. If nothing is running, it was not shut down cleanly: run \`cpah migrate\` once to open and close it, then try again`,
    );
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");

/** Writes a backup of DATA_DIR's embedded database to `file` (never over an existing file). */
export async function backupEmbedded(
  dataDir: string,
  file: string,
  engine: EmbeddedEngine = pgliteEngine,
): Promise<{ file: string; bytes: number }> {
  const directory = embeddedDirectory(dataDir);
  if (!existsSync(path.join(directory, "PG_VERSION")))
    throw new AppError("NOT_FOUND", `there is no embedded database in ${directory} (check DATA_DIR)`);
  if (existsSync(file)) throw new AppError("CONFLICT", `${file} already exists: choose another name or remove it`);
  const release = await lockDataDir(dataDir);
  let archive: Buffer;
  try {
    refuseIfOpen(directory);
    archive = Buffer.from(await (await engine.dump(directory)).arrayBuffer());
  } finally {
    await release().catch(() => undefined);
  }
  // Written beside the target and renamed, so a failure never leaves half a backup under its name.
  const partial = `${file}.partial-${process.pid}`;
  try {
    await writeFile(partial, archive, { flag: "wx", mode: 0o600 });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: archive.length };
}

/**
 * Replaces DATA_DIR's embedded database with a backup. The backup is unpacked beside it and
 * checked first; the database it replaces is kept, renamed, so a restore can be undone.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  engine: EmbeddedEngine = pgliteEngine,
): Promise<{ previous: string | null }> {
  const size = await stat(file).then(
    (info) => info.size,
    () => null,
  );
  if (size === null) throw new AppError("NOT_FOUND", `${file}: no such file`);
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  try {
    return await replaceWith(dataDir, file, engine);
  } finally {
    await release().catch(() => undefined);
  }
}

async function replaceWith(
  dataDir: string,
  file: string,
  engine: EmbeddedEngine,
): Promise<{ previous: string | null }> {
  const directory = embeddedDirectory(dataDir);
  if (existsSync(directory)) refuseIfOpen(directory);
  const staging = `${directory}.restoring-${stamp()}`;
  try {
    await engine.create(staging, new Blob([await readFile(file)]));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "VALIDATION",
      `${file} is not a backup of this service's embedded database (${reason.slice(0, 200)}); nothing was changed`,
    );
  }
  const previous = existsSync(directory) ? `${directory}.before-restore-${stamp()}` : null;
  if (previous) await rename(directory, previous);
  await rename(staging, directory);
  return { previous };
}
