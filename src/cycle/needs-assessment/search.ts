import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { hitFrom, type SearchHit, searchText, textMatch } from "../../kernel/db/text-search.ts";
import { needsAssessmentPaths } from "./paths.ts";
import { needsFindings, needsQualitative } from "./tables.ts";

const shortTitle = (text: string) => (text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text);

/**
 * The partnership's findings and qualitative evidence matching a search; each links to its place
 * on the needs assessment page (the page gives every entry an anchor).
 */
export async function searchNeedsEvidence(
  db: Executor,
  partnershipId: string,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const page = needsAssessmentPaths.assessment(partnershipId);
  const finding = textMatch(searchText(needsFindings.statement), text);
  const evidence = textMatch(
    searchText(needsQualitative.source, needsQualitative.method, needsQualitative.summary, needsQualitative.quotes),
    text,
  );
  const [findings, qualitative] = await Promise.all([
    db
      .select({
        id: needsFindings.id,
        statement: needsFindings.statement,
        rank: finding.rank,
        headline: finding.headline,
      })
      .from(needsFindings)
      .where(and(eq(needsFindings.partnershipId, partnershipId), finding.where))
      .orderBy(desc(finding.rank), needsFindings.createdAt)
      .limit(limit),
    db
      .select({
        id: needsQualitative.id,
        source: needsQualitative.source,
        rank: evidence.rank,
        headline: evidence.headline,
      })
      .from(needsQualitative)
      .where(and(eq(needsQualitative.partnershipId, partnershipId), evidence.where))
      .orderBy(desc(evidence.rank), needsQualitative.createdAt)
      .limit(limit),
  ]);
  return [
    ...findings.map((row) => hitFrom("Finding", row, shortTitle(row.statement), `${page}#finding-${row.id}`)),
    ...qualitative.map((row) => hitFrom("Evidence", row, row.source, `${page}#qualitative-${row.id}`)),
  ];
}
