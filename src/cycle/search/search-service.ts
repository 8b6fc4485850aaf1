import type { Executor } from "../../kernel/db/database.ts";
import { hasSearchableWords, type SearchHit } from "../../kernel/db/text-search.ts";
import { searchActions } from "../actions/index.ts";
import { searchConsultation } from "../consultation/index.ts";
import { searchMeetings } from "../meetings/index.ts";
import { searchNeedsEvidence } from "../needs-assessment/index.ts";
import { searchReports } from "../reports/index.ts";

/** Most hits each kind of record gives; the page shows the best of all of them. */
export const PER_KIND = 20;
export const MAX_HITS = 50;

export type SearchOutcome =
  | { state: "empty" }
  | { state: "no-words" }
  | { state: "searched"; hits: SearchHit[]; total: number; counts: { kind: string; count: number }[] };

type DomainSearch = (db: Executor, partnershipId: string, text: string, limit: number) => Promise<SearchHit[]>;

/** Each domain searches its own records, always within the partnership. */
const sources: DomainSearch[] = [searchActions, searchNeedsEvidence, searchMeetings, searchReports, searchConsultation];

/**
 * One partnership's records matching the text, best first. The caller has authorized reading
 * the partnership; every domain's search is bounded by its id, so nothing else can appear.
 */
export async function searchPartnership(db: Executor, partnershipId: string, text: string): Promise<SearchOutcome> {
  const trimmed = text.trim();
  if (!trimmed) return { state: "empty" };
  if (!(await hasSearchableWords(db, trimmed))) return { state: "no-words" };
  const found = (await Promise.all(sources.map((search) => search(db, partnershipId, trimmed, PER_KIND)))).flat();
  found.sort((a, b) => b.rank - a.rank || a.title.localeCompare(b.title));
  const counts = new Map<string, number>();
  for (const hit of found) counts.set(hit.kind, (counts.get(hit.kind) ?? 0) + 1);
  return {
    state: "searched",
    hits: found.slice(0, MAX_HITS),
    total: found.length,
    counts: [...counts].map(([kind, count]) => ({ kind, count })),
  };
}
