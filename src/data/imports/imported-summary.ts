import type { Executor } from "../../kernel/db/database.ts";
import { formatDateTime } from "../../kernel/time.ts";
import { findBatch } from "../indicators/index.ts";

/** What the success banner says about the batch just imported: only this partnership's own uploads. */
export async function importedSummary(db: Executor, partnershipId: string, batchId: number) {
  const batch = await findBatch(db, batchId);
  if (!batch || batch.partnershipId !== partnershipId) return undefined;
  const report = (batch.report ?? {}) as {
    indicators?: string[];
    periods?: string[];
    values?: number;
    counts?: Record<string, number>;
  };
  const totals = (report.counts?.totalsCalculated ?? 0) + (report.counts?.derivedFromSmallAreas ?? 0);
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    // The file's own values; totals worked out from them are counted apart.
    valuesWritten: (report.values ?? batch.valuesWritten).toLocaleString("en-GB"),
    totalsCalculated: totals ? totals.toLocaleString("en-GB") : null,
    valuesReplaced: batch.valuesReplaced.toLocaleString("en-GB"),
    indicators: (report.indicators ?? []).length,
    periods: (report.periods ?? []).join(", "),
    /** Still held back: when they will be released (UK time); null once released or never held. */
    releaseAt:
      batch.embargoUntil && batch.embargoUntil.getTime() > Date.now() ? formatDateTime(batch.embargoUntil) : null,
  };
}

export type ImportedSummary = NonNullable<Awaited<ReturnType<typeof importedSummary>>>;
