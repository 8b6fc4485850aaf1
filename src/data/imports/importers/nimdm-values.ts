/**
 * The indicators of a NIMDM results file and the values written for them: the published
 * ranks and percentages as they are, and — each with its method in the indicator's
 * definition — the decile of every rank cut over the number of areas NISRA ranks, and each
 * local government district's share of its areas in the most deprived 10% (decile 1).
 */
import {
  defineIndicator,
  FLAG,
  type IndicatorDefinition,
  type IndicatorDraft,
  ObservationBuffer,
} from "../../indicators/index.ts";
import { OGL } from "./deprivation-layouts.ts";
import type { NimdmLayout, NimdmMeasure } from "./nimdm-layout.ts";

export interface NimdmRow {
  line: number;
  code: string;
  name: string;
  lgd: string;
  /** Measure index → the published value (ranks whole numbers 1 … area count). */
  values: (number | null)[];
}

const GEOGRAPHY = {
  soa: { plural: "Super Output Areas", short: "SOA", slug: "" },
  sa: { plural: "Small Areas", short: "Small Area", slug: "sa-" },
} as const;

/** Decile 1 is the most deprived 10%: ⌈10 × rank ÷ number of areas ranked⌉. */
export const decileOfRank = (rank: number, areaCount: number) => Math.ceil((10 * rank) / areaCount);

function source(release: number) {
  return {
    publisher: "Northern Ireland Statistics and Research Agency",
    dataset: `Northern Ireland Multiple Deprivation Measure ${release}`,
    sourceUrl:
      "https://www.nisra.gov.uk/statistics/deprivation/northern-ireland-multiple-deprivation-measure-2017-nimdm2017",
    licence: OGL,
    tags: { topics: ["deprivation"] },
  };
}

export interface NimdmIndicators {
  /** One per measure, in the layout's order. */
  published: IndicatorDefinition[];
  /** Per rank measure (by measure index): its decile, and the district share in decile 1. */
  deciles: Map<number, IndicatorDefinition>;
  shares: Map<number, IndicatorDefinition>;
}

export function nimdmIndicators(layout: NimdmLayout, release: number): NimdmIndicators {
  const where = GEOGRAPHY[layout.geography];
  const n = layout.areaCount.toLocaleString("en-GB");
  const base = (m: NimdmMeasure) => `nimdm${release}-${where.slug}${m.domain}`;
  const label = (m: NimdmMeasure) => `NIMDM ${release} ${m.title}`;
  const published = layout.measures.map((m) =>
    defineIndicator({
      ...source(release),
      ...(m.kind === "rank"
        ? {
            slug: `${base(m)}-rank`,
            title: `${label(m)} rank (${where.plural})`,
            definition: `${m.column.trim()}: the ${where.short}'s rank among Northern Ireland's ${n} ${where.plural}, 1 the most deprived (NIMDM ${release}).`,
            unit: "rank",
            polarity: "higher-is-better",
          }
        : {
            slug: `${base(m)}-percentage`,
            title: `${label(m)}: percentage of people ${m.domain === "income" ? "income" : "employment"} deprived (${where.plural})`,
            definition: `${m.column.trim()}: the percentage of the ${where.short}'s ${m.domain === "income" ? "population living in income-deprived households" : "working-age population employment deprived"} (NIMDM ${release}).`,
            unit: "percentage",
            polarity: "higher-is-worse",
          }),
    } satisfies IndicatorDraft),
  );
  const deciles = new Map<number, IndicatorDefinition>();
  const shares = new Map<number, IndicatorDefinition>();
  layout.measures.forEach((m, i) => {
    if (m.kind !== "rank") return;
    deciles.set(
      i,
      defineIndicator({
        ...source(release),
        slug: `${base(m)}-decile`,
        title: `${label(m)} decile (${where.plural})`,
        definition: `The ${where.short}'s decile of "${m.column.trim()}" in Northern Ireland (1 = the most deprived 10%), worked out from the published rank: decile = ⌈10 × rank ÷ ${n}⌉, over the ${n} ${where.plural} NISRA ranks. NISRA publishes ranks only; the quintile is ⌈decile ÷ 2⌉.`,
        unit: "decile",
        polarity: "higher-is-better",
      }),
    );
    shares.set(
      i,
      defineIndicator({
        ...source(release),
        slug: `${base(m)}-proportion-most-deprived-10`,
        title: `${label(m)}: share of ${where.plural} in the most deprived 10% of Northern Ireland`,
        definition: `The share of the district's ${where.plural} in decile 1 (the most deprived 10% of Northern Ireland's ${n}) of "${m.column.trim()}", from 0 to 1. Worked out here from a complete results file (all ${n} ${where.plural}, each in the local government district (2014) the file gives it): numerator the district's ${where.plural} in decile 1, denominator all of them.`,
        unit: "proportion",
        polarity: "higher-is-worse",
      }),
    );
  });
  return { published, deciles, shares };
}

/**
 * Every value of the file, its deciles and — when the file holds every area NISRA ranks —
 * each district's share in decile 1. `ids` maps area codes (the file's and the districts') to ids.
 */
export function nimdmBuffer(
  layout: NimdmLayout,
  indicators: NimdmIndicators,
  rows: readonly NimdmRow[],
  period: string,
  ids: ReadonlyMap<string, number>,
): ObservationBuffer {
  const buffer = new ObservationBuffer(rows.length * (layout.measures.length * 2 + 1));
  const periodRef = buffer.periodRef(period);
  const complete = rows.length === layout.areaCount;
  layout.measures.forEach((_, i) => {
    const published = buffer.indicatorRef(indicators.published[i]!.slug);
    const decile = indicators.deciles.get(i);
    const decileRef = decile ? buffer.indicatorRef(decile.slug) : -1;
    const inFirst = new Map<string, { first: number; all: number }>();
    for (const row of rows) {
      const area = ids.get(row.code)!;
      const value = row.values[i] ?? null;
      buffer.push({ indicator: published, period: periodRef, area, value, flags: value === null ? FLAG.missing : 0 });
      if (!decile || value === null) continue;
      const d = decileOfRank(value, layout.areaCount);
      buffer.push({ indicator: decileRef, period: periodRef, area, value: d, flags: FLAG.derived | FLAG.fromScores });
      const count = inFirst.get(row.lgd) ?? { first: 0, all: 0 };
      count.all++;
      if (d === 1) count.first++;
      inFirst.set(row.lgd, count);
    }
    const share = indicators.shares.get(i);
    if (!share || !complete) return;
    const shareRef = buffer.indicatorRef(share.slug);
    for (const [lgd, count] of inFirst)
      buffer.push({
        indicator: shareRef,
        period: periodRef,
        area: ids.get(lgd)!,
        value: count.first / count.all,
        numerator: count.first,
        denominator: count.all,
        flags: FLAG.derived | FLAG.fromSmallAreas,
      });
  });
  return buffer;
}
