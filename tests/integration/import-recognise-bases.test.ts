/**
 * Every import kind's own small file (the fuzz test's bases, tests/helpers/import-bases.ts) is
 * recognised from its top as that kind first, and as no other particular kind: only the two
 * catch-alls (a table of figures by area code, a list of areas) may be offered beside it.
 */
import { describe, expect, it } from "vitest";
import { importers, recogniseFile, sourceFromBytes } from "../../src/data/imports/index.ts";
import { type ImportBase, importBases } from "../helpers/import-bases.ts";

const CATCH_ALL = new Set(["wide", "comparison-group"]);

const csv = (lines: string[]) => Buffer.from(`${lines.join("\n")}\n`);
const base = (kind: string, name: string, content: Buffer): ImportBase => ({
  kind,
  name,
  content,
  options: {},
  format: name.endsWith(".json") ? "json" : "csv",
});

/** Kinds (and layouts) the fuzz bases do not cover, in their published layouts with made-up values. */
const more: ImportBase[] = [
  base(
    "lsoa-changes",
    "LSOA11_LSOA21_LAD22_EW_LU.csv",
    csv(["LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM", "E01000001,Fuzz 001A,U,E01000001,Fuzz 001A"]),
  ),
  base(
    "msoa-boundaries",
    "msoa-E06000001.json",
    Buffer.from(
      JSON.stringify({
        type: "Topology",
        arcs: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        objects: {
          E06000001: {
            type: "GeometryCollection",
            geometries: [{ type: "Polygon", arcs: [[0]], properties: { MSOA11CD: "E02000001", MSOA11NM: "Fuzz 001" } }],
          },
        },
      }),
    ),
  ),
  base(
    "wimd",
    "wimd2019-scores.csv",
    csv([
      "LSOA code,LSOA name,Local authority name,WIMD 2019 ,Income ,Employment ",
      "W01000001,Fuzzcastle 1,Fuzz Isle,20.1,18.2,10.5",
      "W01000002,Fuzzcastle 2,Fuzz Isle,5.3,4.4,3.1",
    ]),
  ),
  base(
    "wimd",
    "wimd-2019-local-authority-analysis.csv",
    csv([
      "Data values,Data description,Area code,Area name,Domain,Deprivation group",
      "148,Number,W06000011,Swansea,WIMD,Total LSOAs",
      "(r) 17,Number,W06000011,Swansea,WIMD,Most deprived 10% LSOAs in Wales (ranks 1 - 191)",
      "11,Percentage,W06000011,Swansea,WIMD,Most deprived 10% LSOAs in Wales (ranks 1 - 191)",
    ]),
  ),
  base(
    "iod",
    "File_10_-_IoD2019_Local_Authority_District_Summaries.csv",
    csv([
      "Local Authority District code (2019),Local Authority District name (2019),IMD - Average rank,IMD - Rank of average rank,IMD - Average score,IMD - Rank of average score,IMD - Proportion of LSOAs in most deprived 10% nationally,IMD - Rank of proportion of LSOAs in most deprived 10% nationally",
      "E06000001,Fuzzpool,8000.5,10,35.037,10,0.4,5",
    ]),
  ),
];

describe("recognising each kind's own file", () => {
  for (const file of [...importBases, ...more])
    it(`${file.kind} (${file.name})`, async () => {
      const found = await recogniseFile(sourceFromBytes(file.name, file.content));
      const kinds = found.map((f) => f.importer.kind);
      expect(kinds[0], `${file.name}: ${kinds.join(", ")}`).toBe(file.kind);
      expect(kinds.slice(1).filter((kind) => !CATCH_ALL.has(kind))).toEqual([]);
      expect(found[0]!.reason.length).toBeGreaterThan(10);
    });

  it("has a base file for every kind", () => {
    const covered = new Set([...importBases, ...more].map((file) => file.kind));
    expect([...importers.keys()].filter((kind) => !covered.has(kind))).toEqual([]);
  });
});
