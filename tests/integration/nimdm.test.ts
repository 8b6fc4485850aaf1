/**
 * NIMDM 2017 (Northern Ireland) results files in NISRA's layout, made up in the test: every
 * published rank and percentage stored exactly, the areas added in the district the file gives
 * them, deciles cut over the number of areas NISRA ranks, district shares from a complete file
 * only — and bad files refused naming file, row and column, with nothing written.
 */
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { profileView } from "../../src/data/analyses/profile-view.ts";
import { geographyCoverage } from "../../src/data/imports/geography-coverage.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import {
  type ImportReport,
  importerFor,
  recogniseFile,
  runImport,
  sourceFromBytes,
} from "../../src/data/imports/index.ts";
import { xlsWorkbook } from "../helpers/xls.ts";
import { xlsxWorkbook } from "../helpers/xlsx.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { nimdmCsv, nimdmRows, NIMDM_RANK_COLUMNS } from "../helpers/nimdm-files.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const audit = { actorUserId: null, actorLabel: "nimdm-test" };
let database: Database;

function run(name: string, content: string | Buffer, dryRun = false, options: Record<string, unknown> = {}) {
  return runImport(database.db, {
    importer: importerFor("nimdm")!,
    file: sourceFromBytes(name, Buffer.isBuffer(content) ? content : Buffer.from(content)),
    options,
    dryRun,
    audit,
  });
}

type Row = { code: string; value: number; numerator: number | null; denominator: number | null; flags: number };
async function stored(slug: string): Promise<Map<string, Row>> {
  const result = (await database.db.execute(sql`select a.code, o.value, o.numerator, o.denominator, o.flags
    from observations o join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
    where i.slug = ${slug}`)) as unknown as { rows: Row[] };
  return new Map(
    result.rows.map((r) => [
      r.code,
      {
        ...r,
        value: Number(r.value),
        numerator: r.numerator === null ? null : Number(r.numerator),
        denominator: r.denominator === null ? null : Number(r.denominator),
        flags: Number(r.flags),
      },
    ]),
  );
}

async function niAreas(): Promise<number> {
  const result = (await database.db.execute(
    sql`select count(*)::int as n from areas where nation = 'northern-ireland' and type in ('lsoa', 'small-area')`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(() => database?.close());

describe("NIMDM 2017 by Super Output Area (complete file)", () => {
  const rows = nimdmRows("soa", 890);
  let report: ImportReport;
  beforeAll(async () => {
    report = await run("nimdm2017-soa.csv", nimdmCsv("soa", rows));
  }, 300_000);

  it("is recognised from its header", async () => {
    const found = await recogniseFile(sourceFromBytes("x.csv", Buffer.from(nimdmCsv("soa", rows.slice(0, 5)))));
    // The generic table of codes ("wide", any file with a column of GSS codes) is only offered as an alternative.
    expect(found.map((f) => f.importer.kind)).toEqual(["nimdm", "wide"]);
    expect(found[0]!.reason).toMatch(/Super Output Areas \(2001\): SOA2001/);
  });

  it("stores every published rank and percentage exactly", async () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.areas).toBe(890);
    const domains = ["mdm", "income", "employment", "health", "education", "access", "living-environment", "crime"];
    for (const [d, domain] of domains.entries()) {
      const values = await stored(`nimdm2017-${domain}-rank`);
      expect(values.size, NIMDM_RANK_COLUMNS[d]).toBe(890);
      for (const row of rows) expect(values.get(row.code)!.value).toBe(row.ranks[d]);
    }
    const income = await stored("nimdm2017-income-percentage");
    const employment = await stored("nimdm2017-employment-percentage");
    for (const row of rows) {
      expect(income.get(row.code)!.value).toBe(row.incomePerc);
      expect(employment.get(row.code)!.value).toBe(row.emplPerc);
    }
  });

  it("adds each SOA in the district the file gives it, in Northern Ireland, as an LSOA-level area of 2001", async () => {
    const result = (await database.db.execute(sql`select a.code, a.name, a.type, a.nation, a.vintages, p.code as lgd
      from areas a join area_parents ap on ap.child_id = a.id and ap.relation = 'local-authority'
      join areas p on p.id = ap.parent_id where a.code like '95%'`)) as unknown as {
      rows: { code: string; name: string; type: string; nation: string; vintages: number[]; lgd: string }[];
    };
    const byCode = new Map(result.rows.map((r) => [r.code, r]));
    expect(byCode.size).toBe(890);
    for (const row of rows) {
      const area = byCode.get(row.code)!;
      expect([area.name, area.type, area.nation, area.lgd]).toEqual([row.name, "lsoa", "northern-ireland", row.lgd[0]]);
      expect(area.vintages.map(Number)).toEqual([2001]);
    }
  });

  it("lists the SOAs as loaded on the geography page, with their edition", async () => {
    const row = (await geographyCoverage(database.db)).rows.find((r) => r.prefix === "95")!;
    expect([row.loaded, row.editions]).toEqual([true, "890 (2001 edition)"]);
  });

  it("cuts deciles over the 890 SOAs ranked, labelled as worked out", async () => {
    const deciles = await stored("nimdm2017-mdm-decile");
    for (const row of rows) {
      const decile = deciles.get(row.code)!;
      expect(decile.value).toBe(Math.ceil((10 * row.ranks[0]!) / 890));
      expect(decile.flags & FLAG.derived && decile.flags & FLAG.fromScores).toBeTruthy();
    }
    expect([...deciles.values()].filter((d) => d.value === 1)).toHaveLength(89);
  });

  it("works out each district's share of SOAs in the most deprived 10%, with numerator and denominator", async () => {
    const shares = await stored("nimdm2017-mdm-proportion-most-deprived-10");
    expect(shares.size).toBe(11);
    for (const lgd of new Set(rows.map((r) => r.lgd[0]))) {
      const mine = rows.filter((r) => r.lgd[0] === lgd);
      const first = mine.filter((r) => r.ranks[0]! <= 89).length;
      expect(shares.get(lgd)).toMatchObject({ value: first / mine.length, numerator: first, denominator: mine.length });
      expect(shares.get(lgd)!.flags & FLAG.fromSmallAreas).toBeTruthy();
    }
  });

  it("shows the NIMDM panel on a district's profile, with the method of the worked-out share", async () => {
    const profile = await loadAreaProfile(database.db, { id: null, areaCode: "N09000003" });
    const panel = profile.smallAreas.find((p) => p.indicator.slug === "nimdm2017-mdm-decile")!;
    expect(panel, profile.smallAreaProblem ?? "").toBeDefined();
    expect(panel.rows).toHaveLength(rows.filter((r) => r.lgd[0] === "N09000003").length);
    const share = profileView(profile).indicators.find((i) => i.slug === "nimdm2017-mdm-proportion-most-deprived-10")!;
    expect(share.latestMethod).toBe("Calculated from the small-area figures");
  });

  it("loads the same file again without changing anything", async () => {
    const again = await run("nimdm2017-soa.csv", nimdmCsv("soa", rows));
    expect(again.errors).toEqual([]);
    expect(again.valuesReplaced).toBe(0);
    expect(await niAreas()).toBe(890);
  });

  it("refuses a file that would move a stored SOA to another district", async () => {
    const moved = rows.slice(0, 3).map((r) => ({ ...r, lgd: r.lgd[0] === "N09000003" ? rows[0]!.lgd : rows[2]!.lgd }));
    const changed = nimdmCsv("soa", moved);
    const result = await run("moved.csv", changed);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ file: "moved.csv", row: 2, column: "LGD2014code" });
    expect(result.errors[0]!.message).toMatch(/never moved/);
  });
});

describe("NIMDM 2017 by Small Area", () => {
  it("adds Small Areas of 2011 with deciles over 4,537, and says why no district share is worked out from part of them", async () => {
    const rows = nimdmRows("sa", 40);
    const csv = nimdmCsv("sa", rows).replace("SOA2001name", "SOA2001");
    const report = await run("nimdm2017-sa.csv", csv);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.message).join()).toMatch(/40 of the 4,537 areas/);
    const ranks = await stored("nimdm2017-sa-mdm-rank");
    const deciles = await stored("nimdm2017-sa-crime-decile");
    for (const row of rows) {
      expect(ranks.get(row.code)!.value).toBe(row.ranks[0]);
      expect(deciles.get(row.code)!.value).toBe(Math.ceil((10 * row.ranks[7]!) / 4537));
    }
    expect((await stored("nimdm2017-sa-mdm-proportion-most-deprived-10")).size).toBe(0);
    const types = (await database.db.execute(
      sql`select distinct type, nation from areas where code like 'N00%'`,
    )) as unknown as { rows: { type: string; nation: string }[] };
    expect(types.rows).toEqual([{ type: "small-area", nation: "northern-ireland" }]);
  });

  it("reads the same file saved as Excel 97-2003 (.xls, as NISRA publishes it) to the same values", async () => {
    const csv = nimdmCsv("sa", nimdmRows("sa", 40)).replace("SOA2001name", "SOA2001");
    const everything = async () => {
      const result = (await database.db.execute(sql`select i.slug, a.code, o.value::text, o.flags
        from observations o join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
        where i.slug like 'nimdm2017-sa-%' order by 1, 2`)) as unknown as { rows: unknown[] };
      return result.rows;
    };
    const before = await everything();
    // Cells as Excel holds them: codes and names text, ranks and percentages numbers.
    const cells = parse(csv, { relax_column_count: true }) as string[][];
    const typed = cells.map((row, r) => row.map((cell) => (r > 0 && /^\d+$/.test(cell) ? Number(cell) : cell)));
    const workbook = xlsWorkbook(
      [
        { name: "Contents", rows: [["Northern Ireland Multiple Deprivation Measure 2017"]] },
        { name: "MDM", rows: typed },
      ],
      { recordSize: 512 },
    );
    const report = await run("NIMDM17_SA - for publication.xls", workbook);
    expect(report.errors).toEqual([]);
    expect([report.rowsRead, report.areas]).toEqual([40, 40]);
    expect(report.valuesReplaced).toBe(0);
    expect(before.length).toBeGreaterThan(40 * 8);
    expect(await everything()).toEqual(before);
  });

  it("reads the ranks from the workbook's MDM sheet, with NISRA's header wording and trailing spaces", async () => {
    const rows = nimdmRows("sa", 3).map((r, i) => ({ ...r, code: `N00${String(4001 + i).padStart(6, "0")}` }));
    const workbook = xlsxWorkbook(
      [
        ["LGD2014name ", "SA2011 ", "MDM rank ", "Income Domain Rank"],
        ...rows.map((r) => [r.lgd[1], r.code, r.ranks[0]!, r.ranks[1]!]),
      ],
      "MDM",
    );
    const report = await run("NIMDM17_SA results.xlsx", workbook, false, { period: "2017" });
    expect(report.errors).toEqual([]);
    const ranks = await stored("nimdm2017-sa-income-rank");
    for (const row of rows) expect(ranks.get(row.code)!.value).toBe(row.ranks[1]);
  });
});

describe("bad NIMDM files", () => {
  const good = nimdmRows("soa", 4, 890).map((r, i) => ({ ...r, code: `95ZZ${String(i + 1).padStart(2, "0")}S1` }));
  const lines = nimdmCsv("soa", good).trimEnd().split("\n");
  const cases: [string, string, { row?: number; column?: string; message: RegExp }][] = [
    ["wrong columns", lines.join("\n").replace("MDM_rank", "Overall"), { row: 1, message: /MDM_rank/ }],
    [
      "missing LGD",
      lines.map((l, i) => (i === 2 ? l.replace(/^N09000002,/, ",") : l)).join("\n"),
      { row: 3, column: "LGD2014code", message: /LGD2014\) code is empty/ },
    ],
    [
      "unknown LGD",
      lines.map((l, i) => (i === 1 ? l.replace(/^N09000001,/, "N09000099,") : l)).join("\n"),
      { row: 2, column: "LGD2014code", message: /not one of Northern Ireland's 11/ },
    ],
    [
      "rank out of range",
      lines
        .map((l, i) => (i === 4 ? l.replace(/,95ZZ04S1,Fictional 4,\d+,/, ",95ZZ04S1,Fictional 4,891,") : l))
        .join("\n"),
      { row: 5, column: "MDM_rank", message: /891 is not a rank of the 890/ },
    ],
    [
      "duplicate codes",
      lines.map((l, i) => (i === 3 ? l.replace("95ZZ03S1", "95ZZ01S1") : l)).join("\n"),
      { row: 4, column: "SOA2001", message: /also on row 2/ },
    ],
    [
      "not an SOA code",
      lines.map((l, i) => (i === 2 ? l.replace("95ZZ02S1", "E01000001") : l)).join("\n"),
      { row: 3, column: "SOA2001", message: /not a Northern Ireland super output area/ },
    ],
    [
      "no district column",
      lines.map((l) => l.replace(/^[^,]*,("[^"]*"|[^,]*),/, "")).join("\n"),
      { row: 1, message: /no local government district column/ },
    ],
  ];
  for (const [what, content, expected] of cases)
    it(`refuses ${what}, naming file, row and column, and writes nothing`, async () => {
      const before = await niAreas();
      for (const dryRun of [true, false]) {
        const report = await run(`${what}.csv`, `${content}\n`, dryRun);
        expect(report.ok).toBe(false);
        const error = report.errors.find((e) => expected.message.test(e.message));
        expect(error, JSON.stringify(report.errors)).toMatchObject({
          file: `${what}.csv`,
          ...(expected.row ? { row: expected.row } : {}),
          ...(expected.column ? { column: expected.column } : {}),
        });
      }
      expect(await niAreas()).toBe(before);
    });
});
