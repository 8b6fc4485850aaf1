import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "./database.ts";

/**
 * PostgreSQL full-text search, shared by the domains that search their own records. The
 * 'english' configuration (stemming, stop words) ships with PostgreSQL and with PGlite, so the
 * same SQL gives the same answers on both. `websearch_to_tsquery` reads any text — quotes, OR, a
 * leading minus, stray punctuation — as words, never as syntax, so a search cannot fail.
 */

/** One piece of a snippet: `marked` pieces are the words that matched. Rendered escaped, always. */
export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/** A record a domain found for a search, in the words a person reads. */
export interface SearchHit {
  /** What kind of record, e.g. "Action", "Finding". */
  kind: string;
  id: string;
  title: string;
  href: string;
  snippet: SnippetPiece[];
  rank: number;
}

// Private-use characters mark the matched words in ts_headline's output: they never occur in text
// people type, and the output is split on them, so nothing in the record is ever read as markup.
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** The query for a person's search text. */
export const tsQuery = (text: string): SQL => sql`websearch_to_tsquery('english', ${text})`;

/** The searchable text of some columns or expressions, joined by spaces (nulls skipped). */
export const searchText = (...parts: (AnyPgColumn | SQL)[]): SQL =>
  sql`concat_ws(' ', ${sql.join(
    parts.map((part) => sql`${part}`),
    sql`, `,
  )})`;

/**
 * The plain text of stored sanitised HTML: tags become spaces, and the entities the sanitiser
 * writes are read back as characters (`&amp;` last, so "&amp;lt;" stays "&lt;").
 */
export const htmlText = (html: AnyPgColumn | SQL): SQL =>
  sql`replace(replace(replace(replace(replace(replace(regexp_replace(coalesce(${html}, ''), '<[^>]*>', ' ', 'g'), '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')`;

/** `document @@ query`, ranked and with a headline: the three expressions a domain's search selects. */
export function textMatch(document: SQL, text: string) {
  const query = tsQuery(text);
  const vector = sql`to_tsvector('english', ${document})`;
  return {
    where: sql`${vector} @@ ${query}`,
    rank: sql<number>`ts_rank(${vector}, ${query})`.mapWith(Number),
    headline: sql<string>`ts_headline('english', ${document}, ${query}, ${HEADLINE_OPTIONS})`,
  };
}

/**
 * Whether the text has any word to search for: only punctuation, operators or very common words
 * ("the", "and") make an empty query, which matches nothing; the page says so instead.
 */
export async function hasSearchableWords(db: Executor, text: string): Promise<boolean> {
  if (!text.trim()) return false;
  const [probe] = await db
    .select({ nodes: sql<number>`numnode(${tsQuery(text)})`.mapWith(Number) })
    .from(sql`(values (1)) as one (x)`);
  return (probe?.nodes ?? 0) > 0;
}

/** ts_headline's marked text as pieces; a stray marker is dropped, never shown. */
export function snippetPieces(headline: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let marked = false;
  for (const part of headline.split(new RegExp(`([${START}${STOP}])`))) {
    if (part === START) marked = true;
    else if (part === STOP) marked = false;
    else if (part) pieces.push({ text: part, marked });
  }
  return pieces;
}

/** A domain's matched row as a hit: its words, where it lives, and its marked snippet. */
export function hitFrom(
  kind: string,
  row: { id: string; rank: number; headline: string },
  title: string,
  href: string,
): SearchHit {
  return { kind, id: row.id, title, href, snippet: snippetPieces(row.headline), rank: row.rank };
}
