/**
 * The reference an import is measured against: a raw COPY of the same rows into the same
 * table (observations, with its indexes) on the same database, with nothing else done — no
 * parsing, no checks, no history, no ranks. The rows are the batch's own, read back and moved
 * to a period no import uses, rendered beforehand; the COPY runs in a transaction that is
 * rolled back, so the bench's later steps see the database as the import left it.
 */
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { copyRows } from "../../src/kernel/db/copy.ts";
import type { Database } from "../../src/kernel/db/database.ts";

const COLUMNS =
  "indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, ci_lower, ci_upper, flags, batch_id";
const CHUNK = 10_000;

class RolledBack extends Error {}

export interface RawCopy {
  rows: number;
  seconds: number;
  cpuSeconds: number;
}

export async function rawCopyOfBatch(database: Database, batchId: number): Promise<RawCopy> {
  const result = await database.db.execute(sql`select ${sql.raw(COLUMNS)} from observations where batch_id = ${batchId}
    order by area_id, indicator_id`);
  const rows = (result as unknown as { rows: Record<string, number | string | null>[] }).rows;
  const cell = (v: number | string | null | undefined) => (v === null || v === undefined ? "\\N" : String(v));
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    let text = "";
    for (const row of rows.slice(start, start + CHUNK))
      text += `${[row.indicator_id, -1, row.breakdown_id, row.area_id, row.value, row.numerator, row.denominator, row.ci_lower, row.ci_upper, row.flags, row.batch_id].map(cell).join("\t")}\n`;
    chunks.push(text);
  }
  let timing: RawCopy = { rows: rows.length, seconds: 0, cpuSeconds: 0 };
  await database.db
    .transaction(async (tx) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await copyRows(tx, {
        target: `observations (${COLUMNS})`,
        rows: rows.length,
        render: (start) => chunks[start / CHUNK]!,
        chunkRows: CHUNK,
      });
      const used = process.cpuUsage(cpu);
      timing = {
        rows: rows.length,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
      };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return timing;
}
