import { eq, inArray } from "drizzle-orm";
import { areaParents, areas, insertMissingAreas } from "../../src/data/geography/index.ts";
import { importBatches, indicators, observations, parsePeriod, periods } from "../../src/data/indicators/index.ts";
import type { Executor } from "../../src/kernel/db/database.ts";
import { areaInputs } from "./areas.ts";

/**
 * Ten fictional LSOAs in one authority with what the inequality slope is made from (IoD 2019
 * names): the IMD rank, the IDACI numerator and children aged 0–15, and the IDACI score (File 3) published
 * for small areas only; plus a small-area score the slope is not made from. Written straight to
 * the store (no real file needed). Children are 200 in each LSOA and the numerators fall with
 * the rank, so the five local quintiles' rates are 37.5, 28.75, 22.5, 13.75 and 7.5%: SII 37.5
 * percentage points (95% CI 33.5 to 41.5, t on 3 df), RII 1.70 against the mean of 22%.
 */
export const INEQUALITY_SLUGS = {
  rank: "iod2019-imd-rank",
  numerator: "iod2019-income-deprivation-affecting-children-index-idaci-numerator",
  denominator: "iod2019-population-dependent-children-aged-0-15",
  rate: "iod2019-idaci-score",
  other: "fixture-small-area-score",
} as const;

const NUMERATORS = [80, 70, 60, 55, 50, 40, 30, 25, 20, 10];

export async function seedInequalityStore(db: Executor, authority: { code: string; name: string }): Promise<void> {
  const lsoas = NUMERATORS.map((_, i) => `E019${String(i + 1).padStart(5, "0")}:Fixture LSOA ${i + 1}`);
  await insertMissingAreas(db, areaInputs(`${authority.code}:${authority.name}`, ...lsoas));
  const rows = await db
    .select({ id: areas.id, code: areas.code })
    .from(areas)
    .where(inArray(areas.code, [authority.code, ...lsoas.map((l) => l.split(":")[0]!)]));
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const parent = idOf.get(authority.code)!;
  const children = lsoas.map((l) => idOf.get(l.split(":")[0]!)!);
  await db
    .insert(areaParents)
    .values(children.map((childId) => ({ childId, parentId: parent, relation: "local-authority" })))
    .onConflictDoNothing();
  const period = parsePeriod("2019")!;
  await db.insert(periods).values(period).onConflictDoNothing();
  const [periodRow] = await db.select().from(periods).where(eq(periods.code, "2019"));
  const [batch] = await db
    .insert(importBatches)
    .values({ kind: "test", fileName: "iod.csv", sha256: "1".repeat(64), sizeBytes: 0, actorLabel: "test" })
    .returning();
  const publisher = "Ministry of Housing, Communities and Local Government";
  const series: [string, string, string, (i: number) => number][] = [
    [INEQUALITY_SLUGS.rank, "Index of Multiple Deprivation (IMD) rank", "rank", (i) => (i + 1) * 1000],
    [INEQUALITY_SLUGS.numerator, "IDACI numerator", "count", (i) => NUMERATORS[i]!],
    [INEQUALITY_SLUGS.denominator, "Dependent children aged 0-15", "count", () => 200],
    [INEQUALITY_SLUGS.rate, "IDACI score", "proportion", (i) => NUMERATORS[i]! / 200],
    [INEQUALITY_SLUGS.other, "Fixture small-area score (fictional)", "score", (i) => 10 + i],
  ];
  for (const [slug, title, unit, value] of series) {
    const [indicator] = await db
      .insert(indicators)
      .values({
        slug,
        title,
        unit,
        publisher,
        dataset: "English Indices of Deprivation 2019",
        areaTypes: ["lsoa"],
        periodCodes: ["2019"],
      })
      .returning();
    await db.insert(observations).values(
      children.map((areaId, i) => ({
        indicatorId: indicator!.id,
        periodId: periodRow!.id,
        breakdownId: 0,
        areaId,
        value: value(i),
        flags: 0,
        batchId: batch!.id,
      })),
    );
  }
}
