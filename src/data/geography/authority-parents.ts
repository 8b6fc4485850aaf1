import { sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";

/** Parent types whose totals can be built from local authority figures. */
export const TOTAL_PARENT_TYPES = ["county", "region", "nation"] as const;

export interface AuthorityLink {
  childId: number;
  childCode: string;
  childName: string;
  childStart: number | null;
  childEnd: number | null;
  parentId: number;
  parentCode: string;
  parentName: string;
  parentType: string;
  parentStart: number | null;
  parentEnd: number | null;
}

/**
 * Every local authority linked to the parents (county, region, nation) of the given
 * authorities: the candidates a parent total must cover, with each side's years of validity.
 * Authorities created after the lookups (East Suffolk 2019, Buckinghamshire 2020 …) have
 * their links stored from the code changes (successors.ts).
 */
export async function authorityParentLinks(db: Executor, authorityIds: readonly number[]): Promise<AuthorityLink[]> {
  if (authorityIds.length === 0) return [];
  const result = await db.execute(sql`
    with links as (
      select ap.child_id, ap.parent_id from area_parents ap join areas c on c.id = ap.child_id
      where c.type = 'local-authority' and ap.relation in ('county', 'region', 'nation')
    ),
    wanted as (
      select distinct l.parent_id from links l where l.child_id = any(${pgArray([...authorityIds])}::int[])
    )
    select c.id as "childId", c.code as "childCode", c.name as "childName", c.start_year as "childStart", c.end_year as "childEnd",
      p.id as "parentId", p.code as "parentCode", p.name as "parentName", p.type as "parentType",
      p.start_year as "parentStart", p.end_year as "parentEnd"
    from links l join wanted w on w.parent_id = l.parent_id
    join areas c on c.id = l.child_id join areas p on p.id = l.parent_id
    where p.type in ('county', 'region', 'nation')`);
  return (result as unknown as { rows: AuthorityLink[] }).rows.map((row) => ({
    ...row,
    childId: Number(row.childId),
    parentId: Number(row.parentId),
    childStart: row.childStart === null ? null : Number(row.childStart),
    childEnd: row.childEnd === null ? null : Number(row.childEnd),
    parentStart: row.parentStart === null ? null : Number(row.parentStart),
    parentEnd: row.parentEnd === null ? null : Number(row.parentEnd),
  }));
}
