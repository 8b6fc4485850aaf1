import { sql } from "drizzle-orm";
import { pgArray, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { FLAG } from "./flags.ts";
import type { ObservationBuffer } from "./observation-buffer.ts";

/**
 * Rows per statement. Sized so one statement stays well under ~50 ms on PGlite (which runs
 * on the main thread), with the event loop given a turn between statements.
 */
export const OBSERVATION_CHUNK = 4000;

export interface WriteResult {
  written: number;
  replaced: number;
}

/**
 * Bulk upsert through unnest(): new values are inserted; a value that differs from the stored
 * one moves the stored row to observation_history and marks the new one revised; identical
 * values are left untouched (re-importing a file changes nothing).
 */
export async function writeObservations(
  db: Executor,
  buffer: ObservationBuffer,
  ids: { indicators: readonly number[]; periods: readonly number[]; breakdowns: readonly number[] },
  batchId: number,
  onProgress?: (done: number) => void,
): Promise<WriteResult> {
  let written = 0;
  let replaced = 0;
  for (let start = 0; start < buffer.length; start += OBSERVATION_CHUNK) {
    const end = Math.min(start + OBSERVATION_CHUNK, buffer.length);
    const slice = <T>(column: T[]) => column.slice(start, end);
    const indicatorIds = slice(buffer.indicator).map((i) => ids.indicators[i]!);
    const periodIds = slice(buffer.period).map((i) => ids.periods[i]!);
    const breakdownIds = slice(buffer.breakdown).map((i) => ids.breakdowns[i]!);
    const result = await db.execute(sql`
      with incoming as (
        select * from unnest(${pgArray(indicatorIds)}::int[], ${pgArray(periodIds)}::int[], ${pgArray(breakdownIds)}::int[],
          ${pgArray(slice(buffer.area))}::int[], ${pgArray(slice(buffer.value))}::float8[], ${pgArray(slice(buffer.numerator))}::float8[],
          ${pgArray(slice(buffer.denominator))}::float8[], ${pgArray(slice(buffer.ciLower))}::float8[], ${pgArray(slice(buffer.ciUpper))}::float8[],
          ${pgArray(slice(buffer.flags))}::smallint[])
          as t(indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, ci_lower, ci_upper, flags)
      ),
      changed as (
        select o.* from observations o
        join incoming i using (indicator_id, period_id, breakdown_id, area_id)
        where (o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags & ~${FLAG.revised}::smallint)
          is distinct from (i.value, i.numerator, i.denominator, i.ci_lower, i.ci_upper, i.flags)
      ),
      moved as (
        insert into observation_history (indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator,
          ci_lower, ci_upper, flags, batch_id, superseded_by_batch_id)
        select indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, ci_lower, ci_upper, flags, batch_id, ${batchId}
        from changed
        returning 1
      ),
      upserted as (
        insert into observations (indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, ci_lower, ci_upper, flags, batch_id)
        select i.indicator_id, i.period_id, i.breakdown_id, i.area_id, i.value, i.numerator, i.denominator, i.ci_lower, i.ci_upper,
          case when c.area_id is null then i.flags else i.flags | ${FLAG.revised}::smallint end, ${batchId}
        from incoming i left join changed c using (indicator_id, period_id, breakdown_id, area_id)
        on conflict (indicator_id, period_id, breakdown_id, area_id) do update set
          value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
          ci_lower = excluded.ci_lower, ci_upper = excluded.ci_upper, flags = excluded.flags, batch_id = excluded.batch_id
        where (observations.value, observations.numerator, observations.denominator, observations.ci_lower, observations.ci_upper,
          observations.flags & ~${FLAG.revised}::smallint)
          is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.ci_lower, excluded.ci_upper,
          excluded.flags & ~${FLAG.revised}::smallint)
        returning 1
      )
      select (select count(*)::int from moved) as replaced, (select count(*)::int from upserted) as written`);
    const counts = (result as unknown as { rows: { replaced: number; written: number }[] }).rows[0]!;
    written += Number(counts.written);
    replaced += Number(counts.replaced);
    onProgress?.(end);
    await yieldToEventLoop();
  }
  return { written, replaced };
}
