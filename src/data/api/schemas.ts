/**
 * The API's Zod schemas: query strings are parsed with them, and the OpenAPI document is
 * generated from the same objects, so the documentation cannot drift from what is accepted.
 * Response schemas are documentation, and the integration tests parse real responses with them.
 */
import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { areaTypes, GSS_CODE } from "../geography/index.ts";

export const MAX_PAGE_SIZE = 1000;

/**
 * Keyset pages: `after` is the cursor from the previous page's `next` link. Each page is an
 * index seek from the cursor, so page 1,000 costs what page 1 does (an offset would scan
 * everything it skips).
 */
const areaCursor = z
  .string()
  .regex(GSS_CODE, "must be the cursor from a previous page's next link")
  .optional()
  .describe("Cursor: the `next` link of the previous page sets it.");
const dataCursor = z
  .string()
  .regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}$/, "must be the cursor from a previous page's next link")
  .optional()
  .describe("Cursor: the `next` link of the previous page sets it.");
const pageSize = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(100)
  .describe(`Items per page (1–${MAX_PAGE_SIZE}).`);
const gss = (what: string) => z.string().regex(GSS_CODE, "must be a GSS code like E06000005").describe(what);

export const areasQuery = z.strictObject({
  type: z.enum(areaTypes).optional().describe("Only areas of this type."),
  parent: gss(
    "Only areas linked directly to this parent area (e.g. the LSOAs or wards of an authority, the authorities of a region).",
  ).optional(),
  nation: z.enum(nations).optional().describe("Only areas in this nation."),
  after: areaCursor,
  pageSize,
});

export const dataQuery = z.strictObject({
  areaType: z.enum(areaTypes).optional().describe("Only values for areas of this type."),
  parent: gss("Only values for areas linked directly to this parent area.").optional(),
  period: z
    .string()
    .regex(/^[A-Za-z0-9/_-]{1,30}$/, "must be a period code like 2021/22, 2019 or 2022-Q1")
    .optional()
    .describe("Only this period (a code from the indicator's `periods`)."),
  breakdown: z
    .enum(["none", "all"])
    .default("none")
    .describe("`none`: headline values only; `all`: also values broken down (e.g. by family type)."),
  after: dataCursor,
  pageSize,
});

export const noQuery = z.strictObject({});

export const codeParams = z.object({
  code: z.string().regex(GSS_CODE).describe("GSS code of the area, e.g. E06000005."),
});
export const indicatorParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80)
    .describe("The indicator's id (slug)."),
});

// ---- responses ----
const nullableNumber = z.number().nullable();

export const flagsSchema = z
  .object({
    provisional: z.boolean(),
    suppressed: z.boolean(),
    estimated: z.boolean(),
    revised: z.boolean(),
    missing: z.boolean(),
    calculated: z
      .boolean()
      .describe(
        "Worked out at import, not in the source file: a region, nation or county total summed from its local authorities' figures, an authority's figure added up from its small areas', or a share worked out from small-area deciles (see method).",
      ),
    method: z.string().nullable().describe("How a calculated value was made, in words; null for a value from a file."),
  })
  .describe("Flags on the value. A suppressed or missing value is null, never 0.");

export const periodSchema = z
  .object({ code: z.string(), label: z.string(), start: z.string(), end: z.string() })
  .describe("The period the value is for.");

export const sourceSchema = z
  .object({
    publisher: z.string(),
    dataset: z.string(),
    url: z.string(),
    licence: z.string(),
    releaseDate: z.string().nullable(),
    nextReleaseDate: z.string().nullable(),
  })
  .describe("Where the figures come from.");

export const areaRefSchema = z.object({ code: z.string(), name: z.string(), type: z.string() });

export const areaSchema = areaRefSchema.extend({
  typeLabel: z.string(),
  nation: z.string().nullable(),
  upperTier: z.boolean(),
  lowerTier: z.boolean(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  links: z.object({ self: z.string(), profile: z.string() }),
});

export const areaDetailSchema = areaSchema.extend({
  parents: z.array(z.object({ relation: z.string(), area: areaRefSchema })),
});

export const indicatorSchema = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.string(),
  unit: z.string(),
  ratePer: z.number().int().nullable(),
  polarity: z.string(),
  access: z
    .enum(["open", "restricted"])
    .describe("`open`: readable without a token; `restricted`: needs a token whose user may see it."),
  disclosureRule: z.string(),
  source: sourceSchema,
  tags: z.record(z.string(), z.unknown()),
  areaTypes: z.array(z.string()),
  periods: z.array(z.string()).describe("Period codes with data, oldest first."),
  links: z.object({ self: z.string(), data: z.string() }),
});

const measures = {
  value: nullableNumber,
  numerator: nullableNumber,
  denominator: nullableNumber,
  ciLower: nullableNumber,
  ciUpper: nullableNumber,
  flags: flagsSchema,
};

export const valueSchema = z.object({
  area: areaRefSchema,
  period: periodSchema,
  breakdown: z.object({ dimension: z.string(), value: z.string() }).nullable(),
  ...measures,
  source: sourceSchema,
});

const pageInfo = z.object({
  size: z.number().int(),
  next: z.string().nullable().describe("The next page's URL, or null on the last page."),
});

export const areasPageSchema = z.object({ data: z.array(areaSchema), page: pageInfo });
export const indicatorListSchema = z.object({ data: z.array(indicatorSchema) });
export const dataPageSchema = z.object({
  indicator: z.object({ id: z.string(), title: z.string(), unit: z.string(), access: z.enum(["open", "restricted"]) }),
  data: z.array(valueSchema),
  page: pageInfo,
});

const changeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    direction: z.string(),
    judgement: z.string(),
    difference: nullableNumber,
    percent: nullableNumber,
  })
  .nullable();

const breakdownCellSchema = z.object({
  value: nullableNumber.describe("Null when withheld ([c]) or missing ([x]); never 0 for either."),
  suppressed: z.boolean(),
  provisional: z.boolean(),
});

export const profileIndicatorSchema = z.object({
  indicator: indicatorSchema.pick({ id: true, title: true, unit: true, polarity: true, access: true, source: true }),
  latest: z
    .object({ period: periodSchema, ...measures })
    .nullable()
    .describe("The newest period with a number."),
  newestPeriod: z
    .object({ period: periodSchema, ...measures })
    .nullable()
    .describe("The newest period of all (its value may be suppressed or missing)."),
  values: z.array(z.object({ period: periodSchema, ...measures })),
  trend: z.object({ sinceFirst: changeSchema, sincePrevious: changeSchema, provisional: z.boolean() }),
  rank: z
    .object({ position: z.number(), of: z.number(), tied: z.number(), withoutValue: z.number(), order: z.string() })
    .nullable(),
  comparisons: z.array(
    z.object({
      relation: z.string(),
      area: areaRefSchema,
      period: periodSchema.nullable(),
      value: nullableNumber,
      flags: flagsSchema.nullable(),
      result: z.string(),
      method: z.string(),
      note: z.string(),
    }),
  ),
  benchmark: z.object({ result: z.string(), method: z.string(), note: z.string() }),
  breakdowns: z
    .array(
      z.object({
        dimension: z.string().describe("What the values are broken down by, e.g. family type."),
        period: periodSchema.describe("The dimension's latest period."),
        disclosureRule: z.enum(["none", "small-count"]),
        values: z.array(
          breakdownCellSchema.extend({ label: z.string().describe("The breakdown's value, e.g. Lone parent.") }),
        ),
        total: breakdownCellSchema.nullable().describe("The area's figure with no breakdown in the same period."),
      }),
    )
    .describe(
      "Values by breakdown (family type, age …), each dimension in its latest period, as the profile page shows them: under the indicator's disclosure rule, applied to the breakdown and its total as one set.",
    ),
});

export const smallAreaPanelSchema = z
  .object({
    indicator: indicatorSchema.pick({ id: true, title: true, access: true, source: true }),
    period: periodSchema,
    distribution: z.object({
      counts: z
        .array(z.number().int())
        .describe("Small areas in each national decile: counts[0] is decile 1 (most deprived)."),
      areas: z.number().int(),
      withoutDecile: z.number().int(),
      children: nullableNumber,
      childrenMostDeprived10: nullableNumber,
      childrenMostDeprived20: nullableNumber,
    }),
    childrenPeriod: z
      .string()
      .nullable()
      .describe("Period of the child population used for the children counts (null when none)."),
    areas: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        decile: nullableNumber,
        flags: flagsSchema,
        children: nullableNumber,
      }),
    ),
  })
  .describe(
    "The authority's small areas (LSOAs / data zones) by deprivation decile, as in the profile's distribution and map.",
  );

export const profileSchema = z.object({
  area: areaSchema,
  indicators: z.array(profileIndicatorSchema),
  smallAreas: z.array(smallAreaPanelSchema),
  notes: z.array(z.string()),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe("For 400s: the query parameters at fault."),
  }),
});
