import { inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { strategies } from "./tables.ts";

export interface StrategySummary {
  start: string;
  end: string;
  status: "draft" | "signed-off";
}

/** Each partnership's strategy period and status; null where no strategy is recorded. */
export async function strategySummaries(
  db: Executor,
  partnershipIds: string[],
): Promise<Map<string, StrategySummary | null>> {
  const result = new Map<string, StrategySummary | null>(partnershipIds.map((id) => [id, null]));
  if (partnershipIds.length === 0) return result;
  const rows = await db
    .select({
      partnershipId: strategies.partnershipId,
      startYear: strategies.startYear,
      endYear: strategies.endYear,
      status: strategies.status,
    })
    .from(strategies)
    .where(inArray(strategies.partnershipId, partnershipIds));
  for (const row of rows) {
    result.set(row.partnershipId, {
      start: String(row.startYear),
      end: String(row.endYear),
      status: row.status === "signed-off" ? "signed-off" : "draft",
    });
  }
  return result;
}
