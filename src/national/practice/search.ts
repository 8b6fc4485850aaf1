import { and, desc, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../kernel/db/database.ts";
import { hasSearchableWords } from "../../kernel/db/text-search.ts";
import type { SearchQuery } from "./schemas.ts";
import { practiceEntries } from "./tables.ts";

export const PAGE_SIZE = 20;

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  summary: string;
  evidenceLevel: number | null;
  costBand: string;
  nation: string;
  drivers: string[];
  buildingBlocks: string[];
  familyTypes: string[];
  supportTypes: string[];
  settings: string[];
  visibility: string;
  publishedAt: Date | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  /** The text had no words to search for (only punctuation, operators or very common words). */
  noSearchableWords: boolean;
}

const columns = {
  id: practiceEntries.id,
  kind: practiceEntries.kind,
  title: practiceEntries.title,
  summary: practiceEntries.summary,
  evidenceLevel: practiceEntries.evidenceLevel,
  costBand: practiceEntries.costBand,
  nation: practiceEntries.nation,
  drivers: practiceEntries.drivers,
  buildingBlocks: practiceEntries.buildingBlocks,
  familyTypes: practiceEntries.familyTypes,
  supportTypes: practiceEntries.supportTypes,
  settings: practiceEntries.settings,
  visibility: practiceEntries.visibility,
  publishedAt: practiceEntries.publishedAt,
};

const has = (column: AnyPgColumn, value: string) => sql`${value} = any(${column})`;

/** The facet filters and visibility, as SQL conditions over published entries. */
function conditions(query: SearchQuery, signedIn: boolean): SQL[] {
  const where: SQL[] = [eq(practiceEntries.status, "published")];
  if (!signedIn) where.push(eq(practiceEntries.visibility, "public"));
  if (query.kind) where.push(eq(practiceEntries.kind, query.kind));
  if (query.level) where.push(gte(practiceEntries.evidenceLevel, query.level));
  if (query.cost) where.push(eq(practiceEntries.costBand, query.cost));
  if (query.nation) where.push(eq(practiceEntries.nation, query.nation));
  // A driver matches itself and its sub-drivers ("costs" finds "costs:housing").
  if (query.driver) {
    where.push(
      sql`exists (select 1 from unnest(${practiceEntries.drivers}) as tag where tag = ${query.driver} or tag like ${`${query.driver}:%`})`,
    );
  }
  if (query.block) where.push(has(practiceEntries.buildingBlocks, query.block));
  if (query.family) where.push(has(practiceEntries.familyTypes, query.family));
  if (query.type) where.push(has(practiceEntries.supportTypes, query.type));
  if (query.setting) where.push(has(practiceEntries.settings, query.setting));
  return where;
}

/**
 * Full-text search of the library with PostgreSQL text search (English stemming, GIN index),
 * the same on PGlite and a server. `websearch_to_tsquery` accepts any text — quotes, OR, a
 * leading minus, SQL-looking text, stray operators — as words, never as syntax, so a search
 * cannot fail. Best matches first, then newest.
 *
 * The rank is `ts_rank` with the default weights: a word found in the title (weight A, 1.0) counts
 * five times one in the body (C, 0.2), the summary (B, 0.4) in between; repeats of a word add
 * less and less (so a long body cannot outweigh a title), and when the search has several words,
 * entries where they stand close together rank higher. No length normalisation. `ts_rank_cd`
 * (cover density) ordered much the same but cost 2.5 times as much per matching entry, and a
 * search of common words matches most of the library (bench:hub: 9,300 of 10,000 ranked per
 * search), which put the search over its 50 ms goal.
 *
 * The matches are ranked in a narrow CTE (id, date, rank) that is counted for the pagination and
 * sorted for the page; only the page's rows are joined back for their columns. Ranking and counting
 * over the wide rows (a window over every matching row with its tsvector) cost several times more
 * when common words match most of the library.
 */
export async function searchEntries(db: Executor, query: SearchQuery, signedIn: boolean): Promise<SearchResult> {
  const where = conditions(query, signedIn);
  const text = query.q.trim();
  let rank: SQL = sql`0`;
  if (text) {
    const tsquery = sql`websearch_to_tsquery('english', ${text})`;
    where.push(sql`${practiceEntries.search} @@ ${tsquery}`);
    rank = sql`ts_rank(${practiceEntries.search}, ${tsquery})`;
  }
  // Referenced twice (the count and the page), so PostgreSQL materialises it once.
  const matches = db.$with("matches").as(
    db
      .select({
        id: practiceEntries.id,
        publishedAt: sql<Date | null>`${practiceEntries.publishedAt}`.as("published_at"),
        rank: sql<number>`${rank}`.as("rank"),
      })
      .from(practiceEntries)
      .where(and(...where)),
  );
  const offset = (query.page - 1) * PAGE_SIZE;
  const page = db
    .select()
    .from(matches)
    .orderBy(desc(matches.rank), desc(matches.publishedAt), desc(matches.id))
    .limit(PAGE_SIZE)
    .offset(offset)
    .as("page");
  const rows = await db
    .with(matches)
    .select({ ...columns, total: sql<number>`(select count(*) from ${sql.identifier("matches")})`.mapWith(Number) })
    .from(page)
    .innerJoin(practiceEntries, eq(practiceEntries.id, page.id))
    .orderBy(desc(page.rank), desc(page.publishedAt), desc(page.id));
  let total = rows[0]?.total ?? 0;
  // Nothing found: say "no words to search for" when the text had none (only punctuation,
  // operators or very common words make an empty query). Asked only now, so a search that finds
  // something costs one statement.
  if (rows.length === 0 && text && !(await hasSearchableWords(db, text))) {
    return { hits: [], total: 0, page: 1, pages: 0, noSearchableWords: true };
  }
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: count so the page can say how many there are.
    const [counted] = await db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(practiceEntries)
      .where(and(...where));
    total = counted?.total ?? 0;
  }
  return {
    hits: rows.map(({ total: _total, ...hit }) => hit),
    total,
    page: query.page,
    pages: Math.ceil(total / PAGE_SIZE),
    noSearchableWords: false,
  };
}

/** Titles of published entries with these ids (citation lists). */
export async function entryTitles(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: practiceEntries.id, title: practiceEntries.title, status: practiceEntries.status })
    .from(practiceEntries)
    .where(inArray(practiceEntries.id, ids));
}
