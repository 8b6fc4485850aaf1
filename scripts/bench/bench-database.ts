import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";

/**
 * A fresh, migrated database for one bench run: PGlite on disk (as `cpah serve` runs it) when
 * url is undefined, else a new database on that PostgreSQL server. drop() removes it.
 */
export async function openBenchDatabase(
  url: string | undefined,
): Promise<{ database: Database; drop: () => Promise<void>; location: string }> {
  if (!url) {
    // On disk, as `cpah serve` runs it (in-memory PGlite pays for growing its memory files).
    const dir = await mkdtemp(path.join(os.tmpdir(), "cpah-bench-"));
    const database = await openDatabase({ dataDir: dir });
    await prepareDatabase(database);
    return {
      database,
      location: dir,
      drop: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `cpah_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  await prepareDatabase(database);
  return {
    database,
    location: target.toString(),
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // An autovacuum worker (the superuser's) may be busy on the new database after a large
      // load; FORCE may not end it for us (42501), so wait for it to finish, a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await cleanup.query(`drop database if exists ${name} with (force)`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== "42501" || attempt === 30) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
      await cleanup.end();
    },
  };
}

/** Imports a file of ../shared/data (SHARED_DATA_DIR overrides) as the bench's actor; throws on a refused file. */
export function sharedDataLoader(database: Database) {
  const dataDir = path.resolve(process.env.SHARED_DATA_DIR ?? path.join(process.cwd(), "..", "shared", "data"));
  const audit = { actorUserId: null, actorLabel: "bench" };
  return async (kind: string, file: string, options: Record<string, unknown> = {}, dryRun = false) => {
    const source = await readSourceFile(path.join(dataDir, file));
    const report = await runImport(database.db, { importer: importerFor(kind)!, file: source, options, dryRun, audit });
    if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
    return report;
  };
}
