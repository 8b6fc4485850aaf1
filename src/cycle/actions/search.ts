import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { hitFrom, type SearchHit, searchText, textMatch } from "../../kernel/db/text-search.ts";
import { actionPaths } from "./paths.ts";
import { actions } from "./tables.ts";

/**
 * The partnership's actions matching a search (reference, title and description). The text is
 * built on the fly: one partnership's actions are few, found through the partnership index.
 */
export async function searchActions(
  db: Executor,
  partnershipId: string,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const match = textMatch(searchText(actions.reference, actions.title, actions.description), text);
  const rows = await db
    .select({
      id: actions.id,
      reference: actions.reference,
      title: actions.title,
      rank: match.rank,
      headline: match.headline,
    })
    .from(actions)
    .where(and(eq(actions.partnershipId, partnershipId), match.where))
    .orderBy(desc(match.rank), actions.title)
    .limit(limit);
  return rows.map((row) =>
    hitFrom(
      "Action",
      row,
      row.reference ? `${row.reference}: ${row.title}` : row.title,
      actionPaths.action(partnershipId, row.id),
    ),
  );
}
