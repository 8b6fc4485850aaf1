/**
 * The demo's further fictional percentages, one or two for each driver and building block, so the
 * indicators overview and each needs-assessment section have their own figures, and an area
 * differs from its nation as real areas do: some significantly worse, some better, some no
 * different (the overview's Wilson intervals decide, from the numerators and denominators here).
 * Every figure is invented; each title says "Fictional demo data".
 */
import type { IndicatorTags } from "../../data/indicators/index.ts";

export interface DemoMeasure {
  /** The wide file's column prefix and the indicator's slug after "demo-". */
  key: string;
  title: string;
  polarity: "higher-is-worse" | "higher-is-better";
  tags: IndicatorTags;
  /** Share of the area's child population counted in the denominator. */
  share: number;
  /** Change per year in percentage points. */
  perYear: number;
  /** The first year's percentage by area code. */
  start: Record<string, number>;
  definition: string;
}

export const demoMeasures: DemoMeasure[] = [
  {
    key: "workless-households",
    title: "Children in workless households (Fictional demo data), %",
    polarity: "higher-is-worse",
    tags: { drivers: ["income-from-employment"], buildingBlocks: ["parental-employment-and-skills"] },
    share: 1,
    perYear: -0.2,
    // Darlington and Dundee worse than their nations; Swansea no different from Wales.
    start: {
      E92000001: 11.0,
      E12000001: 14.5,
      E06000005: 16.0,
      S92000003: 10.5,
      S12000042: 15.5,
      W92000004: 12.5,
      W06000011: 12.4,
    },
    definition: "Children under 16 living in households where no adult is in work.",
  },
  {
    key: "parents-low-pay",
    title: "Working parents paid below the real Living Wage (Fictional demo data), %",
    polarity: "higher-is-worse",
    tags: { drivers: ["income-from-employment"], buildingBlocks: ["parental-employment-and-skills"] },
    share: 0.6,
    perYear: -0.3,
    start: {
      E92000001: 17.0,
      E12000001: 20.0,
      E06000005: 19.5,
      S92000003: 15.0,
      S12000042: 15.1,
      W92000004: 19.0,
      W06000011: 21.5,
    },
    definition: "Employed parents of dependent children whose hourly pay is below the real Living Wage.",
  },
  {
    key: "fuel-poverty-families",
    title: "Households with children in fuel poverty (Fictional demo data), %",
    polarity: "higher-is-worse",
    tags: { drivers: ["costs-of-living"], buildingBlocks: ["place"] },
    share: 0.55,
    perYear: 0.4,
    // Darlington no different from England; Dundee worse; Swansea better.
    start: {
      E92000001: 13.2,
      E12000001: 14.0,
      E06000005: 13.3,
      S92000003: 24.0,
      S12000042: 27.5,
      W92000004: 14.0,
      W06000011: 12.0,
    },
    definition: "Households with dependent children who cannot keep their home warm at a reasonable cost.",
  },
  {
    key: "rent-arrears-families",
    title: "Social tenants with children in rent arrears (Fictional demo data), %",
    polarity: "higher-is-worse",
    tags: { drivers: ["costs-of-living"], buildingBlocks: ["place"] },
    share: 0.18,
    perYear: 0.5,
    start: {
      E92000001: 28.0,
      E12000001: 31.0,
      E06000005: 23.5,
      S92000003: 30.0,
      S12000042: 34.0,
      W92000004: 27.0,
      W06000011: 26.8,
    },
    definition: "Social housing tenancies with dependent children that are in arrears at the year end.",
  },
  {
    key: "two-year-old-childcare",
    title: "Eligible two-year-olds taking up funded childcare (Fictional demo data), %",
    polarity: "higher-is-better",
    tags: { drivers: ["costs-of-living"], buildingBlocks: ["life-chances"] },
    share: 0.04,
    perYear: 0.6,
    // Darlington better than England; Dundee and Swansea worse.
    start: {
      E92000001: 72.0,
      E12000001: 80.0,
      E06000005: 84.0,
      S92000003: 58.0,
      S12000042: 51.0,
      W92000004: 70.0,
      W06000011: 63.0,
    },
    definition: "Two-year-olds eligible for funded early learning and childcare who take up a place.",
  },
  {
    key: "free-school-meals-take-up",
    title: "Pupils eligible for free school meals who take them (Fictional demo data), %",
    polarity: "higher-is-better",
    tags: { drivers: ["income-from-social-security"], buildingBlocks: ["financial-support"] },
    share: 0.2,
    perYear: 0.3,
    start: {
      E92000001: 84.0,
      E12000001: 86.0,
      E06000005: 84.2,
      S92000003: 80.0,
      S12000042: 86.5,
      W92000004: 82.0,
      W06000011: 88.0,
    },
    definition: "Pupils eligible for free school meals who took a meal on the census day.",
  },
];

export const demoMeasureSlug = (measure: DemoMeasure) => `demo-${measure.key}`;

/** A measure's percentage for an area in year `p` (0 = the first): a trend with a small deterministic wobble. */
export function demoMeasurePercent(measure: DemoMeasure, code: string, p: number, k: number): number {
  const start = measure.start[code] ?? 0;
  return Math.min(99, Math.max(1, start + p * measure.perYear + Math.sin(p * 1.7 + k + measure.key.length) * 0.35));
}
