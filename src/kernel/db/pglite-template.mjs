// A new embedded database starts from a dump of an empty, freshly initialised cluster instead
// of running PGlite's initdb: initdb costs 8–10 s of CPU (most of a fresh `cpah migrate`), a
// dump loads in about 1 s. The dump is taken from the first database this installation creates,
// before anything is written to it, and kept in node_modules/.cache (so `npm ci` starts afresh,
// and a new PGlite version gets its own). Plain JavaScript: the worker thread
// (pglite-worker.mjs) imports it without a loader.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** Where the dump of an empty cluster lives for the PGlite installed: CPAH_CACHE_DIR or node_modules/.cache/cpah. */
export function emptyClusterFile() {
  const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  const version = JSON.parse(readFileSync(path.join(dist, "..", "package.json"), "utf8")).version;
  const directory = process.env.CPAH_CACHE_DIR || path.resolve(dist, "../../../.cache/cpah");
  return path.join(directory, `pglite-${version}-empty-cluster.tar`);
}

/** The empty cluster's dump, or undefined when this installation has none yet (or cannot read it). */
export async function readEmptyCluster() {
  try {
    return new Blob([await readFile(emptyClusterFile())]);
  } catch {
    return undefined;
  }
}

/**
 * Keeps a dump of `db`, which must be a cluster initdb has just made, with nothing written to it
 * yet. Best effort: where the cache cannot be written (a read-only install), every new database
 * simply runs initdb, slower but the same.
 * @param {import("@electric-sql/pglite").PGlite} db
 */
export async function saveEmptyCluster(db) {
  let partial;
  try {
    const file = emptyClusterFile();
    const dump = await db.dumpDataDir("none");
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: another process starting at the same moment reads either no
    // file or a whole one, never half of it.
    partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    if (partial) rmSync(partial, { force: true });
  }
}
