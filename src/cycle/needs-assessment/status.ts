import type { Executor } from "../../kernel/db/database.ts";
import { statusRows } from "./repository.ts";
import { londonDate } from "../../kernel/time.ts";

/** The shape the national view reads (national's NeedsAssessmentStatus), kept structural so national is not imported. */
export interface NeedsAssessmentStatus {
  state: "not-started" | "draft" | "published";
  /** ISO date of the latest publication. */
  publishedOn: string | null;
  reviewDue: string | null;
}

/** Each partnership's assessment state: not started (no record), draft, or published (latest publication's date). */
export async function needsAssessmentStatuses(
  db: Executor,
  partnershipIds: string[],
): Promise<Map<string, NeedsAssessmentStatus>> {
  const rows = new Map((await statusRows(db, partnershipIds)).map((row) => [row.partnershipId, row]));
  return new Map(
    partnershipIds.map((id): [string, NeedsAssessmentStatus] => {
      const row = rows.get(id);
      if (!row) return [id, { state: "not-started", publishedOn: null, reviewDue: null }];
      const published = row.lastPublishedAt ? londonDate(row.lastPublishedAt) : null;
      return [
        id,
        { state: published ? "published" : "draft", publishedOn: published, reviewDue: row.reviewDate ?? null },
      ];
    }),
  );
}
