/**
 * Property-based fuzzing of every import kind (fast-check): thousands of malformed files made
 * from one valid file per kind — bytes cut or inserted, cells replaced by hostile values, rows
 * dropped or doubled, JSON values swapped for wrong types, huge numbers and deep nesting. For
 * each: no crash; every problem names the file (and row and column where a known-bad cell was
 * put); the dry run's verdict and errors equal the real import's; a refused file writes nothing.
 *
 * The seed is fixed, so every run tries the same files and a failure reproduces. FUZZ_RUNS is
 * files per base file: the default, 40 (560 files, a few seconds of CPU on PGlite), keeps the
 * suite inside its CI budget; FUZZ_RUNS=800 (11,200 files, over 10,000 of them distinct) is the
 * full sweep, worth running after changing an importer. FUZZ_SEED tries another sample.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatIssue,
  type ImportReport,
  importerFor,
  runImport,
  sourceFromBytes,
} from "../../src/data/imports/index.ts";
import { importBases } from "../helpers/import-bases.ts";
import { type Malformed, malformed } from "../helpers/import-mutations.ts";
import { createTestApp, fixtures, type TestApp } from "../helpers/test-app.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const audit = { actorUserId: null, actorLabel: "import-fuzz" };

let t: TestApp;
let partnershipId: string;
let fingerprintQuery: ReturnType<typeof sql.raw>;

/**
 * Row counts of every table an import can write (the data platform's and the audit log): a
 * refused import must leave them as they were. Known after a refusal, so the next file reuses it.
 */
let known: string | null = null;
async function fingerprint(): Promise<string> {
  const result = (await t.database.db.execute(fingerprintQuery)) as unknown as { rows: Record<string, unknown>[] };
  return JSON.stringify(result.rows[0]);
}

function run(kind: string, name: string, bytes: Buffer, options: Record<string, unknown>, dryRun: boolean) {
  return runImport(t.database.db, {
    importer: importerFor(kind)!,
    file: sourceFromBytes(name, bytes),
    options,
    dryRun,
    audit,
    partnershipId,
    mayChangeNational: true,
  });
}

/** Strips what the file itself said (quoted), so only the service's own wording is judged. */
const ownWords = (message: string) => message.replace(/"[^"]*"|“[^”]*”/g, "");

function expectReadable(report: ImportReport, name: string) {
  if (!report.ok) expect(report.errors.length, "a refusal says why").toBeGreaterThan(0);
  for (const issue of [...report.errors, ...report.warnings]) {
    expect(issue.file).toBe(name);
    expect(formatIssue(issue).startsWith(name)).toBe(true);
    expect(issue.message.trim().length).toBeGreaterThan(0);
    expect(issue.message.length).toBeLessThanOrEqual(700);
    expect(ownWords(issue.message)).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
    if (issue.row !== undefined) expect(Number.isInteger(issue.row) && issue.row >= 1).toBe(true);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await fixtures.partnership(t.database, "Fuzz Partnership", "england", "E06000001", "Fuzzpool")).id;
  // Every base file loads cleanly, each on top of the ones before it (geography first).
  for (const base of importBases) {
    const report = await run(base.kind, base.name, base.content, base.options, false);
    expect(report.errors, `${base.kind} ${base.name}`).toEqual([]);
  }
  const tables = (await t.database.db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name ~ '^(areas?_|areas$|breakdowns|comparison_|import_batches|indicators|observation|peer_ranks|periods|localit|audit_log)' order by 1`,
  )) as unknown as { rows: { name: string }[] };
  expect(tables.rows.length).toBeGreaterThan(15);
  fingerprintQuery = sql.raw(
    `select ${tables.rows.map(({ name }) => `(select count(*) from "${name}")::int as "${name}"`).join(", ")}`,
  );
}, 120_000);
afterAll(() => t.close());

// Statistics first: an accepted geography file (a mutation may still be valid) can rename or
// add areas, and the statistics bases must still match their areas by name.
const order = [
  ...importBases.filter((base) => importerFor(base.kind)!.scope !== "national"),
  ...importBases.filter((base) => importerFor(base.kind)!.scope === "national"),
];
const distinct = new Set<string>();

describe("import fuzzing", () => {
  for (const base of order) {
    it(`${base.kind} (${base.name}): ${RUNS} malformed files`, { timeout: 300_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(malformed(base), async (sample: Malformed) => {
          // The generators repeat some files (a constant, a cut at the same place): each is tried once.
          const id = `${base.name}:${createHash("sha256").update(sample.bytes).digest("hex")}`;
          if (distinct.has(id)) return;
          distinct.add(id);
          const before = known ?? (await fingerprint());
          const dry = await run(base.kind, base.name, sample.bytes, base.options, true);
          const real = await run(base.kind, base.name, sample.bytes, base.options, false);
          expect(real.ok, sample.what).toBe(dry.ok);
          expect(real.errors, sample.what).toEqual(dry.errors);
          expectReadable(dry, base.name);
          expectReadable(real, base.name);
          known = null;
          if (!real.ok) {
            const after = await fingerprint();
            expect(after, `${sample.what}: nothing written`).toBe(before);
            known = after;
          }
          if (sample.expect) {
            expect(real.ok, sample.what).toBe(false);
            const at = real.errors.filter(
              (e) => e.row === sample.expect!.row && (!sample.expect!.column || e.column === sample.expect!.column),
            );
            expect(at, `${sample.what}: ${JSON.stringify(real.errors.slice(0, 3))}`).not.toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }

  // Guards the generators: mutations that mostly repeat (or mostly leave the file intact) would
  // pass every check above while testing little.
  it("made mostly distinct files", () => {
    expect(distinct.size).toBeGreaterThanOrEqual(Math.floor(0.7 * RUNS * order.length));
  });
});
