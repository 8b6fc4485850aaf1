/**
 * Parent links that follow code changes. An authority created by a merger after the lookups
 * were published (East Suffolk 2019, Buckinghamshire 2020, Cumberland 2023 …) has no row in
 * them: it takes its region — and, if it is a district, its county — from the authorities it
 * replaced when all of them agree and the parent still exists when it starts. The small areas
 * of a merged authority lie wholly inside its successor, so they are linked to it too (and to
 * every later successor in a chain: Taunton Deane → Somerset West and Taunton → Somerset).
 * Boundary changes ("new_geo" between two council codes, e.g. Glasgow 2019) move a few
 * streets, so small areas do not follow them: the lookups of the new vintage say where they are.
 *
 * Idempotent (insert … on conflict do nothing); run after every geography import, because a
 * lookup loaded after the code changes replaces its areas' links.
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listCodeChanges } from "./changes-repository.ts";

/** Changes after which the old area lies wholly inside the new one. */
const WHOLE = new Set(["merger", "new_code"]);

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** old code → the codes that took over its whole area directly (merger, new code). */
export async function directSuccessors(db: Executor): Promise<Map<string, string[]>> {
  const direct = new Map<string, string[]>();
  for (const change of await listCodeChanges(db)) {
    if (!change.newCode || !WHOLE.has(change.changeType)) continue;
    direct.set(change.oldCode, [...new Set([...(direct.get(change.oldCode) ?? []), change.newCode])]);
  }
  return direct;
}

/** old code → every later code its whole area belongs to, following chains. */
export async function wholeSuccessors(db: Executor): Promise<Map<string, string[]>> {
  return followChains(await directSuccessors(db));
}

/** wholeSuccessors from the direct successors already read (one read of the code changes, not two). */
export function followChains(direct: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const code of direct.keys()) {
    const found: string[] = [];
    const queue = [code];
    while (queue.length) {
      for (const next of direct.get(queue.shift()!) ?? []) {
        if (found.includes(next) || next === code) continue;
        found.push(next);
        queue.push(next);
      }
    }
    out.set(code, found);
  }
  return out;
}

export interface DerivedLinks {
  authorityLinks: number;
  smallAreaLinks: number;
}

/**
 * `smallAreasOf`: only the small areas of these authorities gained links (a boundary file's new
 * small areas, tied to its one authority), so only their links to successors are derived, and
 * the authorities' own parents, which such an import never changes, are left as they are. Without
 * it every predecessor's small areas are matched again: ~100 ms a file on PGlite, 700 files in
 * the shared data's boundary folders.
 */
export async function deriveSuccessorLinks(
  db: Executor,
  options: { smallAreasOf?: readonly string[] } = {},
): Promise<DerivedLinks> {
  const successors = await wholeSuccessors(db);
  const scope = options.smallAreasOf ? new Set(options.smallAreasOf) : null;
  const pairs = [...successors]
    .filter(([old]) => !scope || scope.has(old))
    .flatMap(([old, list]) => list.map((code) => ({ old, code })));
  if (pairs.length === 0) return { authorityLinks: 0, smallAreaLinks: 0 };
  const olds = pgArray(pairs.map((p) => p.old));
  const news = pgArray(pairs.map((p) => p.code));
  // Region (any successor) and county (a district only, while the county exists): inherited
  // when every predecessor of the successor has that parent. A successor that already has a
  // parent of the relation from a lookup keeps it.
  let authorityLinks = 0;
  // A chain (Taunton Deane → Somerset West and Taunton → Somerset) needs its middle link first.
  for (let round = 0; round < (scope ? 0 : 4); round++) {
    const added = rows(
      await db.execute(sql`
    with pairs as (
      select o.id as old_id, n.id as new_id, n.code as new_code, n.start_year, n.upper_tier
      from unnest(${olds}::text[], ${news}::text[]) t(old, new)
      join areas o on o.code = t.old and o.type = 'local-authority'
      join areas n on n.code = t.new and n.type = 'local-authority'
    ),
    predecessors as (select new_id, count(distinct old_id) as n from pairs group by new_id),
    candidates as (
      select p.new_id, ap.parent_id, ap.relation, count(distinct p.old_id) as n
      from pairs p join area_parents ap on ap.child_id = p.old_id and ap.relation in ('region', 'county')
      join areas parent on parent.id = ap.parent_id
      where ap.relation = 'region'
        or (not p.upper_tier and p.new_code like 'E07%' and (parent.end_year is null or p.start_year is null or parent.end_year >= p.start_year))
      group by p.new_id, ap.parent_id, ap.relation
    )
    insert into area_parents (child_id, parent_id, relation)
    select c.new_id, c.parent_id, c.relation from candidates c join predecessors d on d.new_id = c.new_id and d.n = c.n
    where not exists (select 1 from area_parents own where own.child_id = c.new_id and own.relation = c.relation)
    on conflict do nothing returning 1`),
    ).length;
    authorityLinks += added;
    if (added === 0) break;
  }
  const small = await db.execute(sql`
    insert into area_parents (child_id, parent_id, relation)
    select ap.child_id, n.id, 'local-authority'
    from unnest(${olds}::text[], ${news}::text[]) t(old, new)
    join areas o on o.code = t.old and o.type = 'local-authority'
    join areas n on n.code = t.new and n.type = 'local-authority'
    join area_parents ap on ap.parent_id = o.id and ap.relation = 'local-authority'
    join areas c on c.id = ap.child_id and c.type in ('lsoa', 'msoa', 'ward')
    on conflict do nothing returning 1`);
  return { authorityLinks, smallAreaLinks: rows(small).length };
}
