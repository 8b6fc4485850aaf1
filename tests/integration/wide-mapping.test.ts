import { confirmImport } from "../helpers/data-import.ts";
/**
 * The wide CSV/XLSX upload with its column-mapping step: upload → map columns → check → confirm.
 * Nothing is stored before confirmation; form errors keep the choices; cell errors name row and column.
 */
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { xlsxWorkbook } from "../helpers/xlsx.ts";
import { appTest } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";

let partnershipId: string;

/** Uploads a wide file and returns the mapping page's URL. */
async function uploadWide(client: TestClient, file: { name: string; content: string | Buffer }): Promise<string> {
  const response = await client.postMultipart(`/partnerships/${partnershipId}/data/import`, file, { kind: "wide" });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toMatch(/\/data\/import\/[A-Za-z0-9_-]{32}\/map$/);
  return response.headers.location as string;
}

const test = appTest.extend(
  "count",
  { scope: "file" },
  ({ db }) =>
    async function count(table: "observations" | "indicators" | "import_batches"): Promise<number> {
      const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
      return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
    },
);

// Stored from the files: the region and England totals worked out from them (flag 32) are left out.
const CSV =
  "Area code,Area name,Children in low income (%),Free school meals,Notes\nE06000005,Darlington,22.4,3100,\nE06000001,Hartlepool,[c],2890,small\n";

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  const partnership = await fixtures.partnership(
    "Darlington Child Poverty Partnership",
    "england",
    "E06000005",
    "Darlington",
  );
  partnershipId = partnership.id;
  await fixtures.user("lead@darlington.example", org.id, { roles: [[partnership.id, "lead"]] });
  await fixtures.user("viewer@darlington.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await upsertAreas(db, areaInputs("E06000005:Darlington", "E06000001:Hartlepool"));
});

describe("wide upload with a column-mapping step", () => {
  test("maps the columns, shows form errors with the choices kept, checks, and imports only on confirmation", async ({
    db,
    signIn,
    count,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const mapUrl = await uploadWide(lead, { name: "wide.csv", content: CSV });
    const page = await lead.get(mapUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Choose what each column holds");
    expect(page.body).toContain("Column 3: “Children in low income (%)”");
    expect(page.body).toContain("First values: 22.4, [c]");
    expect(page.body).toMatch(/<option value="Area code" selected>/);

    const empty = await lead.post(mapUrl, { codeColumn: "Area code", period: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the period the values are for");
    expect(empty.body).toContain("Choose at least one column to import as an indicator");

    const wrong = await lead.post(mapUrl, {
      codeColumn: "Area code",
      period: "2022/23",
      "use-0": "new",
      "use-2": "new",
      "title-2": "Children in low income",
      "slug-2": "Not A Slug",
      "use-3": "indicator:forged",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("holds the area codes or periods; do not import it");
    expect(wrong.body).toContain("lower-case letters, digits and hyphens");
    expect(wrong.body).toContain("Choose the unit of the column “Children in low income (%)”");
    expect(wrong.body).toContain("Choose what the column “Free school meals” holds");
    expect(wrong.body).toContain('value="Children in low income"');
    expect(await count("indicators")).toBe(0);

    const fields = {
      codeColumn: "Area code",
      period: "2022/23 (p)",
      "use-2": "new",
      "title-2": "Children in low income (fictional test)",
      "slug-2": "",
      "unit-2": "percentage",
      "use-3": "new",
      "unit-3": "count",
    };
    const checked = await lead.post(mapUrl, fields);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain("Check the file before importing");
    expect(checked.body).toContain("children-in-low-income-fictional-test");
    expect(checked.body).toContain("Change the column mapping");
    expect(checked.body).toContain("4 (0 missing, 1 suppressed");
    expect(await count("observations")).toBe(0);
    // The mapping page comes back with the choices made.
    expect((await lead.get(mapUrl)).body).toContain('value="Children in low income (fictional test)"');

    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(checked.body)![1]!;
    expect((await confirmImport(lead, action)).status).toBe("done");
    const stored =
      await db.execute(sql`select i.slug, i.partnership_id as "partnershipId", a.code, o.value, o.flags from observations o
      join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id where (o.flags & 32) = 0 order by i.slug, a.code`);
    const rows = (
      stored as unknown as {
        rows: { slug: string; partnershipId: string; code: string; value: number | null; flags: number }[];
      }
    ).rows;
    expect(rows.map((r) => [r.slug, r.code, r.value, Number(r.flags)])).toEqual([
      ["children-in-low-income-fictional-test", "E06000001", null, 3],
      ["children-in-low-income-fictional-test", "E06000005", 22.4, 1],
      ["free-school-meals", "E06000001", 2890, 1],
      ["free-school-meals", "E06000005", 3100, 1],
    ]);
    expect(rows.every((r) => r.partnershipId === partnershipId)).toBe(true);
    expect((await lead.get(mapUrl)).statusCode).toBe(404);
  });

  test("reads an XLSX workbook, offers the partnership's own indicators, and names the row and column of a bad cell", async ({
    signIn,
    count,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const workbook = xlsxWorkbook([
      ["Code", "FSM"],
      ["E06000005", 3200],
      ["E06000001", "lots"],
    ]);
    const mapUrl = await uploadWide(lead, { name: "wide.xlsx", content: workbook });
    const page = await lead.get(mapUrl);
    expect(page.body).toContain('value="indicator:free-school-meals"');
    const before = await count("observations");
    const checked = await lead.post(mapUrl, {
      codeColumn: "Code",
      period: "2023/24",
      "use-1": "indicator:free-school-meals",
    });
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain("There is a problem with the file");
    expect(checked.body).toMatch(/<td class="govuk-table__cell">3<\/td><td class="govuk-table__cell">FSM<\/td>/);
    expect(checked.body).not.toContain("Confirm import");
    expect(await count("observations")).toBe(before);
  });

  test("takes each row's period from a period column, naming the row and column of a bad period", async ({
    db,
    signIn,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const file = "Code,Year,Parcels\nE06000005,2021/22,310\nE06000005,2022/23 (p),355\nE06000001,2022/23 (p),290\n";
    const bad = await uploadWide(lead, { name: "long.csv", content: `${file}E06000001,twenty,1\n` });
    const fields = {
      codeColumn: "Code",
      periodColumn: "Year",
      period: "",
      "use-2": "new",
      "title-2": "Food parcels to families (fictional test)",
      "unit-2": "count",
    };
    const rejected = await lead.post(bad, fields);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.body).toMatch(
      /<td class="govuk-table__cell">5<\/td><td class="govuk-table__cell">Year<\/td><td class="govuk-table__cell">&quot;twenty&quot; is not a period/,
    );
    const sameColumn = await lead.post(bad, { ...fields, periodColumn: "Code" });
    expect(sameColumn.statusCode).toBe(400);
    expect(sameColumn.body).toContain("The period column cannot be the area code column");

    const good = await uploadWide(lead, { name: "long.csv", content: file });
    const checked = await lead.post(good, fields);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain("2021/22, 2022/23");
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(checked.body)![1]!;
    expect((await lead.post(action, { action: "confirm" })).statusCode).toBe(303);
    const stored =
      await db.execute(sql`select a.code, p.code as period, o.value, o.flags from observations o join indicators i on i.id = o.indicator_id
      join areas a on a.id = o.area_id join periods p on p.id = o.period_id where i.slug = 'food-parcels-to-families-fictional-test' and (o.flags & 32) = 0 order by a.code, p.code`);
    expect(
      (stored as unknown as { rows: { code: string; period: string; value: number; flags: number }[] }).rows.map(
        (r) => [r.code, r.period, Number(r.value), Number(r.flags)],
      ),
    ).toEqual([
      ["E06000001", "2022/23", 290, 1],
      ["E06000005", "2021/22", 310, 0],
      ["E06000005", "2022/23", 355, 1],
    ]);
  });

  test("stores a rate's numerator and denominator from the columns chosen for them", async ({ db, signIn }) => {
    const lead = await signIn("lead@darlington.example");
    const mapUrl = await uploadWide(lead, {
      name: "rates.csv",
      content: "Code,Eligible,Pupils,Eligible (%)\nE06000005,3100,14000,22.1\nE06000001,2890,12000,24.1\n",
    });
    const fields = {
      codeColumn: "Code",
      period: "2023/24",
      "use-3": "new",
      "title-3": "Pupils eligible for free meals (fictional test)",
      "unit-3": "percentage",
      "numerator-3": "Eligible (%)",
      "denominator-3": "Pupils",
    };
    const wrong = await lead.post(mapUrl, fields);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Choose another column for the numerator of the column “Eligible (%)”");
    const checked = await lead.post(mapUrl, { ...fields, "numerator-3": "Eligible" });
    expect(checked.statusCode).toBe(200);
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(checked.body)![1]!;
    expect((await lead.post(action, { action: "confirm" })).statusCode).toBe(303);
    const stored =
      await db.execute(sql`select a.code, o.value, o.numerator, o.denominator from observations o join indicators i on i.id = o.indicator_id
      join areas a on a.id = o.area_id where i.slug = 'pupils-eligible-for-free-meals-fictional-test' and (o.flags & 32) = 0 order by a.code`);
    expect(
      (
        stored as unknown as { rows: { code: string; value: number; numerator: number; denominator: number }[] }
      ).rows.map((r) => [r.code, Number(r.value), Number(r.numerator), Number(r.denominator)]),
    ).toEqual([
      ["E06000001", 24.1, 2890, 12000],
      ["E06000005", 22.1, 3100, 14000],
    ]);
  });

  test("is for editors of the partnership only", async ({ signIn }) => {
    const lead = await signIn("lead@darlington.example");
    const mapUrl = await uploadWide(lead, { name: "wide.csv", content: CSV });
    const viewer = await signIn("viewer@darlington.example");
    expect((await viewer.get(mapUrl)).statusCode).toBe(403);
    expect(
      (
        await viewer.post(mapUrl, {
          codeColumn: "Area code",
          period: "2022/23",
          "use-2": "new",
          "unit-2": "percentage",
        })
      ).statusCode,
    ).toBe(403);
    expect((await lead.get(mapUrl.replace(/[A-Za-z0-9_-]{32}\/map$/, `${"x".repeat(32)}/map`))).statusCode).toBe(404);
  });
});
