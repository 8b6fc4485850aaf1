/**
 * Planner statistics after large writes (kernel/db/statistics.ts): a table never analysed but
 * holding rows, or grown by more than 8 pages and 10 % since its last ANALYZE, is stale; ANALYZE
 * makes it fresh again. PGlite has no autovacuum, so `cpah serve` and the benches rely on this.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/kernel/db/database.ts";
import { analyzeStaleTables, tablesWithStaleStatistics } from "../../src/kernel/db/statistics.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

let database: Database;
const fill = (from: number, to: number) =>
  database.db.execute(
    sql.raw(`insert into stats_probe select n, repeat('x', 200) from generate_series(${from}, ${to}) as n`),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table stats_probe (n integer, pad text)`);
});
afterAll(async () => {
  await database.close();
});

describe("tables whose statistics are stale", () => {
  it("lists a table written since its last ANALYZE, and not after ANALYZE", async () => {
    expect(await tablesWithStaleStatistics(database.db)).not.toContain("stats_probe");
    await fill(1, 2_000);
    expect(await tablesWithStaleStatistics(database.db)).toContain("stats_probe");
    const analyzed = await analyzeStaleTables(database.db, database.kind);
    expect(analyzed).toContain("stats_probe");
    expect(await tablesWithStaleStatistics(database.db)).toEqual([]);
    const [estimate] = (
      (await database.db.execute(
        sql`select reltuples::int as rows from pg_class where relname = 'stats_probe'`,
      )) as unknown as {
        rows: { rows: number }[];
      }
    ).rows;
    expect(estimate?.rows).toBe(2_000);
  });

  it("lists it again once it has grown by more than a tenth, not for a few rows more", async () => {
    await fill(2_001, 2_010);
    expect(await tablesWithStaleStatistics(database.db)).not.toContain("stats_probe");
    await fill(2_011, 3_000);
    expect(await tablesWithStaleStatistics(database.db)).toContain("stats_probe");
  });
});
