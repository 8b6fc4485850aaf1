import { describe, expect, it } from "vitest";
import { CsvTable } from "../csv-table.ts";
import { IssueList } from "../report.ts";
import { wimdSummary } from "./wimd-summaries.ts";

const HEADER = "Data values,Data description,Area code,Area name,Domain,Deprivation group";
const table = (...lines: string[]) =>
  new CsvTable([HEADER, ...lines].map((line, i) => ({ line: i + 1, cells: line.split(",") })));

describe("wimdSummary (StatsWales local authority analysis)", () => {
  it("makes one row per authority: the share as count ÷ total LSOAs, with both kept", () => {
    const issues = new IssueList("f.csv");
    const made = wimdSummary(
      table(
        "148,Number,W06000011,Swansea,WIMD,Total LSOAs",
        "(r) 17,Number,W06000011,Swansea,WIMD,Most deprived 10% LSOAs in Wales (ranks 1 - 191)",
        "148,Number,W06000011,Swansea,Income,Total LSOAs",
        "[c],Number,W06000011,Swansea,Income,Most deprived 10% LSOAs in Wales (ranks 1 - 191)",
        "24,Percentage,W06000011,Swansea,Income,Most deprived 20% LSOAs in Wales (ranks 1 - 382)",
      ),
      { fileName: "wimd-2019-local-authority-analysis.csv" },
      issues,
    );
    expect(issues.errors).toEqual([]);
    if (typeof made === "string") throw new Error(made);
    expect(made.spec.period).toBe("2019");
    const slugs = made.spec.columns.map((c) => c.indicator.slug);
    expect(slugs).toContain("wimd2019-proportion-most-deprived-10");
    expect(slugs).toContain("wimd2019-income-proportion-most-deprived-20");
    // A band the file does not give for a domain is no measure, not a column of missing values.
    expect(slugs).not.toContain("wimd2019-proportion-most-deprived-20");
    const row = made.table.rows[0]!;
    const cell = (name: string) => row.cells[made.table.column(name)!];
    expect(cell("wimd2019-proportion-most-deprived-10 value")).toBe(String(17 / 148));
    expect(cell("wimd2019-proportion-most-deprived-10 count")).toBe("17");
    // Suppressed stays suppressed, never 0; a percentage alone is the share.
    expect(cell("wimd2019-income-proportion-most-deprived-10 value")).toBe("[c]");
    expect(cell("wimd2019-income-proportion-most-deprived-20 value")).toBe("0.24");
    expect([...made.marks.keys()]).toEqual(["W06000011|wimd2019-proportion-most-deprived-10"]);
  });

  it("asks for the edition when neither the file nor its name says it, and names the row of a group it does not know", () => {
    const issues = new IssueList("f.csv");
    expect(wimdSummary(table("1,Number,W06000011,Swansea,WIMD,Total LSOAs"), { fileName: "la.csv" }, issues)).toMatch(
      /does not say its edition/,
    );
    wimdSummary(
      table("1,Number,W06000011,Swansea,WIMD,Most deprived 15%"),
      { fileName: "la.csv", release: 2019 },
      issues,
    );
    expect(issues.errors[0]).toMatchObject({ row: 2, column: "Deprivation group" });
  });
});
