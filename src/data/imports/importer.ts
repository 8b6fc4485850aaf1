import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ObservationBuffer } from "../indicators/index.ts";
import type { ImportReport, IssueList } from "./report.ts";
import type { SourceFile } from "./source-file.ts";

/** Matches src/cli/progress.ts without importing the CLI. */
export interface ProgressSink {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/** Stages a watcher of an import hears (a web import's job page shows them). */
export type ImportStage = "reading" | "writing" | "analysing";

/** Hears an import's stages and rows written, whatever the file's size (the job page). */
export interface ImportWatcher {
  stage(stage: ImportStage, total?: number): void;
  rows(done: number): void;
}

export interface PrepareContext {
  db: Executor;
  file: SourceFile;
  issues: IssueList;
  audit: AuditContext;
  partnershipId: string | null;
}

export interface WriteContext {
  batchId: number;
  audit: AuditContext;
  progress: ProgressSink | undefined;
}

export interface WriteOutcome {
  valuesWritten: number;
  valuesReplaced: number;
  counts?: Record<string, number>;
}

/** The result of parse + validate: the report so far, and how to write it. */
export interface Prepared {
  report: Partial<ImportReport>;
  /** The values the import will write (observation importers), for checks before writing. */
  buffer?: ObservationBuffer;
  /** Number of steps write() reports progress against (values, areas…). */
  total: number;
  write(tx: Executor, context: WriteContext): Promise<WriteOutcome>;
}

export interface Importer<Options = unknown> {
  kind: string;
  label: string;
  /**
   * national: reference data (geography) loaded by platform administrators only.
   * official: published national statistics (IoD, SIMD) that a partnership's editor may upload
   * as downloaded; they go to the shared national store, may add values but may not change
   * stored ones (a revised release is an administrator's job).
   * partnership: the partnership's own data, private to it.
   */
  scope: "national" | "official" | "partnership";
  /**
   * The file is published official statistics (Stat-Xplore, IoD, SIMD …): its values are
   * "official", and a partnership's own file (tidy, wide) may not replace them.
   */
  officialStatistics?: boolean;
  optionsSchema: z.ZodType<Options>;
  /**
   * Options a file of this kind may not be able to say for itself, which the preview asks for
   * at a field when they are missing or not valid (the upload form has the same fields).
   */
  askedOptions?: { option: string; label: string; hint: string }[];
  prepare(context: PrepareContext, options: Options): Promise<Prepared>;
}

/** Helper so each importer file keeps its option type. */
export function defineImporter<S extends z.ZodType>(
  importer: Importer<z.output<S>> & { optionsSchema: S },
): Importer<z.output<S>> {
  return importer;
}
