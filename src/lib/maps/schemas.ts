import { z } from "zod";

const pointSchema = z.union([z.number().finite(), z.null(), z.literal("suppressed")]);

/** Shallow check only: a full TopoJSON validation would cost more than drawing it. */
export const topologySchema = z
  .object({
    type: z.literal("Topology"),
    objects: z.record(z.string(), z.object({ type: z.string() }).passthrough()),
    arcs: z.array(z.array(z.array(z.number()))),
    transform: z
      .object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })
      .optional(),
  })
  .passthrough();

export const classificationSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("quantile"), classes: z.number().int().min(2).max(9).default(5) }),
  /** Ascending class boundaries: n + 1 numbers make n classes, the last one closed. */
  z.object({ method: z.literal("breaks"), breaks: z.array(z.number().finite()).min(2).max(11) }),
  /** Exact values, e.g. deciles 1–10, each with its legend label. */
  z.object({
    method: z.literal("categories"),
    categories: z
      .array(
        z.object({
          value: z.number().finite(),
          label: z.string().trim().min(1).max(60),
          /** Fixed colour for a nominal category (e.g. a status); the sequential palette otherwise. */
          colour: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/)
            .optional(),
          /** Marks over the colour so the category does not rely on colour alone. */
          pattern: z.enum(["stripes", "crosshatch"]).optional(),
        }),
      )
      .min(1)
      .max(12),
  }),
]);
export type Classification = z.input<typeof classificationSchema>;

export const choroplethSchema = z.object({
  topology: topologySchema,
  /** TopoJSON object to draw; defaults to the only (or first) one. */
  layer: z.string().optional(),
  /** Feature property with the area code / name; detected ("…CD"/"…NM", "areacd"/"areanm") if not given. */
  codeProperty: z.string().optional(),
  nameProperty: z.string().optional(),
  /** Only draw these area codes (e.g. one region's authorities); all features otherwise. */
  include: z.array(z.string()).optional(),
  values: z.array(z.object({ code: z.string().trim().min(1).max(20), value: pointSchema })).max(50_000),
  title: z.string().trim().min(1).max(200),
  /** Name of the measure, used in the legend heading and tooltips. */
  measure: z.string().trim().min(1).max(120),
  period: z.string().trim().min(1).max(40),
  source: z.string().trim().max(200).optional(),
  unit: z.enum(["percentage", "count", "rate", "score", "rank", "currency"]).default("count"),
  decimals: z.number().int().min(0).max(4).optional(),
  classification: classificationSchema.default({ method: "quantile", classes: 5 }),
  /** Darkest colour for the lowest class instead of the highest (e.g. decile 1 = most deprived). */
  reverse: z.boolean().default(false),
  /** Legend and table label for areas with no value, e.g. "No partnership"; "[x] No data" otherwise. */
  missingLabel: z.string().trim().min(1).max(60).optional(),
  /** Plain neutral fill for areas with no value where "missing" is expected (e.g. no partnership), instead of the dotted pattern. */
  missingFill: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  /** Area drawn with a heavy outline, e.g. the partnership's own authority. */
  highlight: z.string().optional(),
  attribution: z
    .string()
    .max(300)
    .default(
      "Contains OS data © Crown copyright and database right. Contains public sector information licensed under the Open Government Licence v3.0.",
    ),
  width: z.number().int().min(320).max(2000).default(760),
  height: z.number().int().min(240).max(2000).default(620),
});
export type ChoroplethInput = z.input<typeof choroplethSchema>;
export type ChoroplethOptions = z.output<typeof choroplethSchema>;
