import { sql } from "drizzle-orm";
import { areas } from "../../src/data/geography/index.ts";
import { FLAG, importBatches, indicators, observations, periods } from "../../src/data/indicators/index.ts";
import type { Executor } from "../../src/kernel/db/database.ts";

/**
 * A small fictional indicator store for one area: `count` percentage indicators with eight
 * financial years each (the last provisional, one suppressed). Written straight to the tables:
 * the report reads the store, it does not import into it.
 */
export async function seedIndicatorStore(
  db: Executor,
  area: { code: string; name: string; nation: string },
  count: number,
): Promise<string[]> {
  const [areaRow] = await db
    .insert(areas)
    .values({ code: area.code, name: area.name, type: "local-authority", nation: area.nation })
    // The built-in reference geography has the real authority: it takes the fixture's name.
    .onConflictDoUpdate({ target: areas.code, set: { name: sql`excluded.name` } })
    .returning();
  const [batch] = await db
    .insert(importBatches)
    .values({ kind: "test", fileName: "fixture.csv", sha256: "0".repeat(64), sizeBytes: 0, actorLabel: "test" })
    .returning();
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
  const periodRows = await db
    .insert(periods)
    .values(
      years.map((year) => ({
        code: `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
        kind: "financial-year",
        label: `${year} to ${year + 1}`,
        startDate: `${year}-04-01`,
        endDate: `${year + 1}-03-31`,
        sortKey: year * 100,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `fixture-indicator-${i + 1}`;
    const [indicator] = await db
      .insert(indicators)
      .values({
        slug,
        title: `Fixture indicator ${i + 1} (fictional), %`,
        publisher: "Fictional Statistics Office",
        dataset: "Fixture series",
        unit: "percentage",
        polarity: "higher-is-worse",
      })
      .returning();
    await db.insert(observations).values(
      periodRows.map((period, p) => ({
        indicatorId: indicator!.id,
        periodId: period.id,
        breakdownId: 0,
        areaId: areaRow!.id,
        value: p === 3 && i % 4 === 0 ? null : 20 + i + Math.sin(p + i) * 3,
        flags: p === 3 && i % 4 === 0 ? FLAG.suppressed : p === periodRows.length - 1 ? FLAG.provisional : 0,
        batchId: batch!.id,
      })),
    );
    slugs.push(slug);
  }
  return slugs;
}
