/**
 * What bounds the observations COPY: 919,632 synthetic values (28 indicators × 32,844 areas)
 * copied in file order (area-major) or primary-key order, with and without the table's
 * indexes (dropped inside a rolled-back transaction; the schema is never changed).
 *   npx tsx scripts/bench/copy-experiment.ts            (PGlite)
 *   EXPERIMENT_DATABASE_URL=postgres://… npx tsx …     (PostgreSQL)
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { copyRows } from "../../src/kernel/db/copy.ts";
import { openBenchDatabase } from "./bench-database.ts";

const INDICATORS = 28;
const AREAS = 32_844;
const { database, drop } = await openBenchDatabase(process.env.EXPERIMENT_DATABASE_URL);
const line = (indicator: number, area: number) =>
  `${indicator + 1}\t1\t0\t${area + 1}\t${area % 37 === 0 ? "\\N" : ((indicator * 7919 + area * 104_729) % 100_000) / 1000}\t\\N\t\\N\t\\N\t\\N\t0\t1\n`;
async function trial(label: string, keyOrder: boolean, dropIndexes: "none" | "area" | "all") {
  const started = performance.now();
  let copied = 0;
  await database.db
    .transaction(async (tx) => {
      if (dropIndexes !== "none") await tx.execute(sql.raw("drop index observations_area_idx"));
      if (dropIndexes === "all")
        await tx.execute(
          sql.raw(
            "alter table observations drop constraint observations_indicator_id_period_id_breakdown_id_area_id_pk",
          ),
        );
      const total = INDICATORS * AREAS;
      await copyRows(tx, {
        target:
          "observations (indicator_id, period_id, breakdown_id, area_id, value, numerator, denominator, ci_lower, ci_upper, flags, batch_id)",
        rows: total,
        render: (start, end) => {
          let text = "";
          for (let i = start; i < end; i++)
            text += keyOrder
              ? line(Math.floor(i / AREAS), i % AREAS)
              : line(i % INDICATORS, Math.floor(i / INDICATORS));
          return text;
        },
      });
      copied = total;
      throw new Error("rollback");
    })
    .catch((error: Error) => {
      if (error.message !== "rollback") throw error;
    });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${database.kind} ${label}: ${seconds.toFixed(2)} s, ${Math.round(copied / seconds).toLocaleString("en-GB")} rows/s\n`,
  );
}
try {
  const which = (process.env.EXPERIMENT_TRIALS ?? "file,key,noarea,none").split(",");
  if (which.includes("file")) await trial("file order (area-major), both indexes", false, "none");
  if (which.includes("key")) await trial("primary-key order, both indexes", true, "none");
  if (which.includes("noarea")) await trial("file order, without observations_area_idx", false, "area");
  if (which.includes("none")) await trial("file order, no indexes", false, "all");
} finally {
  await drop();
}
