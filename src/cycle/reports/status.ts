import type { Executor } from "../../kernel/db/database.ts";
import { reportsForYear } from "./repository.ts";

/** Mirrors national's ReportRecordStatus (national reads it through its status source). */
export interface ReportStatusRecord {
  state: "not-started" | "draft" | "published";
  publishedOn: string | null;
  reportRef: string | null;
}

const isoDate = (value: Date | string) =>
  (value instanceof Date ? value.toISOString() : new Date(value).toISOString()).slice(0, 10);

/**
 * Each partnership's report status for a reporting year: published once any of its reports for
 * the year has a publication (the latest date counts), draft while one exists, else not started.
 */
export async function reportStatuses(
  db: Executor,
  partnershipIds: string[],
  reportingYear: string,
): Promise<Map<string, ReportStatusRecord>> {
  const rows = await reportsForYear(db, partnershipIds, reportingYear);
  const result = new Map<string, ReportStatusRecord>(
    partnershipIds.map((id) => [id, { state: "not-started", publishedOn: null, reportRef: null }]),
  );
  for (const row of rows) {
    const current = result.get(row.partnershipId)!;
    if (row.publishedAt) {
      const on = isoDate(row.publishedAt);
      if (current.state !== "published" || (current.publishedOn ?? "") < on)
        result.set(row.partnershipId, { state: "published", publishedOn: on, reportRef: row.id });
    } else if (current.state === "not-started") {
      result.set(row.partnershipId, { state: "draft", publishedOn: null, reportRef: row.id });
    }
  }
  return result;
}
