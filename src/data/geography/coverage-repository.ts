import { sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";

/**
 * Areas of each code prefix (E01 LSOAs in England, S01 data zones …) and edition, for the
 * geography page: how much of each small-area and ward geography is loaded. Edition 0 for
 * areas whose edition is not recorded.
 */
export async function countAreasByPrefix(
  db: Executor,
  types: readonly string[],
): Promise<{ prefix: string; vintage: number; count: number }[]> {
  const result =
    await db.execute(sql`select case when a.code like '95%' then '95' else left(a.code, 3) end as prefix, v.vintage::int as vintage, count(*)::int as count
    from areas a
    cross join lateral unnest(case when cardinality(a.vintages) = 0 then array[0]::smallint[] else a.vintages end) as v(vintage)
    where a.type in ${types}
    group by 1, 2 order by 1, 2`);
  return (result as unknown as { rows: { prefix: string; vintage: number; count: number }[] }).rows;
}
