import { timeSlicer } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { ObservationBuffer } from "./observation-buffer.ts";
import { writeObservations, type WriteResult } from "./observation-writer.ts";
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
  const coverage = buffer.indicatorSlugs.map(() => ({ types: new Set<string>(), periods: new Set<number>() }));
  const slice = timeSlicer();
  for (let i = 0; i < buffer.length; i++) {
    if (i % 1000 === 999) await slice();
    const entry = coverage[buffer.indicator[i]!]!;
    entry.periods.add(buffer.period[i]!);
    const type = plan.areaTypes.get(buffer.area[i]!);
    if (type) entry.types.add(type);
  }
  for (const [index, slug] of buffer.indicatorSlugs.entries()) {
    const entry = coverage[index]!;
    await addCoverage(
      db,
      indicatorIdBySlug.get(slug)!,
      [...entry.types],
      [...entry.periods].map((p) => buffer.periodCodes[p]!),
    );
  }
  // Profiles read ranks from here instead of every peer's value: same transaction, same pairs.
  await refreshPeerRanksOfBuffer(db, buffer, ids, batchId);
  return result;
}
