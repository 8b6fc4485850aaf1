import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { hitFrom, type SearchHit, searchText, textMatch } from "../../kernel/db/text-search.ts";
import { consultationPaths } from "./paths.ts";
import { engagementActivities } from "./tables.ts";

/**
 * The partnership's engagement activities matching a search: title, purpose, the summary of
 * what was heard and the "we did". Never children's and families' own answers, which only
 * people with a role may read and which stay out of any index.
 */
export async function searchConsultation(
  db: Executor,
  partnershipId: string,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const activity = engagementActivities;
  const match = textMatch(searchText(activity.title, activity.purpose, activity.summary, activity.weDid), text);
  const rows = await db
    .select({ id: activity.id, title: activity.title, rank: match.rank, headline: match.headline })
    .from(activity)
    .where(and(eq(activity.partnershipId, partnershipId), match.where))
    .orderBy(desc(match.rank), activity.title)
    .limit(limit);
  return rows.map((row) => hitFrom("Consultation", row, row.title, consultationPaths.activity(partnershipId, row.id)));
}
