/**
 * An area with what its profile compares it with: its parents (region, nation …) and the areas
 * bordering it, in one prepared statement instead of three (on the embedded database each
 * statement costs ~1–2 ms of CPU whatever it reads).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import type { AreaRow, ParentOfArea } from "./repository.ts";

export interface AreaSurroundings {
  area: AreaRow;
  /** As parentsOf gives them: by relation. */
  parents: ParentOfArea[];
  /** As neighboursOf(…, "border") gives them: by rank. */
  borders: AreaRow[];
}

/** An area's columns as the statement names them, with which part of the answer the row is. */
type Row = Omit<AreaRow, "updatedAt"> & {
  part: number;
  relation: string | null;
  rank: number;
  updatedAt: string | Date;
};

const COLUMNS =
  sql.raw(`x.id, x.code, x.name, x.type, x.nation, x.upper_tier as "upperTier", x.lower_tier as "lowerTier",
  x.start_year as "startYear", x.end_year as "endYear", x.vintages, x.updated_at as "updatedAt"`);

export async function areaSurroundings(db: Executor, code: string): Promise<AreaSurroundings | undefined> {
  const rows = await executePrepared<Row>(
    db,
    sql`
    with a as materialized (select id from areas where code = ${code} limit 1)
    select 0 as part, null::text as relation, 0 as rank, ${COLUMNS} from a join areas x on x.id = a.id
    union all
    select 1, ap.relation, 0, ${COLUMNS} from a join area_parents ap on ap.child_id = a.id join areas x on x.id = ap.parent_id
    union all
    select 2, null, n.rank, ${COLUMNS} from a join area_neighbours n on n.area_id = a.id and n.kind = 'border'
      join areas x on x.id = n.neighbour_id
    order by part, relation, rank`,
  );
  const [self] = rows.filter((row) => row.part === 0).map(toArea);
  if (!self) return undefined;
  return {
    area: self,
    parents: rows.filter((row) => row.part === 1).map((row) => ({ relation: row.relation!, area: toArea(row) })),
    borders: rows.filter((row) => row.part === 2).map(toArea),
  };
}

function toArea({ part: _part, relation: _relation, rank: _rank, ...row }: Row): AreaRow {
  return { ...row, vintages: row.vintages ?? [], updatedAt: new Date(row.updatedAt) } as AreaRow;
}
