import { describe, expect, it } from "vitest";
import { buildReferenceGeography } from "./build-reference.ts";

/** A small topology in the ONS layout: layers by level, areacd/areanm, start/end where a code changed. */
const topology = {
  objects: {
    uk: { geometries: [{ properties: { areacd: "K02000001", areanm: "United Kingdom" } }] },
    ctry: {
      geometries: [
        { properties: { areacd: "E92000001", areanm: "England" } },
        { properties: { areacd: "W92000004", areanm: "Wales" } },
      ],
    },
    rgn: { geometries: [{ properties: { areacd: "E12000006", areanm: "East of England" } }] },
    cty: { geometries: [{ properties: { areacd: "E10000029", areanm: "Suffolk" } }] },
    utla: { geometries: [{ properties: { areacd: "E10000029", areanm: "Suffolk" } }] },
    ltla: {
      geometries: [
        { properties: { areacd: "E07000200", areanm: "Babergh" } },
        { properties: { areacd: "E07000205", areanm: "Suffolk Coastal", end: 2018 } },
        { properties: { areacd: "E07000206", areanm: "Waveney", end: 2018 } },
        { properties: { areacd: "E07000244", areanm: "East Suffolk", start: 2019 } },
        { properties: { areacd: "W06000015", areanm: "Cardiff" } },
      ],
    },
  },
};

describe("buildReferenceGeography", () => {
  const built = buildReferenceGeography({
    topology,
    ltlaLookup: ["E07000200", "E07000205", "E07000206"].map((ltlacd) => ({
      ltlacd,
      ltlanm: "",
      ctycd: "E10000029",
      ctynm: "Suffolk",
      mctycd: "",
      mctynm: "",
      cauthcd: "",
      cauthnm: "",
      rgncd: "E12000006",
      rgnnm: "East of England",
      ctrycd: "E92000001",
      ctrynm: "England",
    })),
    changes: [
      {
        oldcd: "E07000205",
        oldnm: "Suffolk Coastal",
        newcd: "E07000244",
        newnm: "East Suffolk",
        type: "merger",
        start: "2019",
      },
      {
        oldcd: "E07000206",
        oldnm: "Waveney",
        newcd: "E07000244",
        newnm: "East Suffolk",
        type: "merger",
        start: "2019",
      },
    ],
    // Synthetic rows in the layouts of the ONS LAD → local health board lookup and an LSOA lookup of 2019.
    lookups: [
      [
        {
          LAD22CD: "W06000015",
          LAD22NM: "Cardiff",
          LHB22CD: "W11000029",
          LHB22NM: "Cardiff and Vale University Health Board",
        },
      ],
      [
        {
          FID: "1",
          LSOA11CD: "E01030000",
          LSOA11NM: "Babergh 001A",
          LAD19CD: "E07000200",
          LAD19NM: "Babergh District",
        },
      ],
    ],
  });
  const area = (code: string) => built.areas.find((a) => a[0] === code);
  const parents = (code: string) => built.parents.filter((p) => p[0] === code).map((p) => p[1]);

  it("keeps every area with its type, tiers and years", () => {
    expect(area("E10000029")).toEqual(["E10000029", "Suffolk", "county", 1, null, null]);
    expect(area("E07000205")).toEqual(["E07000205", "Suffolk Coastal", "local-authority", 2, null, 2018]);
    expect(area("E07000244")).toEqual(["E07000244", "East Suffolk", "local-authority", 2, 2019, null]);
    expect(area("W11000029")?.[2]).toBe("health-board");
  });

  it("links authorities to county, region and nation, and to a health board from any ONS lookup", () => {
    expect(parents("E07000205").sort()).toEqual(["E10000029", "E12000006", "E92000001"]);
    expect(parents("W06000015").sort()).toEqual(["W11000029", "W92000004"]);
    expect(parents("E92000001")).toEqual(["K02000001"]);
    // The successor's county and region come from its predecessors when loaded (successors.ts), not from the file.
    expect(parents("E07000244")).toEqual(["E92000001"]);
  });

  it("keeps the code changes and the names an authority had in a lookup's year", () => {
    expect(built.changes).toHaveLength(2);
    expect(built.formerNames).toEqual([["E07000200", "Babergh District", 2019]]);
  });
});
