import { describe, expect, it } from "vitest";
import { CsvTable } from "../csv-table.ts";
import { simdLayout } from "./scotland-wales-layouts.ts";

const table = (header: string, ...rows: string[]) =>
  new CsvTable([header, ...rows].map((line, i) => ({ line: i + 1, cells: line.split(",") })));

function slugs(header: string): Record<string, string> {
  const spec = simdLayout(table(header, "S01006506,1,2,3,4,5"), undefined);
  if (typeof spec === "string") throw new Error(spec);
  return Object.fromEntries(spec.columns.map((column) => [column.column, column.indicator.slug]));
}

describe("SIMD layouts", () => {
  it("gives the Scottish Government's ranks file and Public Health Scotland's lookup the same identifiers", () => {
    // gov.scot's "SIMD 2020v2 ranks" and opendata.nhs.scot's SIMD 2020v2 lookup name the same
    // measures differently ("_Decile" and "CountryDecile"): one indicator each, not two.
    expect(slugs("DZ,SIMD2020v2_Rank,SIMD2020v2_Decile,SIMD2020v2_Quintile")).toEqual({
      SIMD2020v2_Rank: "simd2020v2-rank",
      SIMD2020v2_Decile: "simd2020v2-decile",
      SIMD2020v2_Quintile: "simd2020v2-quintile",
    });
    expect(
      slugs("DataZone,SIMD2020V2Rank,SIMD2020V2CountryDecile,SIMD2020V2CountryQuintile,SIMD2020V2HBDecile"),
    ).toEqual({
      SIMD2020V2Rank: "simd2020v2-rank",
      SIMD2020V2CountryDecile: "simd2020v2-decile",
      SIMD2020V2CountryQuintile: "simd2020v2-quintile",
      // Deciles within a health board are another measure, kept apart.
      SIMD2020V2HBDecile: "simd2020v2-hbdecile",
    });
  });
});
