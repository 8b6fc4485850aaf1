/**
 * Peer ranks, precomputed at import (table peer_ranks). A profile used to read every area of
 * its type in the nation for each indicator's latest period (~40 × ~340 rows at 20 M values)
 * only to rank one area; it now reads one row per indicator here. Ranks are refreshed inside
 * the import's transaction for exactly the (indicator, period) pairs it wrote (parent totals
 * included, as they share the buffer), a few pairs per statement so PGlite, which runs on the
 * main thread, never holds the event loop for long.
 */
import { sql } from "drizzle-orm";
import { pgArray, timeSlicer, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import type { ObservationBuffer } from "./observation-buffer.ts";

/**
 * The area types ranked at import: every type a profile is asked for. Not the small areas
 * (ward, MSOA, LSOA / data zone: they hold most rows and nobody asks for their profile) nor
 * "uk" (no nation). A listed set rather than "all but small" so each refresh finds its ~470
 * areas through areas_type_idx instead of reading all ~43,000; a type added to the geography
 * later is ranked on request (correct, slower) until it is listed here.
 */
export const RANKED_AREA_TYPES: readonly string[] = [
  "nation",
  "region",
  "county",
  "metropolitan-county",
  "combined-authority",
  "local-authority",
  "health-board",
];

/** Whether stored ranks exist for areas like this one (the peer group is its type within its nation). */
export function hasStoredRanks(area: { type: string; nation: string | null }): boolean {
  return area.nation !== null && RANKED_AREA_TYPES.includes(area.type);
}

export interface PeerRankCounts {
  below: number;
  tied: number;
  ranked: number;
  unranked: number;
}

type Pair = { indicatorId: number; periodId: number };

/** Aim for statements of about this long (PGlite runs them on the main thread). */
const TARGET_STATEMENT_MS = 30;
const MAX_PAIRS = 16;

/**
 * One statement's worth: delete the pairs' ranks, then rank every non-small area with a row in
 * each (indicator, period, breakdown 0) among areas of its type and nation. rank() over values
 * in ascending order (nulls last) counts the peers strictly below; rows without a value only
 * count as "unranked", exactly as rankAmong treats them. "On conflict" because another import's
 * transaction may have ranked the same pair since this one's delete.
 * Each ranked area's row is looked up by the whole primary key (the lateral "limit 1" keeps the
 * planner from flattening it): on a first load, before any ANALYZE, the planner took a pair's
 * rows for one and read all ~33,000 of them (every LSOA, on every heap page, since rows are laid
 * out by area) to keep ~330: IoD first load on PostgreSQL 6.0 s of ranking → 0.14 s.
 */
async function refreshChunk(db: Executor, pairs: readonly Pair[]): Promise<void> {
  const indicatorIds = pgArray(pairs.map((p) => p.indicatorId));
  const periodIds = pgArray(pairs.map((p) => p.periodId));
  await db.execute(sql`delete from peer_ranks r using unnest(${indicatorIds}::int[], ${periodIds}::int[]) q(indicator_id, period_id)
    where r.indicator_id = q.indicator_id and r.period_id = q.period_id`);
  await db.execute(sql`
    with ranked_areas as materialized (
      select id, type, nation from areas where type = any(${pgArray([...RANKED_AREA_TYPES])}::text[]) and nation is not null
    )
    insert into peer_ranks (indicator_id, period_id, area_id, below, tied, ranked, unranked)
    select indicator_id, period_id, area_id, below, tied, ranked, unranked from (
      select o.indicator_id, o.period_id, o.area_id, o.value,
        (rank() over (partition by o.indicator_id, o.period_id, a.type, a.nation order by o.value))::int - 1 as below,
        (count(*) over (partition by o.indicator_id, o.period_id, a.type, a.nation, o.value))::int as tied,
        (count(o.value) over peers)::int as ranked,
        (count(*) over peers - count(o.value) over peers)::int as unranked
      from unnest(${indicatorIds}::int[], ${periodIds}::int[]) q(indicator_id, period_id)
      cross join ranked_areas a
      cross join lateral (
        select o.indicator_id, o.period_id, o.area_id, o.value from observations o
        where o.indicator_id = q.indicator_id and o.period_id = q.period_id and o.breakdown_id = 0 and o.area_id = a.id
        limit 1
      ) o
      window peers as (partition by o.indicator_id, o.period_id, a.type, a.nation)
    ) x where value is not null
    on conflict (indicator_id, period_id, area_id) do update
      set below = excluded.below, tied = excluded.tied, ranked = excluded.ranked, unranked = excluded.unranked`);
}

/** Re-ranks these (indicator, period) pairs, a few per statement, sized by how long the last one took. */
export async function refreshPeerRanks(db: Executor, pairs: readonly Pair[]): Promise<void> {
  let size = 4;
  for (let start = 0; start < pairs.length; ) {
    const chunk = pairs.slice(start, start + size);
    const started = performance.now();
    await refreshChunk(db, chunk);
    const elapsed = performance.now() - started;
    start += chunk.length;
    if (elapsed < TARGET_STATEMENT_MS / 2) size = Math.min(MAX_PAIRS, size * 2);
    else if (elapsed > TARGET_STATEMENT_MS * 2) size = Math.max(1, Math.floor(size / 2));
    await yieldToEventLoop();
  }
}

/**
 * The import hook: re-ranks the (indicator, period) pairs of the buffer's breakdown-"all" rows,
 * and records them as the batch's pairs (import_batch_pairs), so that while the batch is under
 * embargo its pairs' stored ranks — which count its values — are not used (peerRanksOf).
 */
export async function refreshPeerRanksOfBuffer(
  db: Executor,
  buffer: ObservationBuffer,
  ids: { indicators: readonly number[]; periods: readonly number[]; breakdowns: readonly number[] },
  batchId: number,
): Promise<void> {
  // Marks per (indicator, period) of the buffer, not a Set of keys built row by row.
  const periods = buffer.periodCodes.length;
  const marked = new Uint8Array(buffer.indicatorSlugs.length * periods);
  const allRows = ids.breakdowns.map((id) => id === 0);
  const { indicator, period, breakdown } = buffer;
  const slice = timeSlicer();
  for (let i = 0; i < buffer.length; i++) {
    if ((i & 16383) === 16383) await slice();
    if (allRows[breakdown[i]!]) marked[indicator[i]! * periods + period[i]!] = 1;
  }
  const pairs: Pair[] = [];
  for (let k = 0; k < marked.length; k++)
    if (marked[k])
      pairs.push({ indicatorId: ids.indicators[Math.floor(k / periods)]!, periodId: ids.periods[k % periods]! });
  if (pairs.length)
    await db.execute(sql`insert into import_batch_pairs (batch_id, indicator_id, period_id)
      select ${batchId}::int, i, p from unnest(${pgArray(pairs.map((q) => q.indicatorId))}::int[], ${pgArray(pairs.map((q) => q.periodId))}::int[]) t(i, p)
      on conflict do nothing`);
  await refreshPeerRanks(db, pairs);
}

/**
 * Every pair in the catalogue's coverage lists (no scan of observations): for databases whose
 * values were loaded before peer ranks existed, or by bulk SQL (the profile bench).
 */
export async function refreshAllPeerRanks(db: Executor): Promise<number> {
  const result = await db.execute(sql`
    select i.id as "indicatorId", p.id as "periodId" from indicators i cross join lateral unnest(i.period_codes) c(code)
    join periods p on p.code = c.code order by i.id, p.id`);
  const pairs = (result as unknown as { rows: { indicatorId: number | string; periodId: number | string }[] }).rows.map(
    (r) => ({
      indicatorId: Number(r.indicatorId),
      periodId: Number(r.periodId),
    }),
  );
  await refreshPeerRanks(db, pairs);
  return pairs.length;
}

/**
 * One area's stored counts for these (indicator, period) pairs, by indicator slug; pairs without
 * a row are absent, and so are pairs a batch under embargo wrote: their stored ranks count values
 * no reader may see yet (they are the ranks as they will be at release), so the caller ranks those
 * pairs from the values the reader sees now (valuesForPairs), until the release time passes.
 */
export async function peerRanksOf(
  db: Executor,
  areaId: number,
  pairs: readonly { indicatorSlug: string; periodCode: string }[],
): Promise<Map<string, PeerRankCounts>> {
  if (pairs.length === 0) return new Map();
  // Prepared: the profile asks it for every area, and its text never changes.
  const rows = await executePrepared<{ slug: string; below: number; tied: number; ranked: number; unranked: number }>(
    db,
    sql`
    select i.slug, r.below, r.tied, r.ranked, r.unranked
    from unnest(${pgArray(pairs.map((p) => p.indicatorSlug))}::text[], ${pgArray(pairs.map((p) => p.periodCode))}::text[]) q(slug, period)
    join indicators i on i.slug = q.slug join periods p on p.code = q.period
    join peer_ranks r on r.indicator_id = i.id and r.period_id = p.id and r.area_id = ${areaId}
    where not exists (select 1 from import_batch_pairs b where b.indicator_id = i.id and b.period_id = p.id
      and b.batch_id = any(array(select id from import_batches where embargo_until > now())))`,
  );
  return new Map(
    rows.map((r) => [
      r.slug,
      { below: Number(r.below), tied: Number(r.tied), ranked: Number(r.ranked), unranked: Number(r.unranked) },
    ]),
  );
}
