import { describe, expect, it } from "vitest";
import { safeCell } from "../../kernel/http/csv.ts";
import { guessMapping } from "./import-fields.ts";
import { validateImport } from "./import-validate.ts";
import { matchDriver, matchFamilyType } from "./vocabulary.ts";

const refs = {
  nation: "scotland",
  organisations: [
    { id: "o1", name: "Eastmuir Council" },
    { id: "o2", name: "NHS Eastmuir" },
  ],
  priorities: [{ id: "p1", title: "Maximise incomes" }],
  existingReferences: ["OLD1"],
};

describe("column mapping", () => {
  it("guesses columns from common header names, each column once", () => {
    const mapping = guessMapping(["Ref", "Action", "Lead agency", "Budget (£)", "Financial year", "Notes", "Title"]);
    expect(mapping).toMatchObject({ reference: 0, title: 6, lead: 2, budgetAmount: 3, budgetYear: 4 });
    expect(Object.values(mapping)).not.toContain(5);
  });
});

describe("validating import rows", () => {
  const headers = ["Ref", "Title", "Lead", "Drivers", "Start", "Budget year", "Amount"];
  const mapping = { reference: 0, title: 1, lead: 2, drivers: 3, startDate: 4, budgetYear: 5, budgetAmount: 6 };

  it("names the spreadsheet row and the column header for each problem", () => {
    const { errors, drafts } = validateImport(
      {
        headers,
        firstRow: 2,
        rows: [
          ["A1", "Good", "NHS Eastmuir", "Housing costs", "2025-04-01", "2025/26", "100"],
          ["", "", "", "", "", "", ""],
          ["A1", "Duplicate", "Nobody", "Hourly pay; Sunshine", "1/13/2025", "", ""],
          ["OLD1", "Clash", "Eastmuir Council", "", "", "2025/26", "1,000.555"],
        ],
      },
      mapping,
      refs,
    );
    expect(errors).toEqual([
      { row: 4, column: "Ref", message: "Reference “A1” is used by an earlier row" },
      { row: 4, column: "Lead", message: "“Nobody” is not a member organisation of this partnership" },
      { row: 4, column: "Drivers", message: "“Sunshine” is not a known driver" },
      { row: 4, column: "Start", message: "“1/13/2025” is not a real date, like 31/03/2026" },
      { row: 5, column: "Ref", message: "An action with reference “OLD1” is already in the plan" },
      { row: 5, column: "Amount", message: "“1,000.555” is not an amount in pounds, like 12500 or £12,500.00" },
    ]);
    expect(drafts[0]).toMatchObject({
      row: 2,
      leadOrganisationId: "o2",
      drivers: ["costs:housing"],
      startDate: "2025-04-01",
    });
    expect(drafts[0]!.budgets).toEqual([
      { financialYear: "2025/26", amountPence: 10_000, source: "", arrangement: "single" },
    ]);
  });

  it("adds budget lines from continuation rows and strips our formula escape", () => {
    const { errors, drafts } = validateImport(
      {
        headers,
        firstRow: 2,
        rows: [
          ["A1", "'=SUM(1)", "Eastmuir Council", "", "", "2025/26", "£1,000"],
          ["A1", "", "", "", "", "2026/27", "2000.5"],
        ],
      },
      mapping,
      refs,
    );
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toBe("=SUM(1)");
    expect(drafts[0]!.budgets.map((line) => line.amountPence)).toEqual([100_000, 200_050]);
  });

  it("reports an empty file", () => {
    expect(
      validateImport({ headers, firstRow: 2, rows: [["", "", "", "", "", "", ""]] }, mapping, refs).errors[0]!.message,
    ).toBe("The file has no actions to import");
  });
});

describe("vocabulary matching and formula escaping", () => {
  it("matches drivers by code, label or sub-driver label, per nation", () => {
    expect(matchDriver("scotland", "Take-up")).toBe("social-security:take-up");
    expect(matchDriver("scotland", "Costs of living: Debt")).toBe("costs:debt");
    expect(matchDriver("scotland", "income from employment")).toBe("employment");
    expect(matchDriver("scotland", "Place")).toBeUndefined();
    expect(matchDriver("england", "Place")).toBe("place");
    expect(matchFamilyType("Lone parent")).toBe("lone-parent");
    expect(matchFamilyType("Families with a child under one")).toBe("child-under-one");
  });

  it("prefixes cells that spreadsheets would run as formulas", () => {
    for (const value of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(safeCell(value)).toBe(`'${value}`);
    expect(safeCell("Safe = text")).toBe("Safe = text");
  });
});
