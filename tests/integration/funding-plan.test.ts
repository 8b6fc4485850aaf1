import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { budgetContributions, fundingAllocations, fundingStreams } from "../../src/cycle/budgets/index.ts";
import { budgetTest } from "../helpers/budget-world.ts";
import { auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

let partnership: { id: string };
let other: { id: string };
let council: { id: string };
let advice: string;
let meals: string;
let foreign: string;
let editor: TestClient;

const test = budgetTest
  .extend(
    "budgetPlaces",
    { scope: "file" },
    {
      place: "Fundvale",
      code: "E06000093",
      neighbour: "Poorvale",
      neighbourCode: "E06000092",
      neighbourReference: "P1",
      advice: { startDate: "2025-04-01", endDate: "2027-03-31" },
      meals: { startDate: "2026-04-01", endDate: "2028-03-31" },
    },
  )
  .extend(
    "streams",
    { scope: "file" },
    ({ db }) =>
      () =>
        db.select().from(fundingStreams).where(eq(fundingStreams.partnershipId, partnership.id)),
  )
  .extend(
    "allocations",
    { scope: "file" },
    ({ db }) =>
      () =>
        db.select().from(fundingAllocations).where(eq(fundingAllocations.partnershipId, partnership.id)),
  );

test.beforeAll(async ({ budgetWorld, db, fixtures }) => {
  ({ partnership, other, council, advice, meals, foreign, editor } = budgetWorld);
  const { org } = budgetWorld;
  // A one-year contribution of £60,000 in 2026/27: one-year money in the national share.
  await db.insert(budgetContributions).values({
    partnershipId: partnership.id,
    organisationId: council.id,
    financialYear: "2026/27",
    kind: "aligned",
    amountPence: 6_000_000,
  });
  await fixtures.user("viewer@fundvale.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await fixtures.user("lead@poorvale.example", org.id, { roles: [[other.id, "lead"]] });
  await fixtures.user("coordinator@fundvale.example", org.id, { nations: ["england"] });
});

const newStream = () => `/partnerships/${partnership.id}/budgets/streams/new`;
const flexibleStream = {
  name: "Family wellbeing fund",
  sourceType: "member",
  sourceOrganisationId: "",
  kind: "pooled",
  flexibility: "flexible",
  firstYear: "2025/26",
  lastYear: "2027/28",
  amount1: "100,000",
  status1: "committed",
  amount2: "£100000",
  status2: "committed",
  amount3: "50000",
  status3: "indicative",
  conditions: "Early help only",
};

describe("multi-year funding plan", () => {
  test("refuses bad streams, naming the field, and saves nothing", async ({ database, streams }) => {
    const wrongOrder = await editor.post(newStream(), {
      ...flexibleStream,
      sourceOrganisationId: council.id,
      firstYear: "2027/28",
      lastYear: "2025/26",
    });
    expect(wrongOrder.statusCode).toBe(400);
    expect(wrongOrder.body).toContain("govuk-error-summary");
    expect(wrongOrder.body).toContain('href="#lastYear"');
    expect(wrongOrder.body).toContain("The last financial year must be the same as or after the first");
    const notMoney = await editor.post(newStream(), {
      ...flexibleStream,
      sourceOrganisationId: council.id,
      amount2: "12.345",
      amount4: "10",
      firstYear: "2025/27",
    });
    expect(notMoney.statusCode).toBe(400);
    expect(notMoney.body).toContain("The amount for year 2 must be an amount in pounds");
    expect(notMoney.body).toContain("Enter the first financial year in the format 2025/26");
    const missing = await editor.post(newStream(), {
      ...flexibleStream,
      sourceOrganisationId: council.id,
      amount3: "",
      status3: "",
      amount4: "10",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Enter the amount for 2027/28");
    expect(missing.body).toContain("Select whether the money for 2027/28 is committed or indicative");
    expect(missing.body).toContain("Year 4 is after the last financial year (2027/28)");
    const tooLong = await editor.post(newStream(), {
      ...flexibleStream,
      sourceOrganisationId: council.id,
      lastYear: "2031/32",
    });
    expect(tooLong.body).toContain("A stream can cover at most 5 financial years");
    const noFunder = await editor.post(newStream(), { ...flexibleStream, sourceType: "external", externalFunder: "" });
    expect(noFunder.body).toContain('href="#externalFunder"');
    const notMember = await editor.post(newStream(), {
      ...flexibleStream,
      sourceOrganisationId: "6f1c3c7e-0000-4000-8000-000000000000",
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.body).toContain("Select one of the partnership");
    expect(await streams()).toHaveLength(0);
    expect(await auditCount(database, "budget.stream-add", partnership.id)).toBe(0);
  });

  test("adds streams and allocations, carries flexible money forward, lapses ring-fenced money and shows gaps", async ({
    database,
    streams,
    allocations,
  }) => {
    expect((await editor.post(newStream(), { ...flexibleStream, sourceOrganisationId: council.id })).statusCode).toBe(
      303,
    );
    const ringFenced = await editor.post(newStream(), {
      name: "Employability grant",
      sourceType: "external",
      externalFunder: "Fictional Trust",
      kind: "aligned",
      flexibility: "ring-fenced",
      firstYear: "2026/27",
      lastYear: "2026/27",
      amount1: "40000",
      status1: "committed",
    });
    expect(ringFenced.statusCode).toBe(303);
    const [flexible, grant] = (await streams()).sort((a, b) => a.firstYear.localeCompare(b.firstYear));
    const allocate = (streamId: string) =>
      `/partnerships/${partnership.id}/budgets/streams/${streamId}/allocations/new`;
    const post = (streamId: string, actionId: string, financialYear: string, amount: string, status = "committed") =>
      editor.post(allocate(streamId), { actionId, financialYear, amount, status });
    expect((await post(flexible!.id, advice, "2025/26", "80000")).statusCode).toBe(303);
    expect((await post(flexible!.id, advice, "2026/27", "70000")).statusCode).toBe(303);
    // Over what 2026/27 has (100,000 + 20,000 carried): allowed, and shown as a gap.
    expect((await post(flexible!.id, meals, "2026/27", "60000", "indicative")).statusCode).toBe(303);
    expect((await post(grant!.id, meals, "2026/27", "30000")).statusCode).toBe(303);

    const outside = await post(grant!.id, advice, "2027/28", "10");
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain("Enter a financial year the stream covers, from 2026/27 to 2026/27");
    const notMoney = await post(flexible!.id, advice, "2027/28", "ten pounds");
    expect(notMoney.statusCode).toBe(400);
    expect(notMoney.body).toContain('href="#amount"');
    const twice = await post(flexible!.id, advice, "2025/26", "5");
    expect(twice.body).toContain("already has an allocation from this stream for 2025/26");
    expect((await post(flexible!.id, foreign, "2025/26", "5")).statusCode).toBe(404);
    expect(await allocations()).toHaveLength(4);
    expect(await auditCount(database, "budget.allocation-add", partnership.id)).toBe(4);
    expect(await auditCount(database, "budget.stream-add", partnership.id)).toBe(2);

    const page = await editor.get(`/partnerships/${partnership.id}/budgets/plan`);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/\s+/g, " ");
    expect(text).toContain("Funding by financial year, 2025/26 to 2027/28");
    expect(text).toContain('role="img"');
    expect(text).toContain("Data table");
    // 2025/26: £20,000 carried out of the flexible stream; 2026/27: £160,000 available in all
    // (140,000 new + 20,000 carried), £160,000 allocated, £10,000 short in the flexible stream and
    // £10,000 of the ring-fenced grant lapsing; 2027/28: £50,000 lapses after the last year.
    expect(text).toContain("£20,000.00");
    expect(text).toContain("£160,000.00");
    expect(text).toContain("Family wellbeing fund, 2026/27: £10,000.00 more allocated than available");
    expect(text).toContain("unallocated money lapses at the end of each year");
    expect(text).toContain("unallocated money carries forward to its next year");
    // Holiday meals runs into 2027/28 with nothing allocated for it then.
    expect(text).toMatch(/A2 – Holiday meals<\/a>: 2027\/28/);
    expect(text).not.toMatch(/A1 – Advice in schools<\/a>: /);
    const actionPage = await editor.get(`/partnerships/${partnership.id}/actions/${advice}`);
    expect(actionPage.body).toContain("Family wellbeing fund, 2025/26, Committed, £80,000.00");
  });

  test("national view shows each area's flexible and multi-year shares through budgets' index", async ({ signIn }) => {
    const coordinator = await signIn("coordinator@fundvale.example");
    // 2026/27: flexible 100,000 (3 years) + ring-fenced 40,000 (1 year) + contribution 60,000 = 200,000:
    // flexible 50 %, multi-year 50 %. Poorvale has nothing recorded.
    const page = await coordinator.get("/national/england?year=2026/27");
    const text = page.body.replace(/\s+/g, " ");
    expect(text).toContain('Flexible 50%<br>Multi-year 50%<br><span class="govuk-body-s">of £200,000.00</span>');
    expect(text).toContain("None recorded");
    const csv = await coordinator.get("/national/england/export.csv?year=2026/27");
    expect(csv.body).toMatch(/Fundvale Partnership.*200000\.00,50%,50%/);
  });

  test("another partnership's streams are 404; a viewer reads the plan but cannot change it", async ({
    signIn,
    streams,
    allocations,
  }) => {
    const [stream] = await streams();
    const [allocation] = await allocations();
    const outsider = await signIn("lead@poorvale.example");
    expect((await outsider.get(`/partnerships/${partnership.id}/budgets/plan`)).statusCode).toBe(404);
    // The stream looked up under the outsider's own partnership does not exist there.
    const crossed = `/partnerships/${other.id}/budgets/streams/${stream!.id}/allocations/new`;
    expect((await outsider.get(crossed)).statusCode).toBe(404);
    expect(
      (await outsider.post(crossed, { actionId: foreign, financialYear: "2025/26", amount: "5", status: "committed" }))
        .statusCode,
    ).toBe(404);
    expect((await outsider.post(`/partnerships/${other.id}/budgets/streams/${stream!.id}/delete`, {})).statusCode).toBe(
      404,
    );
    const viewer = await signIn("viewer@fundvale.example");
    const page = await viewer.get(`/partnerships/${partnership.id}/budgets/plan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Allocate money from this stream");
    expect((await viewer.post(newStream(), { ...flexibleStream, sourceOrganisationId: council.id })).statusCode).toBe(
      403,
    );
    expect(await allocations()).toHaveLength(4);
    expect(allocation).toBeDefined();
  });

  test("removing an allocation and a stream asks first, then removes and audits", async ({
    database,
    streams,
    allocations,
  }) => {
    const [allocation] = await allocations();
    const removeAllocation = `/partnerships/${partnership.id}/budgets/streams/${allocation!.streamId}/allocations/${allocation!.id}/delete`;
    expect((await editor.get(removeAllocation)).body).toContain("Are you sure you want to remove the allocation");
    expect((await editor.post(removeAllocation, {})).statusCode).toBe(303);
    expect((await editor.post(removeAllocation, {})).statusCode).toBe(404);
    const stream = (await streams()).find((row) => row.flexibility === "flexible")!;
    const removeStream = `/partnerships/${partnership.id}/budgets/streams/${stream.id}/delete`;
    expect((await editor.get(removeStream)).body).toContain("every allocation made from it");
    expect((await editor.post(removeStream, {})).statusCode).toBe(303);
    expect(await streams()).toHaveLength(1);
    expect(await allocations()).toHaveLength(1);
    expect(await auditCount(database, "budget.allocation-remove", partnership.id)).toBe(1);
    expect(await auditCount(database, "budget.stream-remove", partnership.id)).toBe(1);
  });
});
