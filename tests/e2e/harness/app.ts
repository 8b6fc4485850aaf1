import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { buildApp } from "../../../src/app.ts";
import { type Database, openDatabase } from "../../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../../src/data/geography/index.ts";
import { buildAssets } from "../../../src/kernel/http/assets.ts";
import { testConfig } from "../../helpers/test-app.ts";
import { type SignInDetails, seedForEndToEnd } from "./seed.ts";

export interface RunningApp {
  /** The current app's address, e.g. http://127.0.0.1:41234 (changes on `fresh`). */
  origin: string;
  app: FastifyInstance;
  database: Database;
  signIns: SignInDetails[];
  /**
   * Replaces the running app with one on an untouched copy of the seeded database, so what one
   * person's crawl changed (forms submitted empty can succeed) cannot affect the next.
   */
  fresh(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real app, in this process, on a free port, over an on-disk PGlite database in a
 * temporary directory: a copy of the one the e2e global setup seeded with the demo data (or,
 * without that setup, seeded here with the demo or a small fallback seed).
 */
export async function startApp(): Promise<RunningApp> {
  const root = mkdtempSync(path.join(tmpdir(), "cpah-e2e-"));
  const seeded = inject("e2eSeeded");
  const { pristine, signIns } = seeded ? { pristine: seeded.dataDir, signIns: seeded.signIns } : await seedHere(root);

  let copies = 0;
  const open = async () => {
    const dataDir = path.join(root, `copy-${++copies}`);
    cpSync(pristine, dataDir, { recursive: true });
    const database = await openDatabase({ dataDir });
    await prepareDatabase(database);
    const { app } = await buildApp({ config: testConfig({ DATA_DIR: dataDir }), database, logger: false });
    const origin = await app.listen({ host: "127.0.0.1", port: 0 });
    return { app, database, origin, dataDir };
  };
  const close = async (current: Awaited<ReturnType<typeof open>>) => {
    await current.app.close();
    await current.database.close();
    rmSync(current.dataDir, { recursive: true, force: true });
  };

  let current = await open();
  const running: RunningApp = {
    origin: current.origin,
    app: current.app,
    database: current.database,
    signIns,
    fresh: async () => {
      await close(current);
      current = await open();
      Object.assign(running, { origin: current.origin, app: current.app, database: current.database });
      return current.origin;
    },
    stop: async () => {
      await close(current);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return running;
}

async function seedHere(root: string): Promise<{ pristine: string; signIns: SignInDetails[] }> {
  const pristine = path.join(root, "seeded");
  await buildAssets();
  const seeding = await openDatabase({ dataDir: pristine });
  await prepareDatabase(seeding);
  const signIns = await seedForEndToEnd(seeding);
  await seeding.close();
  return { pristine, signIns };
}
