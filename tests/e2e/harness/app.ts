import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../../src/app.ts";
import { type Database, openDatabase } from "../../../src/kernel/db/database.ts";
import { runMigrations } from "../../../src/kernel/db/migrate.ts";
import { buildAssets } from "../../../src/kernel/http/assets.ts";
import { testConfig } from "../../helpers/test-app.ts";
import { type SignInDetails, seedForEndToEnd } from "./seed.ts";

export interface RunningApp {
  origin: string;
  app: FastifyInstance;
  database: Database;
  signIns: SignInDetails[];
  stop(): Promise<void>;
}

/**
 * The real app, in this process, on a free port, over a fresh on-disk PGlite database in a
 * temporary directory, seeded with the demo data (or a small fallback seed).
 */
export async function startApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cpah-e2e-"));
  await buildAssets();
  const database = await openDatabase({ dataDir });
  await runMigrations(database);
  const signIns = await seedForEndToEnd(database);
  const config = testConfig({ DATA_DIR: dataDir });
  const { app } = await buildApp({ config, database, logger: false });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    origin: address,
    app,
    database,
    signIns,
    stop: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
