import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import {
  type ImportReport,
  importerFor,
  readSourceFile,
  runImport,
  sharedDataSteps,
} from "../../src/data/imports/index.ts";
import type { Executor } from "../../src/kernel/db/database.ts";

/** Real official files for the tests: ../shared/data beside the clone, or SHARED_DATA_DIR. Never copied in. */
export const SHARED_DATA_DIR = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);

/**
 * `describe` for a suite that reads `files` from the shared data. CI always has them, so a
 * missing file is a failing test that says where the data should be, never a silent skip. A
 * developer without the data can set ALLOW_MISSING_SHARED_DATA=1 to skip these suites instead.
 */
export function itWithSharedData(
  ...files: string[]
): (name: string, body: () => Promise<void>, timeout?: number) => void {
  const missing = files.filter((file) => !existsSync(file));
  return (name, body, timeout) => {
    if (missing.length === 0) it(name, body, timeout);
    else if (process.env.ALLOW_MISSING_SHARED_DATA === "1") it.skip(name, body);
    else
      it(name, () => {
        throw new Error(`Missing ${missing.join(", ")}: ${name} reads real data from ${SHARED_DATA_DIR}.`);
      });
  };
}

export function describeWithSharedData(...files: string[]): (name: string, body: () => void) => void {
  const missing = files.filter((file) => !existsSync(file));
  return (name, body) => {
    if (missing.length === 0) describe(name, body);
    else if (process.env.ALLOW_MISSING_SHARED_DATA === "1") describe.skip(name, body);
    else
      describe(name, () => {
        it("finds its files in the shared data", () => {
          throw new Error(
            `Missing ${missing.join(", ")}. This suite reads real data from ${SHARED_DATA_DIR}: put the shared ` +
              "data there (../shared/data beside the clone) or point SHARED_DATA_DIR at it; " +
              "ALLOW_MISSING_SHARED_DATA=1 skips these suites on a machine without it.",
          );
        });
      });
  };
}

type SharedDataStep = Awaited<ReturnType<typeof sharedDataSteps>>[number];

/**
 * Imports the shared-data files that `keep` chooses, in the order the importers need, through the
 * real importers: the step and its report for each, for the caller to check.
 */
export async function importSharedData(
  db: Executor,
  keep: (step: SharedDataStep) => boolean,
  actorLabel: string,
): Promise<{ step: SharedDataStep; report: ImportReport }[]> {
  const imported: { step: SharedDataStep; report: ImportReport }[] = [];
  for (const step of await sharedDataSteps(SHARED_DATA_DIR)) {
    if (!keep(step)) continue;
    const report = await runImport(db, {
      importer: importerFor(step.kind)!,
      file: await readSourceFile(step.file),
      options: step.options,
      dryRun: false,
      audit: { actorUserId: null, actorLabel },
    });
    imported.push({ step, report });
  }
  return imported;
}
