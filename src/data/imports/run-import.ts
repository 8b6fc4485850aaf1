import { z } from "zod";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import { driverOf } from "../../kernel/db/copy.ts";
import { analyzeTables, modificationCounts, tablesNeedingAnalyze } from "../../kernel/db/statistics.ts";
import { completeBatch, insertBatch, officialValuesReplaced } from "../indicators/index.ts";
import { OFFICIAL_KINDS } from "./official-kinds.ts";
import type { Importer, ImportWatcher, ProgressSink } from "./importer.ts";
import { type ImportReport, ImportRejected, IssueList } from "./report.ts";
import { detectEncoding, type Encoding, encodings, type SourceFile } from "./source-file.ts";
import { isWorkbook } from "./spreadsheet.ts";
import { excerpt } from "./cells.ts";

export interface ImportRequest {
  importer: Importer;
  file: SourceFile;
  options: unknown;
  dryRun: boolean;
  audit: AuditContext;
  partnershipId?: string | null;
  progress?: ProgressSink | undefined;
  /** Hears stages and rows written (a web import's job); never awaited, so it cannot hold the import. */
  watch?: ImportWatcher | undefined;
  /**
   * False for a partnership's upload of official national statistics: it may add values the
   * store lacks but not change stored ones. The CLI and administrators may (a revised release).
   */
  mayChangeNational?: boolean;
  /** Set when the kind was recognised from the file rather than chosen: why, for the report. */
  recognisedAs?: string | undefined;
  /**
   * The release time (embargo) of the values written: set on the batch in the same transaction
   * that writes them, so no reader ever sees them before it (see indicators/embargo.ts).
   */
  embargoUntil?: Date | null | undefined;
}

/**
 * Text importers take an `encoding` option: when the request leaves it out it is detected from
 * the bytes (UTF-8, else Windows-1252) and the report says which and why; a stated one is used
 * as stated, strictly. Spreadsheets and JSON files have no encoding to choose.
 */
function withEncoding(request: ImportRequest, report: ImportReport): unknown {
  const options = (request.options ?? {}) as Record<string, unknown>;
  const schema = request.importer.optionsSchema;
  const takesEncoding = schema instanceof z.ZodObject && "encoding" in schema.shape;
  if (!takesEncoding || typeof options !== "object" || isWorkbook(request.file)) return options;
  const stated = options.encoding;
  if (typeof stated === "string" && stated !== "") {
    if ((encodings as readonly string[]).includes(stated))
      report.encoding = { encoding: stated as Encoding, decidedBy: "stated", reason: "as chosen for this import" };
    return options;
  }
  const detected = detectEncoding(request.file.bytes);
  if (!detected) return options;
  report.encoding = detected;
  return { ...options, encoding: detected.encoding };
}

function emptyReport(request: ImportRequest): ImportReport {
  return {
    recognisedAs: request.recognisedAs,
    kind: request.importer.kind,
    fileName: request.file.name,
    sha256: request.file.sha256,
    sizeBytes: request.file.bytes.length,
    ok: false,
    dryRun: request.dryRun,
    errors: [],
    errorCount: 0,
    warnings: [],
    rowsRead: 0,
    skippedRows: [],
    values: 0,
    missingValues: 0,
    suppressedValues: 0,
    indicators: [],
    periods: [],
    areas: 0,
    nameProblems: [],
    preview: { columns: [], rows: [] },
    counts: {},
  };
}

/**
 * parse → validate → (unless dry run or invalid) write, all of one file in one transaction
 * with its import batch and audit entry. Bad files come back as a report with ok = false;
 * nothing is written.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  const report = emptyReport(request);
  const issues = new IssueList(request.file.name);
  const finish = () => {
    report.errors = issues.errors;
    report.errorCount = issues.errorCount;
    report.warnings = issues.warnings;
    report.optionProblems = issues.optionProblems;
    report.ok = issues.ok;
    return report;
  };
  request.watch?.stage("reading");
  const given = withEncoding(request, report);
  const options = request.importer.optionsSchema.safeParse(given);
  if (!options.success) {
    for (const issue of options.error.issues) issues.optionError(issue.path.join(".") || "(options)", issue.message);
    return finish();
  }
  const partnershipId = request.partnershipId ?? null;
  // National and official files go to the shared store whoever uploads them; the batch still
  // records which partnership's page they came through.
  const ownerId = request.importer.scope === "partnership" ? partnershipId : null;
  let prepared: Awaited<ReturnType<Importer["prepare"]>>;
  try {
    prepared = await request.importer.prepare(
      { db, file: request.file, issues, audit: request.audit, partnershipId: ownerId },
      options.data,
    );
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    issues.error(error.message.replace(`${request.file.name}: `, "").replace(/^[^:]*, row \d+: /, ""), error.row);
    return finish();
  }
  Object.assign(report, prepared.report, shownParts(prepared.report));
  // A partnership's own file may add figures beside published ones, never replace them.
  if (
    issues.ok &&
    prepared.buffer &&
    request.importer.scope === "partnership" &&
    !request.importer.officialStatistics &&
    request.mayChangeNational === false
  ) {
    const replaced = await officialValuesReplaced(db, prepared.buffer, OFFICIAL_KINDS);
    if (replaced.count > 0) {
      const example = replaced.examples.map((e) => `${e.slug} ${e.period} ${e.areaCode} from ${e.fileName}`).join("; ");
      issues.error(
        `this file would replace ${replaced.count.toLocaleString("en-GB")} values that came from published official statistics (${example}); a partnership's own file may add figures but never change official ones. Use another indicator identifier for your own figures, or ask a service administrator to load a revised official release`,
      );
    }
  }
  if (!issues.ok || request.dryRun) return finish();

  let outcome: Awaited<ReturnType<typeof writeInTransaction>>;
  try {
    outcome = await writeInTransaction(db, request, report, prepared, partnershipId);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    issues.error(error.message.replace(`${request.file.name}: `, ""), error.row);
    return finish();
  }
  // After commit: statistics for what everyone can now see (see kernel/db/statistics.ts).
  request.watch?.stage("analysing");
  await analyzeTables(db, outcome.stale, driverOf(db) ?? "postgres");
  report.analyzedTables = outcome.stale;
  report.batchId = outcome.batchId;
  if (request.embargoUntil) report.releaseAt = request.embargoUntil.toISOString();
  report.valuesWritten = outcome.valuesWritten;
  report.valuesReplaced = outcome.valuesReplaced;
  report.counts = { ...report.counts, ...outcome.counts };
  return finish();
}

/** The batch, the values and the audit entry in one transaction; a rejection rolls it all back. */
async function writeInTransaction(
  db: Db,
  request: ImportRequest,
  report: ImportReport,
  prepared: Awaited<ReturnType<Importer["prepare"]>>,
  partnershipId: string | null,
) {
  return db.transaction(async (tx) => {
    const modifiedBefore = await modificationCounts(tx);
    const batchId = await insertBatch(tx, {
      kind: request.importer.kind,
      fileName: request.file.name,
      sha256: request.file.sha256,
      sizeBytes: request.file.bytes.length,
      actorUserId: request.audit.actorUserId,
      actorLabel: request.audit.actorLabel,
      partnershipId,
      embargoUntil: request.embargoUntil ?? null,
    });
    // Small files (a boundary file, a lookup of a few rows) would only add noise to the log.
    const progress = watched(prepared.total >= 1000 ? request.progress : undefined, request.watch);
    request.watch?.stage("writing", prepared.total);
    progress?.start(prepared.total, `${request.importer.kind} ${request.file.name}`);
    const written = await prepared.write(tx, { batchId, audit: request.audit, progress });
    progress?.stop();
    // PGlite answers on our thread and resolves by microtask: without a turn here, the last
    // write statements, the bookkeeping below and COMMIT would run as one block.
    await yieldToEventLoop();
    if (request.importer.scope !== "partnership" && request.mayChangeNational === false && written.valuesReplaced > 0) {
      throw new ImportRejected(
        request.file.name,
        `this file would change ${written.valuesReplaced.toLocaleString("en-GB")} national values already in the store (a different or revised release); nothing was imported. Only a service administrator can load a revised release of official statistics`,
      );
    }
    const summary = {
      kind: request.importer.kind,
      fileName: request.file.name,
      sha256: request.file.sha256,
      rowsRead: report.rowsRead,
      values: report.values,
      valuesWritten: written.valuesWritten,
      valuesReplaced: written.valuesReplaced,
      counts: { ...report.counts, ...written.counts },
      indicators: report.indicators.map((indicator) => indicator.slug),
      periods: report.periods,
      areas: report.areas,
      ...(request.embargoUntil ? { releaseAt: request.embargoUntil.toISOString() } : {}),
    };
    await completeBatch(tx, batchId, {
      rowsRead: report.rowsRead,
      valuesWritten: written.valuesWritten,
      valuesReplaced: written.valuesReplaced,
      report: summary,
    });
    await recordAudit(tx, request.audit, {
      action: "import.completed",
      entityType: "import_batch",
      entityId: String(batchId),
      partnershipId,
      after: summary,
    });
    const stale = await tablesNeedingAnalyze(tx, modifiedBefore);
    await yieldToEventLoop();
    return { batchId, ...written, stale };
  });
}

/** The CLI's progress (large files only) and a watcher's rows, as one sink for the importer. */
function watched(sink: ProgressSink | undefined, watch: ImportWatcher | undefined): ProgressSink | undefined {
  if (!watch) return sink;
  return {
    start: (total, label) => sink?.start(total, label),
    update: (done) => {
      sink?.update(done);
      watch.rows(done);
    },
    stop: () => sink?.stop(),
  };
}

const cell = (text: string) => excerpt(text, 200);

/** What the report shows of the file's own text (preview, names, skipped rows), cut to a readable length. */
function shownParts(report: Partial<ImportReport>): Partial<ImportReport> {
  const shown: Partial<ImportReport> = {};
  if (report.preview)
    shown.preview = { columns: report.preview.columns.map(cell), rows: report.preview.rows.map((r) => r.map(cell)) };
  if (report.nameProblems) shown.nameProblems = report.nameProblems.map((p) => ({ ...p, name: cell(p.name) }));
  if (report.skippedRows) shown.skippedRows = report.skippedRows.map((r) => ({ ...r, label: cell(r.label) }));
  return shown;
}

/** Options given as strings (CLI flags, form fields) are coerced by each importer's schema. */
export const encodingOption = z.enum(["utf-8", "windows-1252"]).default("utf-8");
