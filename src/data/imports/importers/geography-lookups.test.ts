import { describe, expect, it } from "vitest";
import { CsvTable } from "../csv-table.ts";
import { findLevel } from "./geography-lookups.ts";

const table = (...header: string[]) => new CsvTable([{ line: 1, cells: header }]);

describe("findLevel", () => {
  it("pairs each code column with its name column, whatever the case (ONS and NRS layouts)", () => {
    expect(findLevel(table("LSOA11CD", "LSOA11NM", "LAD19CD"), ["lsoa"])).toEqual({
      code: "LSOA11CD",
      name: "LSOA11NM",
      vintage: 2011,
    });
    expect(findLevel(table("DZ2011_Code", "DZ2011_Name", "IZ2011_Code", "IZ2011_Name"), ["iz"])).toEqual({
      code: "IZ2011_Code",
      name: "IZ2011_Name",
      vintage: 2011,
    });
    expect(findLevel(table("lsoa21cd", "lsoa21nm"), ["lsoa"])).toMatchObject({ name: "lsoa21nm", vintage: 2021 });
  });

  it("falls back to the code column when the file has no names", () => {
    expect(findLevel(table("MSOA11CD", "LAD19CD"), ["msoa"])).toMatchObject({ code: "MSOA11CD", name: "MSOA11CD" });
  });
});
