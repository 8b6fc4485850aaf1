import type { Executor } from "../../src/kernel/db/database.ts";
import { valuesForAreaType } from "../../src/data/indicators/index.ts";

export { findAreaByCode, findBoundary, neighboursOf, successorMap } from "../../src/data/geography/index.ts";

export async function valuesForAreaTypeCodes(
  db: Executor,
  indicatorSlug: string,
  periodCode: string,
  areaType: string,
  nation: string,
): Promise<string[]> {
  return (await valuesForAreaType(db, { indicatorSlug, periodCode, areaType, nation })).map((v) => v.areaCode);
}
