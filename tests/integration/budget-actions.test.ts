import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { budgetContributionActions, budgetContributions } from "../../src/cycle/budgets/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { budgetTest } from "../helpers/budget-world.ts";

let partnership: { id: string };
let council: { id: string };
let advice: string;
let meals: string;
let foreign: string;
let editor: TestClient;

const test = budgetTest
  .extend(
    "contributions",
    { scope: "file" },
    ({ db }) =>
      () =>
        db.select().from(budgetContributions).where(eq(budgetContributions.partnershipId, partnership.id)),
  )
  .extend(
    "links",
    { scope: "file" },
    ({ db }) =>
      () =>
        db.select().from(budgetContributionActions).where(eq(budgetContributionActions.partnershipId, partnership.id)),
  );

test.beforeAll(async ({ budgetWorld }) => {
  ({ partnership, council, advice, meals, foreign, editor } = budgetWorld);
});

describe("budget contributions fund actions", () => {
  test("offers the partnership's own actions as labelled checkboxes", async () => {
    const page = await editor.get(`/partnerships/${partnership.id}/budgets`);
    expect(page.body).toContain("Actions it funds (optional)");
    expect(page.body).toContain(`value="${advice}"`);
    expect(page.body).toContain("A2 – Holiday meals");
    expect(page.body).not.toContain("Southvale private action");
  });

  test("saves the actions a contribution funds and shows them on the budgets page, CSV and action page", async ({
    links,
  }) => {
    const url = `/partnerships/${partnership.id}/budgets`;
    const saved = await editor.post(url, {
      organisationId: council.id,
      financialYear: "2025/26",
      kind: "pooled",
      amount: "2500",
      actionIds: [advice, meals],
    });
    expect(saved.statusCode).toBe(303);
    expect((await links()).map((row) => row.actionId).sort()).toEqual([advice, meals].sort());
    const page = await editor.get(url);
    expect(page.body).toContain(`href="/partnerships/${partnership.id}/actions/${meals}">A2 – Holiday meals</a>`);
    const csv = await editor.get(`${url}.csv`);
    expect(csv.body).toContain("A1 – Advice in schools; A2 – Holiday meals");
    const actionPage = await editor.get(`/partnerships/${partnership.id}/actions/${advice}`);
    expect(actionPage.body).toContain("Funded by: <a");
    expect(actionPage.body).toContain("Northvale Council, 2025/26, Pooled, £2,500.00");
  });

  test("another partnership's action or an unknown id is a field error with values kept, and nothing is saved", async ({
    contributions,
    links,
  }) => {
    const url = `/partnerships/${partnership.id}/budgets`;
    for (const actionIds of [[advice, foreign], ["0f6c1f3e-8d1b-4b7a-9c55-2b6f0b7f3a10"], ["not-a-uuid"]]) {
      const response = await editor.post(url, {
        organisationId: council.id,
        financialYear: "2026/27",
        kind: "aligned",
        amount: "99",
        actionIds,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#actionIds"');
      expect(response.body).toContain("Select actions from the partnership&#39;s action plan");
      expect(response.body).toContain('value="99"');
      expect(response.body).not.toContain("Southvale private action");
    }
    expect(await contributions()).toHaveLength(1);
    expect(await links()).toHaveLength(2);
  });
});
