import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import {
  actionUpdates,
  formatPeriod,
  periodEnd,
  periodOf,
  periodStart,
  shiftPeriod,
} from "../../src/cycle/monitoring/index.ts";
import { addMember } from "../helpers/partnership-fixtures.ts";
import { appTest } from "../helpers/app-test.ts";

const current = periodOf(new Date());
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const test = appTest.extend(
  "attentionOf",
  { scope: "file" },
  ({ signIn }) =>
    async function attentionOf(email: string) {
      const client = await signIn(email);
      const page = await client.get("/attention");
      expect(page.statusCode).toBe(200);
      return page.body;
    },
);

test.beforeAll(async ({ database, db, fixtures }) => {
  const marsh = await fixtures.partnership("Marsh Partnership", "scotland", "S12000070", "Marsh");
  const fen = await fixtures.partnership("Fen Partnership", "scotland", "S12000071", "Fen");
  const council = await addMember(database, marsh.id, "Marsh Council", "council");
  const health = await addMember(database, marsh.id, "Marsh Health Board", "health-board");
  const fenCouncil = await addMember(database, fen.id, "Fen Council", "council");
  const rows = await db
    .insert(actions)
    .values([
      { partnershipId: marsh.id, leadOrganisationId: council.id, reference: "M1", title: "Council-led welfare advice" },
      { partnershipId: marsh.id, leadOrganisationId: health.id, reference: "M2", title: "Health-led income checks" },
      {
        partnershipId: marsh.id,
        leadOrganisationId: health.id,
        reference: "M3",
        title: "Health action already updated",
      },
      { partnershipId: marsh.id, leadOrganisationId: health.id, reference: "M4", title: "Health action completed" },
      {
        partnershipId: marsh.id,
        leadOrganisationId: health.id,
        reference: "M5",
        title: "Health action that ended",
        endDate: dayBefore(periodStart(current)),
      },
      {
        partnershipId: marsh.id,
        leadOrganisationId: health.id,
        reference: "M6",
        title: "Health action not yet started",
        startDate: periodEnd(shiftPeriod(current, 1)),
      },
      {
        partnershipId: fen.id,
        leadOrganisationId: fenCouncil.id,
        reference: "F1",
        title: "Fen action nobody here leads",
      },
    ])
    .returning();
  const id = (reference: string) => rows.find((row) => row.reference === reference)!.id;
  await db.insert(actionUpdates).values([
    {
      partnershipId: marsh.id,
      actionId: id("M3"),
      period: formatPeriod(current),
      status: "green",
      percentComplete: 40,
    },
    // An update for an earlier period does not count for this one…
    {
      partnershipId: marsh.id,
      actionId: id("M2"),
      period: formatPeriod(shiftPeriod(current, -1)),
      status: "amber",
      reason: "Staffing",
      percentComplete: 20,
    },
    // …but an action whose latest update says complete needs no more.
    {
      partnershipId: marsh.id,
      actionId: id("M4"),
      period: formatPeriod(shiftPeriod(current, -1)),
      status: "complete",
      percentComplete: 100,
    },
  ]);
  await fixtures.user("lead@marsh.example", council.id, { roles: [[marsh.id, "lead"]] });
  await fixtures.user("editor@marsh.example", health.id, { roles: [[marsh.id, "editor"]] });
  await fixtures.user("viewer@marsh.example", health.id, { roles: [[marsh.id, "viewer"]] });
});

describe("attention list: progress updates overdue", () => {
  test("shows a lead every action of their partnership without an update for the current period", async ({
    attentionOf,
  }) => {
    const body = await attentionOf("lead@marsh.example");
    expect(body).toContain("Progress updates overdue (2)");
    expect(body).toContain("M1 – Council-led welfare advice");
    expect(body).toContain("M2 – Health-led income checks");
    expect(body).toContain(`Marsh Partnership: no update for ${formatPeriod(current)}`);
    expect(body).toMatch(/href="\/partnerships\/[0-9a-f-]{36}\/actions\/[0-9a-f-]{36}\/updates\/new"/);
    for (const title of ["already updated", "completed", "that ended", "not yet started", "Fen action"])
      expect(body).not.toContain(title);
  });

  test("shows an editor only the actions their organisation leads", async ({ attentionOf }) => {
    const body = await attentionOf("editor@marsh.example");
    expect(body).toContain("Progress updates overdue (1)");
    expect(body).toContain("M2 – Health-led income checks");
    expect(body).not.toContain("Council-led welfare advice");
  });

  test("shows a viewer none", async ({ attentionOf }) => {
    expect(await attentionOf("viewer@marsh.example")).not.toContain("Progress updates overdue");
  });
});
