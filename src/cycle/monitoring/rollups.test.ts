import { describe, expect, it } from "vitest";
import { byDriver, byFamilyType, byPartner, byPriority, planTotals, type RollupAction, rollUp } from "./rollups.ts";

const action = (id: string, overrides: Partial<RollupAction> = {}): RollupAction => ({
  id,
  priorityIds: [],
  drivers: [],
  familyTypes: [],
  leadOrganisationId: "council",
  partnerOrganisationIds: [],
  budgetPence: 0,
  latest: null,
  ...overrides,
});
const update = (status: NonNullable<RollupAction["latest"]>["status"], percentComplete: number, extra = {}) => ({
  status,
  percentComplete,
  spendToDatePence: null,
  peopleReached: null,
  familiesReached: null,
  ...extra,
});

const items: RollupAction[] = [
  action("a", {
    priorityIds: ["p1", "p2"],
    drivers: ["costs:housing", "costs:debt", "employment:skills"],
    familyTypes: ["lone-parent"],
    partnerOrganisationIds: ["health"],
    budgetPence: 100_000,
    latest: update("green", 50, { spendToDatePence: 40_000, familiesReached: 12, peopleReached: 30 }),
  }),
  action("b", {
    priorityIds: ["p1"],
    drivers: ["costs:other"],
    familyTypes: ["lone-parent", "larger-family"],
    leadOrganisationId: "health",
    budgetPence: 50_000,
    latest: update("red", 10, { spendToDatePence: 5_000, familiesReached: 3 }),
  }),
  action("c", { priorityIds: ["p2"], drivers: ["social-security:take-up"], budgetPence: 25_000 }),
];

describe("roll-ups", () => {
  it("groups by priority, counting an action under each of its priorities", () => {
    const rows = rollUp(items, byPriority, ["p1", "p2", "p3"]);
    expect(rows.map((row) => [row.key, row.actions])).toEqual([
      ["p1", 2],
      ["p2", 2],
      ["p3", 0],
    ]);
    const p1 = rows[0]!;
    expect(p1.byStatus).toMatchObject({ green: 1, red: 1, "no-update": 0 });
    expect(p1.averagePercentComplete).toBe(30);
    expect(p1.budgetPence).toBe(150_000);
    expect(p1.spendToDatePence).toBe(45_000);
    expect(p1.familiesReached).toBe(15);
    const p2 = rows[1]!;
    expect(p2.byStatus["no-update"]).toBe(1);
    // Only actions with an update count towards the average; no update is not zero.
    expect(p2.averagePercentComplete).toBe(50);
    expect(rows[2]!.averagePercentComplete).toBeNull();
  });

  it("rolls sub-drivers up to their driver, counting an action once per driver", () => {
    const rows = rollUp(items, byDriver, ["employment", "costs", "social-security"]);
    expect(rows.map((row) => [row.key, row.actions, row.budgetPence])).toEqual([
      ["employment", 1, 100_000],
      ["costs", 2, 150_000],
      ["social-security", 1, 25_000],
    ]);
  });

  it("groups by family type and by partner (lead and contributors)", () => {
    expect(rollUp(items, byFamilyType).map((row) => [row.key, row.actions])).toEqual([
      ["lone-parent", 2],
      ["larger-family", 1],
    ]);
    const partners = rollUp(items, byPartner, ["council", "health"]);
    expect(partners.map((row) => [row.key, row.actions])).toEqual([
      ["council", 2],
      ["health", 2],
    ]);
  });

  it("totals the plan counting each action once", () => {
    const totals = planTotals(items);
    expect(totals.actions).toBe(3);
    expect(totals.budgetPence).toBe(175_000);
    expect(totals.byStatus).toMatchObject({ green: 1, red: 1, "no-update": 1 });
    expect(totals.peopleReached).toBe(30);
    expect(planTotals([]).actions).toBe(0);
  });
});
