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
