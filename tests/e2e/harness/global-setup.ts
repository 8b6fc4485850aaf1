import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../../src/data/geography/index.ts";
import { buildAssets } from "../../../src/kernel/http/assets.ts";
import { type SignInDetails, seedForEndToEnd } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** An on-disk PGlite database seeded with the demo, never opened again: startApp copies it. */
    e2eSeeded: { dataDir: string; signIns: SignInDetails[] };
  }
}

/**
 * Builds the assets and seeds the demo once for all end-to-end files (each used to seed its own:
 * initdb, migrations and the whole demo, three times per run). Files still get their own copy.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // Only honoured under NODE_ENV=test (src/kernel/auth/passwords.ts), as in the test workers.
  process.env.PASSWORD_HASH_COST ??= "test";
  const root = mkdtempSync(path.join(tmpdir(), "cpah-e2e-seed-"));
  const dataDir = path.join(root, "seeded");
  await buildAssets();
  const seeding = await openDatabase({ dataDir });
  await prepareDatabase(seeding);
  const signIns = await seedForEndToEnd(seeding);
  await seeding.close();
  project.provide("e2eSeeded", { dataDir, signIns });
  return () => rmSync(root, { recursive: true, force: true });
}
