/** The region and nation an area is compared with on its profile. */
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, findAreaByCode, type ParentOfArea, parentsOf } from "../geography/index.ts";

export async function referenceAreas(
  db: Executor,
  area: AreaRow,
): Promise<{ area: AreaRow; relation: "nation" | "region" }[]> {
  return referenceAreasAmong(db, area, await parentsOf(db, area.id));
}

/** The same from the area's parents already read (areaSurroundings). */
export async function referenceAreasAmong(
  db: Executor,
  area: AreaRow,
  parents: readonly ParentOfArea[],
): Promise<{ area: AreaRow; relation: "nation" | "region" }[]> {
  const pick = (relation: "nation" | "region") =>
    parents.find((p) => p.relation === relation || p.area.type === relation)?.area;
  const out: { area: AreaRow; relation: "nation" | "region" }[] = [];
  const region = pick("region");
  if (region) out.push({ area: region, relation: "region" });
  const nation = pick("nation") ?? (area.nation ? await findNation(db, area.nation) : undefined);
  if (nation) out.push({ area: nation, relation: "nation" });
  return out;
}

const NATION_CODES: Record<string, string> = {
  england: "E92000001",
  wales: "W92000004",
  scotland: "S92000003",
  "northern-ireland": "N92000002",
};
function findNation(db: Executor, nation: string): Promise<AreaRow | undefined> {
  const code = NATION_CODES[nation];
  return code ? findAreaByCode(db, code) : Promise.resolve(undefined);
}
