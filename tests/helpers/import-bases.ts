import { xlsxWorkbook } from "./xlsx.ts";

/**
 * One small, valid file for every import kind, each loading cleanly on top of the ones before
 * it (geography first): the seeds the import fuzz test malforms. Fictional names, real code shapes.
 */
export interface ImportBase {
  kind: string;
  name: string;
  content: Buffer;
  options: Record<string, unknown>;
  format: "csv" | "json" | "xlsx";
  /** Columns whose cells must be numbers (by header), and those that count things (never negative). */
  numeric?: string[];
  counts?: string[];
}

const polygon = (arc: number, areacd: string, areanm: string) => ({
  type: "Polygon",
  arcs: [[arc]],
  properties: { areacd, areanm },
});
const square = (x: number) => [
  [x, 0],
  [x + 10, 0],
  [x + 10, 10],
  [x, 10],
  [x, 0],
];

const topology = {
  type: "Topology",
  arcs: [square(0), square(20), square(40)],
  objects: {
    uk: { type: "GeometryCollection", geometries: [polygon(0, "K02000001", "United Kingdom")] },
    ctry: {
      type: "GeometryCollection",
      geometries: [polygon(0, "E92000001", "England"), polygon(2, "S92000003", "Scotland")],
    },
    rgn: { type: "GeometryCollection", geometries: [polygon(0, "E12000001", "North East")] },
    utla: {
      type: "GeometryCollection",
      geometries: [
        polygon(0, "E06000001", "Fuzzpool"),
        polygon(1, "E06000002", "Testbrough"),
        polygon(2, "S12000033", "Aberfuzz City"),
      ],
    },
    ltla: {
      type: "GeometryCollection",
      geometries: [
        polygon(0, "E06000001", "Fuzzpool"),
        polygon(1, "E06000002", "Testbrough"),
        polygon(2, "S12000033", "Aberfuzz City"),
      ],
    },
  },
};

const smallAreas = {
  type: "Topology",
  arcs: [square(0), square(20)],
  objects: {
    E06000001: {
      type: "GeometryCollection",
      geometries: [
        { type: "Polygon", arcs: [[0]], properties: { LSOA11CD: "E01000001", LSOA11NM: "Fuzzpool 001A" } },
        { type: "Polygon", arcs: [[1]], properties: { LSOA11CD: "E01000002", LSOA11NM: "Fuzzpool 001B" } },
      ],
    },
  },
};

const csv = (lines: string[]) => Buffer.from(`${lines.join("\n")}\n`);
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 1));

const IDACI = "Income Deprivation Affecting Children Index (IDACI)";

export const importBases: ImportBase[] = [
  { kind: "geography-topology", name: "fuzz-areas.json", content: json(topology), options: {}, format: "json" },
  {
    kind: "ltla-lookup",
    name: "ltla-lookup.csv",
    format: "csv",
    options: {},
    content: csv([
      "ltlacd,ltlanm,ctycd,ctynm,mctycd,mctynm,cauthcd,cauthnm,rgncd,rgnnm,ctrycd,ctrynm",
      "E06000001,Fuzzpool,,,,,E47000006,Tees Fuzz,E12000001,North East,E92000001,England",
      "E06000002,Testbrough,,,,,E47000006,Tees Fuzz,E12000001,North East,E92000001,England",
    ]),
  },
  {
    kind: "lsoa-lookup",
    name: "lsoa-lookup.csv",
    format: "csv",
    options: {},
    content: csv([
      "LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM",
      "E01000001,Fuzzpool 001A,E05008942,Burn Fuzz,E06000001,Fuzzpool",
      "E01000002,Fuzzpool 001B,E05008942,Burn Fuzz,E06000001,Fuzzpool",
      "E01000003,Testbrough 001A,E05001234,Linthorpe Test,E06000002,Testbrough",
    ]),
  },
  {
    kind: "dz-lookup",
    name: "dz-lookup.csv",
    format: "csv",
    options: {},
    content: csv([
      "DZ2011_Code,DZ2011_Name,IZ2011_Code,IZ2011_Name,MMWard_Code,MMWard_Name,LA_Code,LA_Name,HB_Code,HB_Name",
      "S01006506,Culfuzz - 01,S02001236,Culfuzz,S13002834,Lower Fuzzside,S12000033,Aberfuzz City,S08000020,Grampfuzz",
      "S01006507,Culfuzz - 02,S02001236,Culfuzz,S13002834,Lower Fuzzside,S12000033,Aberfuzz City,S08000020,Grampfuzz",
    ]),
  },
  {
    kind: "code-changes",
    name: "code-changes.csv",
    format: "csv",
    options: {},
    numeric: ["start"],
    content: csv([
      "oldcd,oldnm,newcd,newnm,type,start",
      "E07000048,Old Fuzzchurch,E06000058,New Fuzzchurch,merger,2019",
      "E07000049,Old Testford,,,termination,2020",
    ]),
  },
  { kind: "lsoa-boundaries", name: "E06000001.json", content: json(smallAreas), options: {}, format: "json" },
  {
    kind: "neighbours",
    name: "neighbours.json",
    format: "json",
    options: {},
    content: json({ E06000001: [["E06000002"]], E06000002: [["E06000001"], "S12000033"] }),
  },
  {
    kind: "comparison-group",
    name: "group.csv",
    format: "csv",
    options: { name: "Fuzz group" },
    content: csv(["area_code,area_name", "E06000001,Fuzzpool", "E06000002,Testbrough"]),
  },
  {
    kind: "statxplore",
    name: "statxplore.csv",
    format: "csv",
    options: { indicator: "fuzz-clif", title: "Children in low income families (fuzz)" },
    numeric: ["2022/23", "2023/24 (p)"],
    counts: ["2022/23", "2023/24 (p)"],
    content: csv([
      '"Children in low income families (fictional)"',
      '"Financial Year","2022/23","2023/24 (p)"',
      '"Fuzzpool","4325","4488"',
      '"Testbrough","8234","9154"',
    ]),
  },
  {
    kind: "iod",
    name: "iod.csv",
    format: "csv",
    options: {},
    numeric: [`${IDACI} Rank (where 1 is most deprived)`, `${IDACI} Decile (where 1 is most deprived 10% of LSOAs)`],
    content: csv([
      `LSOA code (2011),LSOA name (2011),${IDACI} Rank (where 1 is most deprived),${IDACI} Decile (where 1 is most deprived 10% of LSOAs)`,
      "E01000001,Fuzzpool 001A,1234,1",
      "E01000002,Fuzzpool 001B,20000,7",
      "E01000003,Testbrough 001A,300,1",
    ]),
  },
  {
    kind: "simd",
    name: "simd.csv",
    format: "csv",
    options: {},
    numeric: ["SIMD2020v2_Rank", "SIMD2020v2_Decile", "Population"],
    counts: ["Population"],
    content: csv(["DZ,SIMD2020v2_Rank,SIMD2020v2_Decile,Population", "S01006506,5000,8,820", "S01006507,400,1,760"]),
  },
  {
    kind: "tidy",
    name: "tidy.csv",
    format: "csv",
    options: {},
    numeric: ["value", "numerator", "denominator"],
    counts: ["numerator", "denominator"],
    content: csv([
      "area_code,period,indicator,measure,value,numerator,denominator,flag",
      "E06000001,2023/24,Fuzz children helped,count,120,,,",
      "E06000002,2023/24,Fuzz children helped,count,240,,,p",
      "E06000001,2023/24,Fuzz take-up,percent,12.5,15,120,",
    ]),
  },
  {
    kind: "tidy",
    name: "tidy.xlsx",
    format: "xlsx",
    options: {},
    content: xlsxWorkbook([
      ["area_code", "period", "indicator", "measure", "value"],
      ["E06000001", "2022/23", "Fuzz xlsx count", "count", 11],
      ["E06000002", "2022/23", "Fuzz xlsx count", "count", 12],
    ]),
  },
  {
    kind: "wide",
    name: "wide.csv",
    format: "csv",
    options: {
      mapping: {
        codeColumn: "code",
        period: "2023/24",
        columns: [
          { column: "children", indicator: { title: "Fuzz wide children", unit: "count" } },
          { column: "rate", indicator: { title: "Fuzz wide rate", unit: "percentage" } },
        ],
      },
    },
    numeric: ["children", "rate"],
    counts: ["children"],
    content: csv(["code,name,children,rate", "E06000001,Fuzzpool,120,12.5", "E06000002,Testbrough,240,11"]),
  },
];

// NIMDM 2017 (Northern Ireland) SOA and Small Area results in NISRA's layout: the areas are added
// in the built-in districts the file names, so these need no geography base of their own.
const NIMDM_HEADER =
  "LGD2014code,LGD2014name,SOA2001,SOA2001name,MDM_rank,D1_Income_rank,Income_perc,D2_Empl_rank,Empl_perc,D3_Health_rank,P4_Education_rank,P5_Access_rank,D6_LivEnv_rank,D7_CD_rank";
const NIMDM_NUMERIC = NIMDM_HEADER.split(",").slice(4);
importBases.push(
  {
    kind: "nimdm",
    name: "nimdm2017-soa.csv",
    format: "csv",
    options: {},
    numeric: NIMDM_NUMERIC,
    content: csv([
      NIMDM_HEADER,
      "N09000003,Belfast,95GG01S1,Fuzz Hill_1,1,4,52,7,31,2,9,800,12,3",
      "N09000003,Belfast,95GG01S2,Fuzz Hill_2,445,300,18,200,9,441,500,10,13,120",
      "N09000011,Ards and North Down,95ZZ07S1,Fuzzmore,890,889,2,888,1,887,886,2,885,884",
    ]),
  },
  {
    kind: "nimdm",
    name: "nimdm2017-sa.csv",
    format: "csv",
    options: {},
    numeric: NIMDM_NUMERIC,
    content: csv([
      NIMDM_HEADER.replace("SOA2001,", "SA2011,SOA2001,"),
      "N09000003,Belfast,N00001234,95GG01S1,Fuzz Hill_1,17,40,61,99,35,4000,12,8,4537,1",
      "N09000003,Belfast,N00001235,95GG01S1,Fuzz Hill_1,4537,4536,1,4535,0,1,2,3,4,5",
    ]),
  },
);
