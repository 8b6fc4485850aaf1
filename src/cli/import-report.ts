import { formatIssue, type ImportReport } from "../data/imports/index.ts";
import { formatDateTime } from "../kernel/time.ts";

/** Prints a report; returns true when the file had errors (nothing imported). */
export function printReport(
  report: ImportReport,
  verbose: boolean,
  out: NodeJS.WritableStream = process.stdout,
): boolean {
  const lines: string[] = [];
  const status = !report.ok ? "REJECTED" : report.dryRun ? "checked (dry run, nothing written)" : "imported";
  lines.push(`${report.kind} ${report.fileName}: ${status}`);
  if (report.recognisedAs) lines.push(`  recognised as ${report.kind}: ${report.recognisedAs}`);
  if (report.encoding?.decidedBy === "detected") lines.push(`  read as ${report.encoding.reason}`);
  if (verbose || !report.ok) {
    lines.push(
      `  rows read ${report.rowsRead}; values ${report.values} (missing ${report.missingValues}, suppressed ${report.suppressedValues}); areas ${report.areas}`,
    );
    if (report.periods.length) lines.push(`  periods: ${report.periods.join(", ")}`);
    for (const indicator of report.indicators.slice(0, 40))
      lines.push(`  indicator ${indicator.slug}${indicator.isNew ? " (new)" : ""}: ${indicator.title}`);
    if (report.indicators.length > 40) lines.push(`  … and ${report.indicators.length - 40} more indicators`);
    const counts = Object.entries(report.counts).map(([key, value]) => `${key} ${value}`);
    if (counts.length) lines.push(`  ${counts.join("; ")}`);
    for (const skipped of report.skippedRows)
      lines.push(`  skipped row ${skipped.row} "${skipped.label}": ${skipped.reason}`);
    for (const problem of report.nameProblems) {
      const options = problem.candidates.map((c) => `${c.code} ${c.name}`).join(" | ");
      lines.push(
        `  ${problem.status} name on row ${problem.row}: "${problem.name}"${options ? ` — candidates: ${options}` : ""} (resolve with --alias "${problem.name}=CODE")`,
      );
    }
    if (report.batchId)
      lines.push(
        `  batch ${report.batchId}: ${report.valuesWritten} values written, ${report.valuesReplaced} replaced (old values kept in history)`,
      );
    if (report.batchId && report.releaseAt)
      lines.push(
        `  held back until ${formatDateTime(new Date(report.releaseAt))} (UK time): no output shows them before`,
      );
  }
  for (const warning of report.warnings) lines.push(`  warning: ${formatIssue(warning)}`);
  for (const error of report.errors) lines.push(`  error: ${formatIssue(error)}`);
  if (report.errorCount > report.errors.length)
    lines.push(`  … ${report.errorCount - report.errors.length} more errors`);
  // The options a file needs are given on the command line: say how, in its words.
  const flags = [
    ...new Set((report.optionProblems ?? []).map((p) => p.option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))),
  ];
  if (flags.length > 0) lines.push(`  give ${flags.map((flag) => `--${flag}`).join(" and ")} (see cpah import --help)`);
  out.write(`${lines.join("\n")}\n`);
  return !report.ok;
}
