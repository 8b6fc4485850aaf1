import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { budgetContributions } from "../../src/cycle/budgets/index.ts";
import { addMember, auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";

let partnership: { id: string };
let council: { id: string };
let health: { id: string };
let outsiderOrg: { id: string };
let editor: TestClient;

const test = appTest.extend(
  "rows",
  { scope: "file" },
  ({ db }) =>
    () =>
      db.select().from(budgetContributions).where(eq(budgetContributions.partnershipId, partnership.id)),
);

test.beforeAll(async ({ database, signIn, fixtures }) => {
  const org = await fixtures.organisation("Eastvale Council", "council");
  partnership = await fixtures.partnership("Eastvale Partnership", "england", "E06000097", "Eastvale");
  const other = await fixtures.partnership("Westvale Partnership", "england", "E06000096", "Westvale");
  council = await addMember(database, partnership.id, '=HYPERLINK("http://evil")', "council");
  health = await addMember(database, partnership.id, "Eastvale Health", "health-board");
  outsiderOrg = await addMember(database, other.id, "Westvale Police", "police");
  await fixtures.user("editor@eastvale.example", org.id, { roles: [[partnership.id, "editor"]] });
  await fixtures.user("viewer@eastvale.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await fixtures.user("lead@westvale.example", org.id, { roles: [[other.id, "lead"]] });
  editor = await signIn("editor@eastvale.example");
});

describe("pooled and aligned budgets", () => {
  test("adds contributions in exact pence and totals them by partner and year", async ({ database, rows }) => {
    const url = `/partnerships/${partnership.id}/budgets`;
    expect(
      (
        await editor.post(url, {
          organisationId: council.id,
          financialYear: "2025/26",
          kind: "pooled",
          amount: "£12,500.50",
          funds: "-1+2 advice workers",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await editor.post(url, { organisationId: health.id, financialYear: "2025/26", kind: "aligned", amount: "0.10" }))
        .statusCode,
    ).toBe(303);
    expect(
      (await editor.post(url, { organisationId: health.id, financialYear: "2026/27", kind: "pooled", amount: "1000" }))
        .statusCode,
    ).toBe(303);
    const saved = await rows();
    expect(saved.map((row) => row.amountPence).sort((a, b) => a - b)).toEqual([10, 100_000, 1_250_050]);
    const page = await editor.get(url);
    expect(page.body).toContain("£12,500.60"); // 2025/26 total
    expect(page.body).toContain("£1,000.10"); // Eastvale Health total
    expect(page.body).toContain("£13,500.60"); // all contributions
    expect(await auditCount(database, "budget.contribution-add", partnership.id)).toBe(3);
  });

  test("rejects duplicates, bad amounts, bad years and non-member organisations with 400, saving nothing", async ({
    rows,
  }) => {
    const url = `/partnerships/${partnership.id}/budgets`;
    const duplicate = await editor.post(url, {
      organisationId: council.id,
      financialYear: "2025/26",
      kind: "pooled",
      amount: "5",
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("already has a pooled contribution for 2025/26");
    const bad = await editor.post(url, {
      organisationId: council.id,
      financialYear: "2025/27",
      kind: "pooled",
      amount: "12.345",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the financial year in the format 2025/26");
    expect(bad.body).toContain("Enter the amount in pounds");
    expect(bad.body).toContain('value="12.345"');
    const foreign = await editor.post(url, {
      organisationId: outsiderOrg.id,
      financialYear: "2025/26",
      kind: "aligned",
      amount: "5",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain("Select one of the partnership");
    expect(await rows()).toHaveLength(3);
  });

  test("exports CSV safe against formula injection", async () => {
    const csv = await editor.get(`/partnerships/${partnership.id}/budgets.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain("'-1+2 advice workers");
    expect(csv.body).toContain("12500.50");
    expect(csv.body).not.toMatch(/,=|^=/m);
  });

  test("a viewer cannot change anything; another partnership gets 404", async ({ signIn, rows }) => {
    const viewer = await signIn("viewer@eastvale.example");
    const [first] = await rows();
    expect(
      (
        await viewer.post(`/partnerships/${partnership.id}/budgets`, {
          organisationId: council.id,
          financialYear: "2027/28",
          kind: "pooled",
          amount: "5",
        })
      ).statusCode,
    ).toBe(403);
    expect((await viewer.post(`/partnerships/${partnership.id}/budgets/${first!.id}/delete`)).statusCode).toBe(403);
    const outsider = await signIn("lead@westvale.example");
    expect((await outsider.get(`/partnerships/${partnership.id}/budgets`)).statusCode).toBe(404);
    expect((await outsider.get(`/partnerships/${partnership.id}/budgets.csv`)).statusCode).toBe(404);
    expect(await rows()).toHaveLength(3);
  });

  test("removes a contribution with an audit entry, after a confirmation page naming it", async ({
    database,
    rows,
  }) => {
    const [first] = await rows();
    const url = `/partnerships/${partnership.id}/budgets/${first!.id}/delete`;
    expect((await editor.get(`/partnerships/${partnership.id}/budgets`)).body).toContain(`href="${url}"`);
    const confirm = await editor.get(url);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toMatch(
      /Are you sure you want to remove the (pooled|aligned) contribution of £[\d,.]+ from [^?]+ for \d{4}\/\d{2}\?/,
    );
    expect(await rows()).toHaveLength(3);
    expect((await editor.post(`/partnerships/${partnership.id}/budgets/${first!.id}/delete`)).statusCode).toBe(303);
    expect(await rows()).toHaveLength(2);
    expect(await auditCount(database, "budget.contribution-remove", partnership.id)).toBe(1);
    expect((await editor.post(`/partnerships/${partnership.id}/budgets/${first!.id}/delete`)).statusCode).toBe(404);
    expect((await editor.get(url)).statusCode).toBe(404);
    expect(await auditCount(database, "budget.contribution-remove", partnership.id)).toBe(1);
  });
});
