import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { htmlText, hitFrom, type SearchHit, searchText, textMatch } from "../../kernel/db/text-search.ts";
import { reportPaths } from "./paths.ts";
import { type ReportType, reportTypeLabels } from "./report-types.ts";
import { reportNarratives, reports } from "./tables.ts";

/**
 * The partnership's reports whose narrative (what people wrote, not the data drafted from recorded
 * work, which the other domains' own records already answer) matches a search.
 */
export async function searchReports(
  db: Executor,
  partnershipId: string,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const narrative = sql`(select string_agg(${htmlText(reportNarratives.html)}, ' ' order by ${reportNarratives.sectionKey})
    from ${reportNarratives} where ${reportNarratives.reportId} = ${reports.id})`;
  const match = textMatch(searchText(reports.reportingYear, narrative), text);
  const rows = await db
    .select({
      id: reports.id,
      type: reports.type,
      year: reports.reportingYear,
      rank: match.rank,
      headline: match.headline,
    })
    .from(reports)
    .where(and(eq(reports.partnershipId, partnershipId), match.where))
    .orderBy(desc(match.rank), desc(reports.reportingYear))
    .limit(limit);
  return rows.map((row) =>
    hitFrom(
      "Report",
      row,
      `${reportTypeLabels[row.type as ReportType] ?? "Report"} ${row.year}`,
      reportPaths.report(partnershipId, row.id),
    ),
  );
}
