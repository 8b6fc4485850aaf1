import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actionBudgets, actionPartners, actionPriorities, actions } from "../../src/cycle/actions/index.ts";
import { partnershipRoles, users } from "../../src/workspace/access/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { addMembers, auditActions, postFile } from "../helpers/strategy-fixtures.ts";
import { appTest } from "../helpers/app-test.ts";
import { xlsxBomb } from "../helpers/zip-bomb.ts";

let pid: string;
let copyPid: string;
let lead: TestClient;

const header =
  "Ref,Action,Lead agency,Partners,Priority,Start date,End date,Drivers,Priority families,Income maximisation,Budget year,Budget (£),Funding source,Pooled or aligned";
const goodCsv = [
  header,
  'A1,Welfare rights officers in GP practices,Eastmuir Council,Eastmuir Health Board,Maximise family incomes,01/04/2025,31/03/2026,Take-up; Eligibility,Lone parent families; Families with a child under one,Yes,2025/26,"£45,000.00",Council core budget,Aligned',
  "A1,,,,,,,,,,2026/27,47000,Council core budget,aligned",
  'A2,"=HYPERLINK(""http://evil.example"")",Eastmuir Health Board,,Maximise family incomes,2025-06-01,2026-05-31,Housing costs,Larger families (3 or more children),No,2025/26,12000,Health board,pooled',
].join("\r\n");

async function uploadAndMap(
  client: TestClient,
  partnershipId: string,
  file: { name: string; content: Buffer | string },
) {
  const uploaded = await postFile(client, `/partnerships/${partnershipId}/actions/import`, file);
  expect(uploaded.statusCode, uploaded.body.slice(0, 500)).toBe(303);
  const mappingUrl = String(uploaded.headers.location);
  const mappingPage = await client.get(mappingUrl);
  expect(mappingPage.statusCode).toBe(200);
  // Submit the guessed mapping as shown (selected options).
  const fields: Record<string, string> = {};
  for (const match of mappingPage.body.matchAll(
    /<select class="govuk-select[^"]*" id="(map-[a-zA-Z]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const selected = /<option value="([^"]*)" selected/.exec(match[2]!);
    fields[match[1]!] = selected?.[1] ?? "";
  }
  const mapped = await client.post(mappingUrl, fields);
  return { mappingUrl, mapped, fields };
}

const test = appTest.extend("actionCount", { scope: "file" }, ({ db }) => async (partnershipId: string) => {
  return (await db.select().from(actions).where(eq(actions.partnershipId, partnershipId))).length;
});

test.beforeAll(async ({ database, signIn, fixtures }) => {
  const council = await fixtures.organisation("Eastmuir Council");
  const health = await fixtures.organisation("Eastmuir Health Board", "health-board");
  pid = (await fixtures.partnership("Eastmuir Partnership", "scotland", "S12000010", "Eastmuir")).id;
  copyPid = (await fixtures.partnership("Eastmuir Copy", "scotland", "S12000010", "Eastmuir")).id;
  await addMembers(database, pid, [council.id, health.id]);
  await addMembers(database, copyPid, [council.id, health.id]);
  await fixtures.user("lead@eastmuir.example", council.id, {
    roles: [
      [pid, "lead"],
      [copyPid, "lead"],
    ],
  });
  lead = await signIn("lead@eastmuir.example");
  for (const id of [pid, copyPid]) {
    await lead.post(`/partnerships/${id}/strategy/edit`, {
      startYear: "2025",
      endYear: "2028",
      vision: "No child in poverty",
      status: "draft",
    });
    await lead.post(`/partnerships/${id}/strategy/priorities/new`, { title: "Maximise family incomes" });
  }
});

describe("action plan import", () => {
  test("lists every error by row and column and imports nothing", async ({ actionCount }) => {
    const bad = [
      header,
      ",Missing title row is next,Eastmuir Council,,,,,,,,,,,",
      "A2,,Eastmuir Council,,,,,,,,,,,",
      "A3,Unknown lead,Westmuir Council,Nobody Ltd,Not a priority,31/02/2025,tomorrow,Wealth,Pensioners,Maybe,2025,lots,,sometimes",
    ].join("\n");
    const { mapped, mappingUrl } = await uploadAndMap(lead, pid, { name: "plan.csv", content: bad });
    expect(mapped.statusCode).toBe(303);
    const check = await lead.get(String(mapped.headers.location));
    expect(check.statusCode).toBe(200);
    const body = check.body;
    expect(body).toContain("The action plan has errors");
    const expectations: [number, string, string][] = [
      [3, "Action", "Enter the action&#39;s title"],
      [4, "Lead agency", "“Westmuir Council” is not a member organisation of this partnership"],
      [4, "Partners", "“Nobody Ltd” is not a member organisation"],
      [4, "Priority", "“Not a priority” is not a priority in the strategy"],
      [4, "Start date", "“31/02/2025” is not a real date"],
      [4, "End date", "“tomorrow” is not a real date"],
      [4, "Drivers", "“Wealth” is not a known driver"],
      [4, "Priority families", "“Pensioners” is not a priority family type"],
      [4, "Income maximisation", "“Maybe” must be Yes or No"],
      [4, "Budget year", "“2025” is not a financial year"],
      [4, "Budget (£)", "“lots” is not an amount in pounds"],
      [4, "Pooled or aligned", "“sometimes” is not Pooled, Aligned or Single organisation"],
    ];
    for (const [row, column, message] of expectations) {
      const pattern = new RegExp(
        `<td class="govuk-table__cell">${row}</td><td class="govuk-table__cell">${column.replace(/[()£]/g, "\\$&")}</td><td class="govuk-table__cell">[^<]*${message.replace(/[()£]/g, "\\$&")}`,
      );
      expect(body, `${row} ${column}`).toMatch(pattern);
    }
    // Confirming anyway is refused and nothing is imported.
    const confirm = await lead.post(`${mappingUrl}/confirm`);
    expect(confirm.statusCode).toBe(400);
    expect(await actionCount(pid)).toBe(0);
  });

  test("requires the title and lead columns to be mapped", async () => {
    const uploaded = await postFile(lead, `/partnerships/${pid}/actions/import`, {
      name: "plan.csv",
      content: "Something,Else\nx,y\n",
    });
    const response = await lead.post(String(uploaded.headers.location), {
      "map-title": "",
      "map-lead": "0",
      "map-reference": "0",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Select the column that holds the title");
    expect(response.body).toContain("is already used for");
  });

  test("rejects files that are not CSV or XLSX, fake XLSX and forged posts", async () => {
    const wrong = await postFile(lead, `/partnerships/${pid}/actions/import`, { name: "plan.pdf", content: "%PDF" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("must be a CSV or an Excel .xlsx file");
    const fake = await postFile(lead, `/partnerships/${pid}/actions/import`, {
      name: "plan.xlsx",
      content: "not a zip",
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain("not a real Excel .xlsx file");
    const latin1 = await postFile(lead, `/partnerships/${pid}/actions/import`, {
      name: "plan.csv",
      content: Buffer.from([0x41, 0x2c, 0xe9, 0x0a]),
    });
    expect(latin1.statusCode).toBe(400);
    expect(latin1.body).toContain("not UTF-8");
    const forged = await postFile(
      lead,
      `/partnerships/${pid}/actions/import`,
      { name: "plan.csv", content: goodCsv },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
    const huge = await postFile(lead, `/partnerships/${pid}/actions/import`, {
      name: "plan.csv",
      content: Buffer.alloc(6 * 1024 * 1024, 65),
    });
    expect(huge.statusCode).toBe(413);
    // The same words as every upload's limit (the imports' 100 MB one included).
    expect(huge.body).toContain("The file is larger than the 5 MB limit, so it was not read");
  });

  test("reads files through the imports' reader: a zip bomb is refused, naming the file, and nothing is kept", async ({
    query,
    actionCount,
  }) => {
    const before = await query<{ n: number }>(sql`select count(*)::int as n from action_imports`);
    const bomb = await postFile(lead, `/partnerships/${pid}/actions/import`, {
      name: "plan.xlsx",
      content: xlsxBomb({ megabytes: 400 }),
    });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.body).toContain(
      "plan.xlsx: the workbook was refused: it says it unpacks to 400 MB, more than the 200 MB a workbook may unpack to",
    );
    const after = await query<{ n: number }>(sql`select count(*)::int as n from action_imports`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await actionCount(pid)).toBe(0);
  });

  test("imports a clean file in one go with priorities, drivers, partners and budgets", async ({ database, db }) => {
    const { mapped, mappingUrl } = await uploadAndMap(lead, pid, { name: "plan.csv", content: goodCsv });
    const check = await lead.get(String(mapped.headers.location));
    expect(check.body).toContain("Import 2 actions");
    const confirm = await lead.post(`${mappingUrl}/confirm`);
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe(`/partnerships/${pid}/actions`);
    expect((await lead.get(String(confirm.headers.location))).body).toContain("2 actions imported");
    const rows = await db.select().from(actions).where(eq(actions.partnershipId, pid));
    const a1 = rows.find((row) => row.reference === "A1")!;
    expect(a1.drivers).toEqual(["social-security:take-up", "social-security:eligibility"]);
    expect(a1.familyTypes).toEqual(["lone-parent", "child-under-one"]);
    expect(a1.incomeMaximisation).toBe(true);
    expect(a1.startDate).toBe("2025-04-01");
    const budgets = await db.select().from(actionBudgets).where(eq(actionBudgets.actionId, a1.id));
    expect(budgets.map((row) => [row.financialYear, Number(row.amountPence), row.arrangement]).sort()).toEqual([
      ["2025/26", 4_500_000, "aligned"],
      ["2026/27", 4_700_000, "aligned"],
    ]);
    expect(await db.select().from(actionPriorities).where(eq(actionPriorities.actionId, a1.id))).toHaveLength(1);
    expect(await db.select().from(actionPartners).where(eq(actionPartners.actionId, a1.id))).toHaveLength(1);
    expect(rows.find((row) => row.reference === "A2")!.title).toBe('=HYPERLINK("http://evil.example")');
    const audit = await auditActions(database, pid);
    expect(audit.filter((action) => action === "action.create")).toHaveLength(2);
    expect(audit).toContain("action_plan.import");
    // The same upload cannot be imported twice.
    expect((await lead.post(`${mappingUrl}/confirm`)).statusCode).toBe(409);
  });

  test("exports CSV with formulas escaped, and the export imports back the same plan", async ({ db }) => {
    const csv = await lead.get(`/partnerships/${pid}/actions/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const { mapped, mappingUrl } = await uploadAndMap(lead, copyPid, { name: "export.csv", content: csv.rawPayload });
    expect((await lead.get(String(mapped.headers.location))).body).toContain("Import 2 actions");
    expect((await lead.post(`${mappingUrl}/confirm`)).statusCode).toBe(303);
    const summarise = async (id: string) => {
      const rows = await db.select().from(actions).where(eq(actions.partnershipId, id));
      const budgets = await db.select().from(actionBudgets).where(eq(actionBudgets.partnershipId, id));
      return rows
        .map((row) => ({
          reference: row.reference,
          title: row.title,
          lead: row.leadOrganisationId,
          dates: [row.startDate, row.endDate],
          drivers: row.drivers,
          familyTypes: row.familyTypes,
          flags: [row.incomeMaximisation, row.protectedCharacteristics],
          budgets: budgets
            .filter((line) => line.actionId === row.id)
            .map((line) => `${line.financialYear} ${line.amountPence} ${line.source} ${line.arrangement}`)
            .sort(),
        }))
        .sort((a, b) => a.reference.localeCompare(b.reference));
    };
    expect(await summarise(copyPid)).toEqual(await summarise(pid));
  });

  test("exports XLSX that opens, with formulas escaped, and imports back", async ({ database, db, fixtures }) => {
    const response = await lead.get(`/partnerships/${pid}/actions/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const titles = sheet.getColumn(2).values.filter(Boolean).map(String);
    expect(titles).toContain('\'=HYPERLINK("http://evil.example")');
    expect(titles).toContain("Welfare rights officers in GP practices");
    const fresh = (await fixtures.partnership("Eastmuir Third", "scotland", "S12000010", "Eastmuir")).id;
    const memberIds = (await db.select().from(actionPartners).where(eq(actionPartners.partnershipId, pid))).map(
      (row) => row.organisationId,
    );
    const leadIds = (await db.select().from(actions).where(eq(actions.partnershipId, pid))).map(
      (row) => row.leadOrganisationId,
    );
    await addMembers(database, fresh, [...new Set([...memberIds, ...leadIds])]);
    const [user] = await db.select().from(users).where(eq(users.email, "lead@eastmuir.example"));
    await db.insert(partnershipRoles).values({ userId: user!.id, partnershipId: fresh, role: "lead" });
    await lead.post(`/partnerships/${fresh}/strategy/edit`, {
      startYear: "2025",
      endYear: "2028",
      vision: "No child in poverty",
      status: "draft",
    });
    await lead.post(`/partnerships/${fresh}/strategy/priorities/new`, { title: "Maximise family incomes" });
    const { mapped, mappingUrl } = await uploadAndMap(lead, fresh, {
      name: "export.xlsx",
      content: response.rawPayload,
    });
    expect((await lead.get(String(mapped.headers.location))).body).toContain("Import 2 actions");
    expect((await lead.post(`${mappingUrl}/confirm`)).statusCode).toBe(303);
    const titles2 = (await db.select().from(actions).where(eq(actions.partnershipId, fresh)))
      .map((row) => row.title)
      .sort();
    expect(titles2).toEqual(['=HYPERLINK("http://evil.example")', "Welfare rights officers in GP practices"]);
    const budgets = await db.select().from(actionBudgets).where(eq(actionBudgets.partnershipId, fresh));
    expect(budgets.map((row) => Number(row.amountPence)).sort()).toEqual([1_200_000, 4_500_000, 4_700_000]);
    // Importing into the original plan again is refused: the references already exist.
    const again = await uploadAndMap(lead, pid, { name: "export.xlsx", content: response.rawPayload });
    const check = await lead.get(String(again.mapped.headers.location));
    expect(check.body).toContain("An action with reference “A1” is already in the plan");
  });
});
