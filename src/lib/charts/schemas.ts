import { z } from "zod";

/** How values are shown in labels and tables; charts never invent a unit. */
export const unitSchema = z.enum(["percentage", "count", "rate", "score", "rank", "currency"]);
export type Unit = z.infer<typeof unitSchema>;

/**
 * One observation. `null` is missing (not collected / not available); "suppressed" is withheld for
 * disclosure control. Neither is ever drawn as zero.
 */
export const pointSchema = z.union([z.number().finite(), z.null(), z.literal("suppressed")]);
export type Point = z.infer<typeof pointSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const commonChartSchema = z.object({
  /** Used for <title>, the table caption and (if displayTitle) drawn in the chart. */
  title: text(200),
  /** Drawn above the plot: typically the measure, period and source. */
  subtitle: z.string().trim().max(300).optional(),
  /** Source statement; appended to the subtitle and the table caption. */
  source: z.string().trim().max(200).optional(),
  unit: unitSchema.default("count"),
  /** Decimal places for labels and tables; defaults by unit. */
  decimals: z.number().int().min(0).max(4).optional(),
  /** e.g. "per 1,000 children" for rates. */
  unitLabel: z.string().trim().max(60).optional(),
  displayTitle: z.boolean().default(false),
  width: z.number().int().min(240).max(2000).default(640),
  height: z.number().int().min(160).max(2000).optional(),
});

export const trendChartSchema = commonChartSchema.extend({
  periods: z
    .array(z.object({ label: text(40), provisional: z.boolean().default(false) }))
    .min(1)
    .max(60),
  series: z
    .array(z.object({ name: text(80), values: z.array(pointSchema) }))
    .min(1)
    .max(8),
  target: z.object({ value: z.number().finite(), label: text(80) }).optional(),
});
export type TrendChartInput = z.input<typeof trendChartSchema>;

export const comparisonChartSchema = commonChartSchema.extend({
  /** Period the values refer to, shown in the subtitle, e.g. "2021/22 (p)". */
  period: text(40),
  areas: z
    .array(
      z.object({
        code: z.string().trim().max(20).optional(),
        name: text(100),
        value: pointSchema,
        lower: z.number().finite().optional(),
        upper: z.number().finite().optional(),
      }),
    )
    .min(1)
    .max(60),
  /** Code or name of the area to highlight. */
  selected: z.string().trim().max(100).optional(),
  benchmarks: z
    .array(z.object({ name: text(80), value: z.number().finite() }))
    .max(4)
    .default([]),
  /** Ranking order: "desc" puts the highest value on top. */
  order: z.enum(["desc", "asc", "input"]).default("desc"),
  /** What the bars are, for the data table's first column ("Area" unless said, e.g. "Option"). */
  categoryLabel: text(40).default("Area"),
});
export type ComparisonChartInput = z.input<typeof comparisonChartSchema>;

export const distributionChartSchema = commonChartSchema.extend({
  /** Category labels along the x axis, e.g. deciles "1" … "10". */
  categories: z
    .array(z.object({ label: text(60), count: z.number().int().min(0) }))
    .min(1)
    .max(40),
  xAxisLabel: z.string().trim().max(100).optional(),
  yAxisLabel: z.string().trim().max(100).optional(),
  /** Draws the count each category would have if areas were spread evenly. */
  showEvenSpread: z.boolean().default(false),
});
export type DistributionChartInput = z.input<typeof distributionChartSchema>;

export const statusValues = ["red", "amber", "green", "complete", "not-started"] as const;
export const statusChartSchema = commonChartSchema.extend({
  groups: z
    .array(
      z.object({
        name: text(100),
        counts: z.object({
          red: z.number().int().min(0).default(0),
          amber: z.number().int().min(0).default(0),
          green: z.number().int().min(0).default(0),
          complete: z.number().int().min(0).default(0),
          "not-started": z.number().int().min(0).default(0),
        }),
      }),
    )
    .min(1)
    .max(40),
  /** Statuses to draw, in order; statuses with no counts anywhere are left out. */
  statuses: z.array(z.enum(statusValues)).default([...statusValues]),
});
export type StatusChartInput = z.input<typeof statusChartSchema>;
