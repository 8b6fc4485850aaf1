import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import { strategies } from "../../src/cycle/strategy/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

let coordinator: TestClient;

test.beforeAll(async ({ db, signIn, fixtures }) => {
  const council = await fixtures.organisation("Rivermouth Council");
  const rivermouth = await fixtures.partnership("Rivermouth Partnership", "scotland", "S12000091", "Rivermouth");
  await fixtures.partnership("Hillfoot Partnership", "scotland", "S12000092", "Hillfoot");
  await db
    .insert(strategies)
    .values({ partnershipId: rivermouth.id, startYear: 2025, endYear: 2029, status: "signed-off" });
  const base = { partnershipId: rivermouth.id, leadOrganisationId: council.id };
  await db.insert(actions).values([
    // Two sub-drivers of one driver count once for that driver.
    {
      ...base,
      title: "Fair work charter",
      drivers: ["employment:hourly-pay", "employment:skills"],
      familyTypes: ["lone-parent"],
    },
    {
      ...base,
      title: "Benefit take-up drive",
      drivers: ["social-security:take-up", "employment"],
      familyTypes: ["lone-parent", "disability"],
    },
    { ...base, title: "Untagged action" },
  ]);
  await fixtures.user("coordinator@scotland.example", council.id, { nations: ["scotland"] });
  coordinator = await signIn("coordinator@scotland.example");
});

describe("national view from the strategy and action records", () => {
  test("shows a partnership's strategy period, status and action counts by driver and family type", async () => {
    const page = await coordinator.get("/national/scotland");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("2025 to 2029 (signed off)");
    expect(page.body).toContain("3 actions");
    expect(page.body).toContain(
      "By driver: Income from employment 2, Income from social security and benefits in kind 1",
    );
    expect(page.body).toContain("By family type: Lone parent families 2, Families with a disabled adult or child 1");
    // A partnership with nothing recorded says so rather than showing zeros.
    expect(page.body).toContain("No strategy recorded");
    expect(page.body).toContain("No strategy actions recorded");
  });

  test("exports the same figures in the CSV", async () => {
    const csv = await coordinator.get("/national/scotland/export.csv");
    expect(csv.statusCode).toBe(200);
    const line = csv.body.split("\n").find((row) => row.startsWith("Rivermouth Partnership"));
    expect(line).toContain("2025 to 2029 (signed off)");
    expect(line).toContain("3 actions");
    expect(line).toContain("Income from employment 2, Income from social security and benefits in kind 1");
    expect(line).toContain("Lone parent families 2, Families with a disabled adult or child 1");
    const hillfoot = csv.body.split("\n").find((row) => row.startsWith("Hillfoot Partnership"));
    expect(hillfoot).toContain("No strategy recorded");
  });
});
