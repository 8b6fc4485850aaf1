/**
 * Stored values that came from published official statistics (a Stat-Xplore export, an IoD
 * file …) and that a file would change: a partnership's own file (tidy, wide) may add figures
 * beside them but never replace them — as a partnership's upload may never change the national
 * store. Read before anything is written, so a dry run gives the same verdict.
 */
import { sql } from "drizzle-orm";
import { chunks, pgArray, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { FLAG } from "./flags.ts";
import type { ObservationBuffer } from "./observation-buffer.ts";

export interface OfficialReplacement {
  count: number;
  examples: { slug: string; period: string; areaCode: string; fileName: string }[];
}

export async function officialValuesReplaced(
  db: Executor,
  buffer: ObservationBuffer,
  officialKinds: readonly string[],
): Promise<OfficialReplacement> {
  const out: OfficialReplacement = { count: 0, examples: [] };
  if (buffer.length === 0 || officialKinds.length === 0) return out;
  const rows = Array.from({ length: buffer.length }, (_, i) => i).filter(
    (i) => (buffer.flags[i]! & FLAG.derived) === 0,
  );
  for (const part of chunks(rows, 5000)) {
    const keys = part.map((i) => buffer.breakdownKeys[buffer.breakdown[i]!]!.split("\u0000"));
    const result = await db.execute(sql`
      select i.slug, p.code as period, a.code as "areaCode", b.file_name as "fileName", count(*) over () as n
      from unnest(${pgArray(part.map((i) => buffer.indicatorSlugs[buffer.indicator[i]!]))}::text[],
        ${pgArray(part.map((i) => buffer.periodCodes[buffer.period[i]!]))}::text[],
        ${pgArray(keys.map((k) => k[0] ?? ""))}::text[], ${pgArray(keys.map((k) => k[1] ?? ""))}::text[],
        ${pgArray(part.map((i) => buffer.area[i]!))}::int[], ${pgArray(part.map((i) => buffer.at("value", i)))}::float8[])
        t(slug, period, dimension, value_label, area_id, value)
      join indicators i on i.slug = t.slug join periods p on p.code = t.period join areas a on a.id = t.area_id
      left join breakdowns bd on bd.dimension = t.dimension and bd.value = t.value_label
      join observations o on o.indicator_id = i.id and o.period_id = p.id and o.area_id = t.area_id
        and o.breakdown_id = case when t.dimension = '' then 0 else bd.id end
      join import_batches b on b.id = o.batch_id
      where b.kind = any(${pgArray([...officialKinds])}::text[]) and (o.flags & ${FLAG.derived}::int) = 0
        and o.value is distinct from t.value
      limit 3`);
    const found = (
      result as unknown as {
        rows: { slug: string; period: string; areaCode: string; fileName: string; n: number | string }[];
      }
    ).rows;
    if (found.length > 0) {
      out.count += Number(found[0]!.n);
      for (const row of found)
        if (out.examples.length < 3)
          out.examples.push({ slug: row.slug, period: row.period, areaCode: row.areaCode, fileName: row.fileName });
    }
    await yieldToEventLoop();
  }
  return out;
}

/**
 * A file's value replaces one the hub worked out (a total, a figure added up from small areas):
 * the worked-out row moves to the history (it was shown) and is deleted before the writer
 * runs, so the published figure goes in as new — not marked "revised", which it is not.
 */
export async function supersedeDerivedValues(
  db: Executor,
  buffer: ObservationBuffer,
  batchId: number,
): Promise<number> {
  const rows = Array.from({ length: buffer.length }, (_, i) => i).filter(
    (i) => (buffer.flags[i]! & FLAG.derived) === 0,
  );
  let moved = 0;
  for (const part of chunks(rows, 5000)) {
    const keys = part.map((i) => buffer.breakdownKeys[buffer.breakdown[i]!]!.split("\u0000"));
    const result = await db.execute(sql`
      with incoming as (
        select distinct i.id as indicator_id, p.id as period_id, case when t.dimension = '' then 0 else bd.id end as breakdown_id, t.area_id
        from unnest(${pgArray(part.map((i) => buffer.indicatorSlugs[buffer.indicator[i]!]))}::text[],
          ${pgArray(part.map((i) => buffer.periodCodes[buffer.period[i]!]))}::text[],
          ${pgArray(keys.map((k) => k[0] ?? ""))}::text[], ${pgArray(keys.map((k) => k[1] ?? ""))}::text[],
          ${pgArray(part.map((i) => buffer.area[i]!))}::int[]) t(slug, period, dimension, value_label, area_id)
        join indicators i on i.slug = t.slug join periods p on p.code = t.period
        left join breakdowns bd on bd.dimension = t.dimension and bd.value = t.value_label
      ),
      moved as (
        insert into observation_history (indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator,
          ci_lower, ci_upper, flags, batch_id, superseded_by_batch_id)
        select o.indicator_id, o.period_id, o.breakdown_id, o.area_id, o.value, o.numerator, o.denominator, o.ci_lower,
          o.ci_upper, o.flags, o.batch_id, ${batchId}::int
        from observations o join incoming x on o.indicator_id = x.indicator_id and o.period_id = x.period_id
          and o.breakdown_id = x.breakdown_id and o.area_id = x.area_id
        where (o.flags & ${FLAG.derived}::int) <> 0
        returning 1
      )
      delete from observations o using incoming x
      where o.indicator_id = x.indicator_id and o.period_id = x.period_id and o.breakdown_id = x.breakdown_id
        and o.area_id = x.area_id and (o.flags & ${FLAG.derived}::int) <> 0
      returning (select count(*) from moved) as moved`);
    moved += (result as unknown as { rows: unknown[] }).rows.length;
    await yieldToEventLoop();
  }
  return moved;
}
