/**
 * Property-based fuzzing of every import kind (fast-check): over 10,000 distinct malformed files
 * made from one valid file per kind — bytes cut or inserted, cells replaced by hostile values,
 * rows dropped or doubled, JSON values swapped for wrong types, huge numbers and deep nesting.
 * For each: no crash; every problem names the file (and row and column where a known-bad cell
 * was put); the dry run's verdict and errors equal the real import's; a refused file writes
 * nothing.
 *
 * The seed is fixed, so every run tries the same files and a failure reproduces. FUZZ_FILES is
 * how many distinct files in all (shared evenly between the kinds; default 10,000, the issue's
 * figure); FUZZ_SEED tries another sample. The test prints how many it tried.
 *
 * What keeps 10,000 files inside CI's time (≈25 ms a file became a few):
 * - Every file gets a dry run. The real import runs for every file the dry run accepted (where
 *   write-time refusals and crashes live: `1e309` passed the dry run and failed at the write),
 *   and for a fixed sample (1 in REAL_SAMPLE) of the refused ones. That is enough for "dry run
 *   verdict = real verdict": runImport gives both the same prepare step (the importer is never
 *   told which it is) on the same database (the dry run wrote nothing, checked below), and a
 *   refusal from it returns before the write stage — so a real import of a file the dry run
 *   refused can only differ if prepare is not a function of file and database, which the
 *   sample would show.
 * - "Nothing written" is checked by the transaction counter first: if no transaction was given
 *   an id while files were tried (pg_current_snapshot's xmax is unchanged), nothing was written
 *   to any table. Only when one was (a refusal inside the write transaction rolls back after
 *   taking an id; on PostgreSQL other test files share the counter) are the row counts of every
 *   table an import can write compared. Files refused by the dry run alone are checked together,
 *   a run of them at a time (up to BATCH, and before any file that is imported for real): most
 *   are refused before the database is asked anything, and two queries each would double their cost.
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

const FILES = Number(process.env.FUZZ_FILES ?? 10_000);
/** Every kind gets at least this share of FILES; the rest go to the kinds cheapest to try (below). */
const MIN_SHARE = 0.025;
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
/** One dry-refused file in this many is also imported for real (see above). */
const REAL_SAMPLE = 8;
/** Dry-refused files checked together for "nothing written" (see above). */
const BATCH = 100;
const audit = { actorUserId: null, actorLabel: "import-fuzz" };

let t: TestApp;
let partnershipId: string;
let fingerprintQuery: ReturnType<typeof sql.raw>;

/** Row counts of every table an import can write (the data platform's and the audit log). */
async function fingerprint(): Promise<string> {
  const result = (await t.database.db.execute(fingerprintQuery)) as unknown as { rows: Record<string, unknown>[] };
  return JSON.stringify(result.rows[0]);
}

/** The next transaction id to be given out: unchanged means no transaction wrote (or tried to). */
async function transactionMark(): Promise<string> {
  const result = (await t.database.db.execute(
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as mark`,
  )) as unknown as { rows: { mark: string }[] };
  return result.rows[0]!.mark;
}

/** The row counts as of a transaction mark; taken again only when the mark has moved. */
let known: { mark: string; counts: string } | null = null;
const tally = { tried: 0, real: 0, accepted: 0, countedRows: 0 };

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
/**
 * Files per kind. A file costs from ~3 ms of CPU (a boundary or neighbours JSON file, mostly
 * refused when parsed) to ~40 ms (a Stat-Xplore export: area names resolved, totals added, often
 * written) on PGlite. Even shares made 10,000 files cost ~140 s of CPU, more than CI has, so every
 * kind gets MIN_SHARE of the files (250 of 10,000: six times what each had before) and the three
 * JSON kinds that cost least share the rest. Printed at the end, kind by kind, with the CPU each took.
 */
const CHEAPEST = new Set(["neighbours.json", "E06000001.json", "fuzz-areas.json"]);
const floor = Math.ceil(FILES * MIN_SHARE);
const rest = Math.max(0, FILES - floor * (order.length - CHEAPEST.size));
const filesFor = (name: string) => (CHEAPEST.has(name) ? Math.max(floor, Math.ceil(rest / CHEAPEST.size)) : floor);
const cpuByKind: string[] = [];
const distinct = new Set<string>();

/** Files refused by the dry run alone since `mark`: nothing may have been written meanwhile. */
let batch: { mark: string; counts: string; files: string[] } | null = null;

async function startBatch() {
  const mark = await transactionMark();
  if (known?.mark !== mark) known = { mark, counts: await fingerprint() };
  return { mark, counts: known.counts, files: [] as string[] };
}

async function checkBatch() {
  if (!batch) return;
  const { mark, counts, files } = batch;
  batch = null;
  if (files.length === 0 || (await transactionMark()) === mark) return;
  tally.countedRows++;
  expect(await fingerprint(), `nothing written by any of: ${files.join("; ")}`).toBe(counts);
}

async function tryFile(base: (typeof order)[number], sample: Malformed, refusedSoFar: number) {
  batch ??= await startBatch();
  const dry = await run(base.kind, base.name, sample.bytes, base.options, true);
  expectReadable(dry, base.name);
  let verdict = dry;
  if (dry.ok || refusedSoFar % REAL_SAMPLE === 0) {
    // Alone, so whatever it writes (or must not) is its own.
    batch.files.push(`${sample.what} (dry run)`);
    await checkBatch();
    batch = await startBatch();
    const real = await run(base.kind, base.name, sample.bytes, base.options, false);
    tally.real++;
    expect(real.ok, sample.what).toBe(dry.ok);
    expect(real.errors, sample.what).toEqual(dry.errors);
    expectReadable(real, base.name);
    verdict = real;
  }
  if (verdict.ok) {
    tally.accepted++;
    batch = null;
  } else {
    batch.files.push(sample.what);
    if (batch.files.length >= BATCH || verdict !== dry) await checkBatch();
  }
  if (sample.expect) {
    expect(verdict.ok, sample.what).toBe(false);
    const at = verdict.errors.filter(
      (e) => e.row === sample.expect!.row && (!sample.expect!.column || e.column === sample.expect!.column),
    );
    expect(at, `${sample.what}: ${JSON.stringify(verdict.errors.slice(0, 3))}`).not.toEqual([]);
  }
  return verdict.ok;
}

describe("import fuzzing", () => {
  for (const base of order) {
    const perKind = filesFor(base.name);
    it(`${base.kind} (${base.name}): ${perKind} distinct malformed files`, { timeout: 600_000 }, async () => {
      const cpu = process.cpuUsage();
      let tried = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(malformed(base), async (sample: Malformed) => {
          if (tried >= perKind) return;
          // The generators repeat some files (a constant, a cut at the same place): each is tried once.
          const id = `${base.name}:${createHash("sha256").update(sample.bytes).digest("hex")}`;
          if (distinct.has(id)) return;
          distinct.add(id);
          tried++;
          tally.tried++;
          if (!(await tryFile(base, sample, refused))) refused++;
        }),
        // Enough draws for perKind distinct files even from the smallest base (checked below).
        { numRuns: perKind * 6, seed: SEED, endOnFailure: true },
      );
      await checkBatch();
      expect(tried, "the generators made enough distinct files").toBe(perKind);
      const used = process.cpuUsage(cpu);
      cpuByKind.push(`${base.name} ${tried} files ${Math.round((used.user + used.system) / 1000 / tried)} ms CPU each`);
    });
  }

  it("tried every file it says", () => {
    console.log(
      `import fuzz: ${tally.tried.toLocaleString("en-GB")} distinct malformed files over ${order.length} bases (${tally.accepted} accepted); ` +
        `${tally.real} also imported for real; row counts compared after ${tally.countedRows} refusals (the rest wrote no transaction); ` +
        cpuByKind.join(", "),
    );
    expect(tally.tried).toBe(order.reduce((sum, base) => sum + filesFor(base.name), 0));
    expect(tally.tried).toBeGreaterThanOrEqual(FILES);
  });
});
