import type { EncodingChoice } from "./source-file.ts";
/** What every import returns, dry run or not: enough for the CLI and the preview page. */
export interface ImportIssue {
  file: string;
  row?: number | undefined;
  column?: string | undefined;
  message: string;
}

export interface NameProblem {
  name: string;
  row: number;
  /** other-type: the name is an area of another type than the file's (candidates say which). */
  status: "unmatched" | "ambiguous" | "other-type";
  candidates: { code: string; name: string }[];
}

export interface ImportReport {
  kind: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  ok: boolean;
  dryRun: boolean;
  errors: ImportIssue[];
  /** Total errors found; only the first MAX_ISSUES are listed. */
  errorCount: number;
  warnings: ImportIssue[];
  rowsRead: number;
  /** Rows deliberately not imported (totals, "Unknown"), each with its reason. */
  skippedRows: { row: number; label: string; reason: string }[];
  values: number;
  missingValues: number;
  suppressedValues: number;
  indicators: { slug: string; title: string; isNew: boolean }[];
  periods: string[];
  areas: number;
  nameProblems: NameProblem[];
  preview: { columns: string[]; rows: string[][] };
  /** Name-only files: the geography the rows were matched at, and how it was decided. */
  geography?: {
    areaType: string;
    label: string;
    decidedBy: "option" | "majority" | "none";
    dimension: string | null;
    typeCounts: Record<string, number>;
  };
  /** How a text file was read: the encoding, whether detected or stated, and why. */
  encoding?: EncodingChoice | undefined;
  /** When the kind was worked out from the file (upload without a kind, `cpah import <file>`): why. */
  recognisedAs?: string | undefined;
  /** The dataset recorded as the figures' source, when the importer works it out. */
  dataset?: string;
  /** Geography imports: what they hold, e.g. { areas: 407, parentLinks: 390 }. */
  counts: Record<string, number>;
  batchId?: number | undefined;
  /** When the values written are released (ISO instant); absent when they show at once. */
  releaseAt?: string | undefined;
  valuesWritten?: number | undefined;
  valuesReplaced?: number | undefined;
  /** Tables whose planner statistics were refreshed (ANALYZE) after the import committed. */
  analyzedTables?: string[] | undefined;
  /**
   * Options the file needs that were not given or not valid (a Stat-Xplore export does not say
   * which indicator it counts): the preview asks for them at their fields.
   */
  optionProblems?: OptionProblem[] | undefined;
}

export interface OptionProblem {
  option: string;
  message: string;
  /** Not needed to import, but the figures' record is poorer without it (a dataset's name). */
  warning?: boolean;
}

export const MAX_ISSUES = 200;
const MAX_QUOTED = 60;
const MAX_MESSAGE = 600;

/**
 * A message fit to show: any quoted cell longer than MAX_QUOTED characters is cut to its start
 * (an error about a 200 KB cell must not echo it), and the whole to MAX_MESSAGE characters.
 */
export function shortMessage(message: string): string {
  const cut = message.replace(/"([^"]*)"/g, (quoted, inner: string) =>
    inner.length > MAX_QUOTED
      ? `"${inner.slice(0, 40)}…" (${inner.length.toLocaleString("en-GB")} characters)`
      : quoted,
  );
  return cut.length > MAX_MESSAGE ? `${cut.slice(0, MAX_MESSAGE)}…` : cut;
}

/** Collects errors, keeping the first MAX_ISSUES and counting the rest. */
export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly optionProblems: OptionProblem[] = [];
  errorCount = 0;

  constructor(readonly file: string) {}

  error(message: string, row?: number, column?: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_ISSUES)
      this.errors.push({
        file: this.file,
        row,
        column: column && shortMessage(column),
        message: shortMessage(message),
      });
  }

  /** An option the file needs, missing or not valid: an error, and a field for the preview to ask. */
  optionError(option: string, message: string): void {
    this.optionProblems.push({ option, message: shortMessage(message) });
    this.error(`option ${option}: ${message}`);
  }

  /** An option the file would be better recorded with: a warning, and a field for the preview. */
  optionWarning(option: string, message: string): void {
    this.optionProblems.push({ option, message: shortMessage(message), warning: true });
    this.warn(message);
  }

  warn(message: string, row?: number, column?: string): void {
    if (this.warnings.length < MAX_ISSUES)
      this.warnings.push({
        file: this.file,
        row,
        column: column && shortMessage(column),
        message: shortMessage(message),
      });
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }
}

/** Thrown when a file cannot be read at all (size, encoding, CSV syntax); nothing is written. */
export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly row?: number,
  ) {
    super(row ? `${file}, row ${row}: ${message}` : `${file}: ${message}`);
    this.name = "ImportRejected";
  }
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row ? `row ${issue.row}` : "", issue.column ? `column "${issue.column}"` : ""]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${issue.message}`;
}
