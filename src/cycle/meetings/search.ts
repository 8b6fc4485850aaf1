import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { htmlText, hitFrom, type SearchHit, searchText, textMatch } from "../../kernel/db/text-search.ts";
import { formatDate } from "../../kernel/time.ts";
import { meetingPaths } from "./paths.ts";
import { meetingAgendaItems, meetingDecisions, meetings } from "./tables.ts";

/**
 * The partnership's meetings matching a search: title, place, agenda, decisions and minutes.
 * Only the partnership's own meetings (never a national group's, which share the table).
 */
export async function searchMeetings(
  db: Executor,
  partnershipId: string,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const agenda = sql`(select string_agg(${meetingAgendaItems.title}, ' ') from ${meetingAgendaItems}
    where ${meetingAgendaItems.meetingId} = ${meetings.id})`;
  const decisions = sql`(select string_agg(${meetingDecisions.text}, ' ') from ${meetingDecisions}
    where ${meetingDecisions.meetingId} = ${meetings.id})`;
  const match = textMatch(
    searchText(meetings.title, meetings.location, agenda, decisions, htmlText(meetings.minutes)),
    text,
  );
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      date: meetings.meetingDate,
      rank: match.rank,
      headline: match.headline,
    })
    .from(meetings)
    .where(and(eq(meetings.partnershipId, partnershipId), match.where))
    .orderBy(desc(match.rank), desc(meetings.meetingDate))
    .limit(limit);
  return rows.map((row) =>
    hitFrom("Meeting", row, `${row.title}, ${formatDate(row.date)}`, meetingPaths.meeting(partnershipId, row.id)),
  );
}
