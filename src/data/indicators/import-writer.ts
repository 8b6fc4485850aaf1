import { distinctInSlices, timeSlicer } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { ObservationBuffer } from "./observation-buffer.ts";
import { writeObservations, type WriteResult } from "./observation-writer.ts";
import { refreshAreaSeries } from "./area-series.ts";
import { refreshPeerRanksOfBuffer } from "./peer-ranks.ts";
import { parsePeriod, type ParsedPeriod } from "./periods.ts";
import {
  addCoverage,
  findIndicatorsBySlug,
  insertMissingIndicators,
  upsertBreakdowns,
  upsertPeriods,
} from "./repository.ts";
import { type IndicatorDefinition, indicatorDraftSchema, type IndicatorDraft } from "./schemas.ts";

/** What an observation importer hands over to be written in its transaction. */
export interface ObservationPlan {
  indicators: IndicatorDefinition[];
  buffer: ObservationBuffer;
  /** area id → area type, for the catalogue's coverage lists. */
  areaTypes: ReadonlyMap<number, string>;
  /** Owner of indicators created by this import: null for national data. */
  partnershipId: string | null;
}

/**
 * Slugs this import may not write to: another partnership's local indicator, or (for a
 * partnership's upload) a national indicator. Returns a message per slug.
 */
export async function indicatorOwnershipProblems(
  db: Executor,
  slugs: readonly string[],
  partnershipId: string | null,
): Promise<string[]> {
  const rows = await findIndicatorsBySlug(db, slugs);
  return rows
    .filter((row) => row.partnershipId !== partnershipId)
    .map((row) =>
      row.partnershipId === null
        ? `"${row.slug}" is a national indicator and cannot be changed by a partnership's upload; choose another identifier`
        : `the identifier "${row.slug}" is already used by another partnership; choose another identifier`,
    );
}

export function defineIndicator(draft: IndicatorDraft): IndicatorDefinition {
  return indicatorDraftSchema.parse(draft);
}

/** Which of these slugs are not in the catalogue yet (for the report). */
export async function newIndicatorSlugs(db: Executor, slugs: readonly string[]): Promise<Set<string>> {
  const existing = new Set((await findIndicatorsBySlug(db, slugs)).map((row) => row.slug));
  return new Set(slugs.filter((slug) => !existing.has(slug)));
}

export function periodsOf(codes: readonly string[]): ParsedPeriod[] {
  return codes.map((code) => {
    const period = parsePeriod(code);
    if (!period) throw new AppError("VALIDATION", `"${code}" is not a period`);
    return period;
  });
}

/** Catalogue entries, periods, then the values; inside the caller's transaction. */
export async function writeObservationPlan(
  db: Executor,
  plan: ObservationPlan,
  batchId: number,
  onProgress?: (done: number) => void,
): Promise<WriteResult> {
  const { buffer } = plan;
  await insertMissingIndicators(db, plan.indicators, plan.partnershipId);
  const indicatorRows = await findIndicatorsBySlug(db, buffer.indicatorSlugs);
  const indicatorIdBySlug = new Map(indicatorRows.map((row) => [row.slug, row.id]));
  const periodIdByCode = await upsertPeriods(db, periodsOf(buffer.periodCodes));
  const ids = {
    indicators: buffer.indicatorSlugs.map((slug) => indicatorIdBySlug.get(slug)!),
    periods: buffer.periodCodes.map((code) => periodIdByCode.get(code)!),
    breakdowns: await upsertBreakdowns(db, buffer.breakdownKeys),
  };
  const result = await writeObservations(db, buffer, ids, batchId, onProgress);
  const coverage = await coverageOf(buffer, plan.areaTypes);
  for (const [index, slug] of buffer.indicatorSlugs.entries()) {
    const entry = coverage[index]!;
    await addCoverage(db, indicatorIdBySlug.get(slug)!, entry.types, entry.periods);
  }
  // Profiles read ranks from here instead of every peer's value: same transaction, same pairs.
  await refreshPeerRanksOfBuffer(db, buffer, ids, batchId);
  // The profile's read layout of the indicators and areas written (new values, revisions, corrections alike).
  await refreshAreaSeries(db, ids.indicators, await distinctInSlices(buffer.area));
  return result;
}

/**
 * Per indicator of the buffer, the area types and period codes its rows cover. Marks in flat
 * arrays (indicator × type, indicator × period) rather than a Set per indicator and a Map
 * lookup per row, with a turn of the event loop offered every 16,384 rows instead of every 1,000.
 */
async function coverageOf(
  buffer: ObservationBuffer,
  areaTypes: ReadonlyMap<number, string>,
): Promise<{ types: string[]; periods: string[] }[]> {
  const typeNames = [...new Set(areaTypes.values())];
  const typeIndex = new Map(typeNames.map((name, i) => [name, i]));
  let maxArea = 0;
  for (const id of areaTypes.keys()) if (id > maxArea) maxArea = id;
  const typeOfArea = new Int32Array(maxArea + 1).fill(-1);
  for (const [id, type] of areaTypes) typeOfArea[id] = typeIndex.get(type)!;
  const types = typeNames.length;
  const periods = buffer.periodCodes.length;
  const hasType = new Uint8Array(buffer.indicatorSlugs.length * types);
  const hasPeriod = new Uint8Array(buffer.indicatorSlugs.length * periods);
  const { indicator, period, area } = buffer;
  const slice = timeSlicer();
  for (let i = 0; i < buffer.length; i++) {
    if ((i & 16383) === 16383) await slice();
    const row = indicator[i]!;
    hasPeriod[row * periods + period[i]!] = 1;
    const id = area[i]!;
    const type = id <= maxArea ? typeOfArea[id]! : -1;
    if (type >= 0) hasType[row * types + type] = 1;
  }
  return buffer.indicatorSlugs.map((_, row) => ({
    types: typeNames.filter((_, t) => hasType[row * types + t] === 1),
    periods: buffer.periodCodes.filter((_, p) => hasPeriod[row * periods + p] === 1),
  }));
}
