/**
 * CSV shapes of the API's answers (Accept: text/csv). Flags become columns; missing and
 * suppressed values stay empty cells, never 0. The kernel's writer escapes formulas.
 */
import type { areaOut, indicatorOut } from "./present.ts";
import type { getArea, indicatorData, ProfileBody } from "./api-service.ts";

export interface CsvTable {
  fileName: string;
  header: string[];
  rows: unknown[][];
}

type Flags = {
  provisional: boolean;
  suppressed: boolean;
  estimated: boolean;
  revised: boolean;
  missing: boolean;
  calculated: boolean;
  method: string | null;
};
/** "calculated": worked out at import (a total from local authorities, a figure from small areas); "method" says how. */
const FLAG_COLUMNS = ["provisional", "suppressed", "estimated", "revised", "missing", "calculated"] as const;
const flagCells = (flags: Flags) => [...FLAG_COLUMNS.map((name) => (flags[name] ? "yes" : "no")), flags.method ?? ""];

const AREA_HEADER = [
  "code",
  "name",
  "type",
  "type_label",
  "nation",
  "upper_tier",
  "lower_tier",
  "start_year",
  "end_year",
];
const areaCells = (a: ReturnType<typeof areaOut>) => [
  a.code,
  a.name,
  a.type,
  a.typeLabel,
  a.nation,
  a.upperTier,
  a.lowerTier,
  a.startYear,
  a.endYear,
];

export function areasCsv(list: ReturnType<typeof areaOut>[]): CsvTable {
  return { fileName: "areas.csv", header: AREA_HEADER, rows: list.map(areaCells) };
}

export function areaCsv(area: Awaited<ReturnType<typeof getArea>>): CsvTable {
  const parents = area.parents.map((p) => `${p.relation}:${p.area.code}`).join(" ");
  return {
    fileName: `area-${area.code}.csv`,
    header: [...AREA_HEADER, "parents"],
    rows: [[...areaCells(area), parents]],
  };
}

export function indicatorsCsv(list: ReturnType<typeof indicatorOut>[]): CsvTable {
  return {
    fileName: list.length === 1 ? `indicator-${list[0]!.id}.csv` : "indicators.csv",
    header: [
      "id",
      "title",
      "unit",
      "rate_per",
      "polarity",
      "access",
      "disclosure_rule",
      "publisher",
      "dataset",
      "source_url",
      "licence",
      "release_date",
      "next_release_date",
      "area_types",
      "periods",
    ],
    rows: list.map((i) => [
      i.id,
      i.title,
      i.unit,
      i.ratePer,
      i.polarity,
      i.access,
      i.disclosureRule,
      i.source.publisher,
      i.source.dataset,
      i.source.url,
      i.source.licence,
      i.source.releaseDate,
      i.source.nextReleaseDate,
      i.areaTypes.join(" "),
      i.periods.join(" "),
    ]),
  };
}

const VALUE_HEADER = ["value", "numerator", "denominator", "ci_lower", "ci_upper", ...FLAG_COLUMNS, "method"];
type Measures = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  flags: Flags;
};
const measureCells = (m: Measures) => [
  m.value,
  m.numerator,
  m.denominator,
  m.ciLower,
  m.ciUpper,
  ...flagCells(m.flags),
];

export function dataCsv(body: Awaited<ReturnType<typeof indicatorData>>): CsvTable {
  return {
    fileName: `${body.indicator.id}-data.csv`,
    header: [
      "indicator",
      "area_code",
      "area_name",
      "area_type",
      "period",
      "period_label",
      "breakdown_dimension",
      "breakdown_value",
      ...VALUE_HEADER,
      "publisher",
      "dataset",
    ],
    rows: body.data.map((v) => [
      body.indicator.id,
      v.area.code,
      v.area.name,
      v.area.type,
      v.period.code,
      v.period.label,
      v.breakdown?.dimension ?? "",
      v.breakdown?.value ?? "",
      ...measureCells(v),
      v.source.publisher,
      v.source.dataset,
    ]),
  };
}

/** One row per indicator and period: the profile's values, with the source on every row. */
export function profileCsv(body: ProfileBody): CsvTable {
  return {
    fileName: `profile-${body.area.code}.csv`,
    header: [
      "area_code",
      "area_name",
      "indicator",
      "title",
      "unit",
      "period",
      "period_label",
      ...VALUE_HEADER,
      "latest",
      "publisher",
      "dataset",
    ],
    rows: body.indicators.flatMap((p) =>
      p.values.map((v) => [
        body.area.code,
        body.area.name,
        p.indicator.id,
        p.indicator.title,
        p.indicator.unit,
        v.period.code,
        v.period.label,
        ...measureCells(v),
        p.latest?.period.code === v.period.code ? "yes" : "no",
        p.indicator.source.publisher,
        p.indicator.source.dataset,
      ]),
    ),
  };
}
