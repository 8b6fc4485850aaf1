/**
 * Figures worked out at import from a deprivation index's small-area columns, each with its
 * method in the indicator's definition:
 * - ranks and deciles from scores (the Welsh index's scores file has no ranks): rank 1 is the
 *   highest score, ties share a rank; deciles cut as the index's publisher cuts its own
 *   (decileByShare, wimdDecile);
 * - for every authority valid today, the share of its small areas in the most deprived 10%
 *   nationally (decile 1), with the count and the number of small areas as numerator and
 *   denominator. The official local authority summaries give the same measure under the same
 *   indicator, and a published figure always takes the place of a calculated one.
 */
import type { IndicatorDefinition, ObservationBuffer } from "../../indicators/index.ts";
import { defineIndicator, FLAG, sourceValueKeys } from "../../indicators/index.ts";
import { timeSlicer } from "../../../kernel/db/arrays.ts";
import { boundedSlug } from "../cells.ts";
import type { PrepareContext } from "../importer.ts";
import { authorityMemberships } from "../small-area-totals.ts";

export interface DerivedColumn {
  column: string;
  ref: number;
  draft: IndicatorDefinition;
}

/**
 * The slug of the share-in-the-most-deprived-10% figure for a decile indicator (same as the LA
 * summary importer's), cut to a slug's 80 characters: a long domain name otherwise made a slug
 * the indicator schema refuses, and the import crashed (found by the import fuzz test).
 */
export function shareSlug(decileSlug: string): string {
  return boundedSlug(decileSlug.replace(/-decile$/, "-proportion-most-deprived-10"));
}

/** A decile from a rank among n small areas. */
export type DecileRule = (rank: number, n: number) => number;

/** The English indices and SIMD: ⌈10 × rank ÷ n⌉ (SIMD 2020v2's own deciles are exactly these: ranks 1–697 of 6,976 in decile 1). */
export const decileByShare: DecileRule = (rank, n) => Math.ceil((10 * rank) / n);

/**
 * WIMD: the most deprived k × 10% are ranks 1 to ⌈k × n ÷ 10⌉, as the Welsh Government's groups
 * say ("Most deprived 10% LSOAs in Wales (ranks 1 - 191)", 20%: 1 - 382, 30%: 1 - 573, 50%:
 * 1 - 955 of 1,909), so rank 191 is in decile 1 where ⌈10 × rank ÷ n⌉ put it in decile 2.
 */
export const wimdDecile: DecileRule = (rank, n) => {
  for (let k = 1; k < 10; k++) if (rank <= Math.ceil((k * n) / 10)) return k;
  return 10;
};

/** Rank (1 = highest score) and decile of every value of one column, for each row's area. */
export async function ranksFromScores(
  buffer: ObservationBuffer,
  column: DerivedColumn,
  make: { rank: IndicatorDefinition; decile: IndicatorDefinition },
  decileOf: DecileRule = decileByShare,
): Promise<number> {
  const rows: { i: number; value: number }[] = [];
  // The file's rows through views taken once: the ranks pushed below are never read here.
  const { indicator, period, area } = buffer;
  const slice = timeSlicer();
  for (let i = 0; i < indicator.length; i++) {
    if (indicator[i] !== column.ref) continue;
    const value = buffer.at("value", i);
    if (value !== null) rows.push({ i, value });
    if ((i & 4095) === 4095) await slice();
  }
  rows.sort((a, b) => b.value - a.value);
  const n = rows.length;
  // Room made first, a column per turn: a push past the buffer's end copies every column at once.
  await buffer.reserve(2 * n);
  const rankRef = buffer.indicatorRef(make.rank.slug);
  const decileRef = buffer.indicatorRef(make.decile.slug);
  let written = 0;
  let rank = 0;
  const flags = FLAG.derived | FLAG.fromScores;
  for (let k = 0; k < n; k++) {
    const row = rows[k]!;
    // Competition ranking: ties share the first rank of their run.
    if (k === 0 || rows[k - 1]!.value !== row.value) rank = k + 1;
    const at = { period: period[row.i]!, area: area[row.i]! };
    buffer.push({ indicator: rankRef, period: at.period, area: at.area, value: rank, flags });
    buffer.push({ indicator: decileRef, period: at.period, area: at.area, value: decileOf(rank, n), flags });
    written += 2;
    // Awaited only when due: an await per row (even of nothing) is a promise and a resumption,
    // garbage that brought the collector round during WIMD's nine score columns.
    if ((k & 255) === 255) await slice();
  }
  return written;
}

/** For every decile indicator: each authority's share of small areas in decile 1, when all its small areas have a decile. */
export async function decileShares(
  buffer: ObservationBuffer,
  deciles: readonly { ref: number; draft: IndicatorDefinition }[],
  context: PrepareContext,
  smallAreaName: string,
): Promise<{ indicators: IndicatorDefinition[]; values: number; areaTypes: Map<number, string> }> {
  const areaTypes = new Map<number, string>();
  const ids = new Set<number>();
  const wanted = new Set(deciles.map((d) => d.ref));
  const slice = timeSlicer();
  // The file's rows, through views taken once (the shares pushed below are never read here).
  const { indicator, period, area } = buffer;
  const value = buffer.floatColumn("value");
  for (let i = 0; i < indicator.length; i++) {
    if (wanted.has(indicator[i]!)) ids.add(area[i]!);
    if ((i & 4095) === 4095) await slice();
  }
  if (ids.size === 0) return { indicators: [], values: 0, areaTypes };
  const authorities = await authorityMemberships(context.db, [...ids], "lsoa");
  // A published figure (the local authority summary) is never replaced by a calculated one.
  const stored = await sourceValueKeys(
    context.db,
    deciles.map((d) => shareSlug(d.draft.slug)),
    authorities.map((a) => a.authority),
  );
  const indicators: IndicatorDefinition[] = [];
  let values = 0;
  for (const decile of deciles) {
    const byArea = new Map<number, { decile: number | null; period: number }>();
    for (let i = 0; i < indicator.length; i++) {
      if (indicator[i] === decile.ref)
        byArea.set(area[i]!, { decile: Number.isNaN(value[i]!) ? null : value[i]!, period: period[i]! });
      if ((i & 4095) === 4095) await slice();
    }
    const share = defineIndicator({
      slug: shareSlug(decile.draft.slug),
      title: `${decile.draft.title.replace(/ decile\b/i, "")}: share of ${smallAreaName} in the most deprived 10% nationally`,
      definition: `The share of the authority's ${smallAreaName} in decile 1 (the most deprived 10% nationally) of "${decile.draft.title}", from 0 to 1. Worked out here for every authority valid today from the small areas of the file, when all of them have a decile (numerator: small areas in decile 1; denominator: all its small areas); the published local authority summary of the same measure is shown instead once imported.`,
      publisher: decile.draft.publisher,
      dataset: decile.draft.dataset,
      sourceUrl: decile.draft.sourceUrl,
      licence: decile.draft.licence,
      unit: "proportion",
      polarity: "higher-is-worse",
      tags: decile.draft.tags,
    });
    // Registered with the buffer only once it has a value: every indicator in the buffer must be
    // one the import defines (the writer looks each up in the catalogue).
    let ref: number | undefined;
    let added = 0;
    for (const authority of authorities) {
      const parts = authority.members.map((id) => byArea.get(id));
      if (parts.length === 0 || parts.some((p) => !p || p.decile === null)) continue;
      const period = buffer.periodCodes[parts[0]!.period]!;
      if (stored.has(`${share.slug}|${period}||${authority.authority}`)) continue;
      const inFirst = parts.filter((p) => p!.decile === 1).length;
      ref ??= buffer.indicatorRef(share.slug);
      buffer.push({
        indicator: ref,
        period: parts[0]!.period,
        area: authority.authority,
        value: inFirst / parts.length,
        numerator: inFirst,
        denominator: parts.length,
        flags: FLAG.derived | FLAG.fromSmallAreas,
      });
      areaTypes.set(authority.authority, "local-authority");
      added++;
    }
    if (added > 0) {
      indicators.push(share);
      values += added;
    }
  }
  return { indicators, values, areaTypes };
}
