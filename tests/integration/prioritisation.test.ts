import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actionBudgets, actions } from "../../src/cycle/actions/index.ts";
import {
  priorityCriteria,
  priorityOptions,
  priorityRounds,
  priorityScores,
} from "../../src/cycle/prioritisation/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { appTest } from "../helpers/app-test.ts";
import { addMember, auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

let partnership: { id: string };
let other: { id: string };
let members: { id: string; name: string }[] = [];
let lead: TestClient;
let reps: TestClient[] = [];
let viewer: TestClient;
let outsider: TestClient;
let roundUrl = "";
let roundId = "";

const base = () => `/partnerships/${partnership.id}/prioritisation`;

const test = appTest.extend("round", { scope: "file" }, ({ db }) => ({
  options: () =>
    db
      .select()
      .from(priorityOptions)
      .where(eq(priorityOptions.partnershipId, partnership.id))
      .orderBy(priorityOptions.createdAt),
  criteria: () =>
    db.select().from(priorityCriteria).where(eq(priorityCriteria.roundId, roundId)).orderBy(priorityCriteria.position),
  scores: () => db.select().from(priorityScores).where(eq(priorityScores.roundId, roundId)),
  status: async () => (await db.select().from(priorityRounds).where(eq(priorityRounds.id, roundId)))[0]!.status,
}));

test.beforeAll(async ({ database, fixtures, signIn }) => {
  partnership = await fixtures.partnership("Northvale Partnership", "scotland", "S12000097", "Northvale");
  other = await fixtures.partnership("Southvale Partnership", "scotland", "S12000096", "Southvale");
  const types = ["council", "health-board", "jobcentre", "police", "voluntary"];
  members = [];
  for (const [index, type] of types.entries())
    members.push(await addMember(database, partnership.id, `Northvale member ${index + 1}`, type));
  await fixtures.user("lead@northvale.example", members[0]!.id, { roles: [[partnership.id, "lead"]] });
  for (let index = 1; index < 5; index += 1)
    await fixtures.user(`rep${index}@northvale.example`, members[index]!.id, { roles: [[partnership.id, "editor"]] });
  await fixtures.user("viewer@northvale.example", members[4]!.id, { roles: [[partnership.id, "viewer"]] });
  const outsiderOrg = await addMember(database, other.id, "Southvale Council", "council");
  await fixtures.user("lead@southvale.example", outsiderOrg.id, { roles: [[other.id, "lead"]] });
  lead = await signIn("lead@northvale.example");
  reps = [lead];
  for (let index = 1; index < 5; index += 1) reps.push(await signIn(`rep${index}@northvale.example`));
  viewer = await signIn("viewer@northvale.example");
  outsider = await signIn("lead@southvale.example");
});

/** A whole score card: `quality[o]` (0–1) for option o on every criterion, as a whole score on its scale. */
async function scoreCard(
  round: {
    options: () => Promise<{ id: string; withdrawnAt: Date | null }[]>;
    criteria: () => Promise<(typeof priorityCriteria.$inferSelect)[]>;
  },
  quality: number[],
  comment: string,
) {
  const body: Record<string, string> = {};
  const options = (await round.options()).filter((option) => !option.withdrawnAt);
  for (const [o, option] of options.entries())
    for (const criterion of await round.criteria()) {
      const good = criterion.direction === "lower" ? 1 - quality[o]! : quality[o]!;
      body[`score-${option.id}-${criterion.id}`] = String(
        Math.round(criterion.scaleMin + good * (criterion.scaleMax - criterion.scaleMin)),
      );
      body[`comment-${option.id}-${criterion.id}`] = comment;
    }
  return body;
}

describe("collective prioritisation of funding", () => {
  test("the lead sets up a round with default criteria, options and weights", async ({ round }) => {
    const created = await lead.post(`${base()}/new`, {
      title: "Northvale fund",
      budget: "100,000",
      financialYear: "2026/27",
      topK: "2",
    });
    expect(created.statusCode).toBe(303);
    roundUrl = created.headers.location as string;
    roundId = roundUrl.split("/").at(-1)!;
    const criteria = await round.criteria();
    expect(criteria.map((c) => c.name)).toEqual([
      "Reach into priority families",
      "Effect on a driver",
      "Strength of evidence",
      "Cost",
      "Deliverability",
    ]);
    expect(criteria.find((c) => c.name === "Cost")!.direction).toBe("lower");
    // Strength of evidence is scored on the practice library's five levels.
    expect(criteria[2]!.description).toContain("Level 1: clear rationale");

    for (const [title, cost] of [
      ["Holiday clubs", "40,000"],
      ["Advice in GP practices", "50,000"],
      ["Uniform bank", "20,000"],
    ] as const)
      expect(
        (await lead.post(`${roundUrl}/options/new`, { title, cost, leadOrganisationId: members[1]!.id })).statusCode,
      ).toBe(303);
    const foreign = await lead.post(`${roundUrl}/options/new`, {
      title: "Foreign lead",
      cost: "10",
      leadOrganisationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain("Select a lead organisation that is a member of the partnership");

    // An existing action, picked from the partnership's action plan.
    const action = await lead.post(`/partnerships/${partnership.id}/actions/new`, {
      title: "Welfare rights outreach",
      leadOrganisationId: members[0]!.id,
    });
    expect(action.statusCode).toBe(303);
    const [existing] = await round.options();
    expect(existing).toBeDefined();
    const form = await lead.get(`${roundUrl}/options/from-action`);
    const actionId = /<option value="([0-9a-f-]{36})">Welfare rights outreach/.exec(form.body)![1]!;
    expect((await lead.post(`${roundUrl}/options/from-action`, { actionId, cost: "30000" })).statusCode).toBe(303);
    expect((await round.options()).map((o) => o.kind)).toEqual(["bid", "bid", "bid", "action"]);

    const criteriaIds = criteria.map((c) => c.id);
    const weights = (points: string[], extra: Record<string, string> = {}) => ({
      method: "points",
      ...Object.fromEntries(criteriaIds.map((id, i) => [`points-${id}`, points[i]!])),
      ...extra,
    });
    const bad = await lead.post(`${roundUrl}/weights`, weights(["30", "x", "20", "10", "10"]));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the points for Effect on a driver");
    const swing = await lead.post(`${roundUrl}/weights`, {
      ...weights(["100", "60", "80", "10", "10"]),
      method: "swing",
      ...Object.fromEntries(criteriaIds.map((id, i) => [`rank-${id}`, String(i + 1)])),
    });
    expect(swing.statusCode).toBe(400);
    expect(swing.body).toContain(
      "Strength of evidence is ranked below Effect on a driver: give it no more than 60 points",
    );
    expect((await round.criteria()).map((c) => c.weightPoints)).toEqual([25, 25, 20, 15, 15]);
    expect((await lead.post(`${roundUrl}/weights`, weights(["30", "30", "10", "10", "10"]))).statusCode).toBe(303);
    expect((await lead.get(roundUrl)).body).toContain("The points add up to 90, so they have been scaled to 100%");
  });

  test("scoring is blind: nobody, the lead included, sees another organisation's scores before close", async ({
    round,
    database,
  }) => {
    expect((await lead.post(`${roundUrl}/open`, {})).statusCode).toBe(303);
    expect(await round.status()).toBe("open");
    // Options are fixed once scoring opens.
    const late = await lead.post(`${roundUrl}/options/new`, {
      title: "Late",
      cost: "1",
      leadOrganisationId: members[1]!.id,
    });
    expect(late.statusCode).toBe(400);
    expect((await round.options()).length).toBe(4);

    const card = await scoreCard(round, [0.9, 0.5, 0.3, 0.6], "SECRET-COMMENT-REP1");
    expect((await reps[1]!.post(`${roundUrl}/score`, card)).statusCode).toBe(303);
    expect((await reps[1]!.get(`${roundUrl}/score`)).body).toContain("SECRET-COMMENT-REP1");

    const results = await lead.get(`${roundUrl}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain("hidden until scoring closes");
    expect(results.body).not.toContain("SECRET-COMMENT-REP1");
    for (const page of [
      await lead.get(roundUrl),
      await reps[2]!.get(`${roundUrl}/score`),
      await lead.get(`${roundUrl}/score`),
    ])
      expect(page.body).not.toContain("SECRET-COMMENT-REP1");
    expect((await lead.get(roundUrl)).body).toContain("1 of 5 member organisations");
    // The audit log, which leads read, names the card but not its scores.
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "prioritisation.scores.save"), eq(auditLog.partnershipId, partnership.id)));
    expect(JSON.stringify(entry)).not.toContain("SECRET-COMMENT-REP1");
    // Viewers read but do not score; another partnership's lead gets 404.
    expect((await viewer.get(`${roundUrl}/score`)).statusCode).toBe(403);
    expect((await outsider.get(roundUrl)).statusCode).toBe(404);
    expect((await outsider.get(`${roundUrl}/results`)).statusCode).toBe(404);
    expect((await outsider.get(`/partnerships/${other.id}/prioritisation/${roundId}`)).statusCode).toBe(404);
  });

  test("a score outside the scale is refused naming the option and criterion, and nothing is saved", async ({
    round,
  }) => {
    const card = await scoreCard(round, [0.8, 0.6, 0.4, 0.5], "rep2");
    const [option] = await round.options();
    const [criterion] = await round.criteria();
    const refused = await reps[2]!.post(`${roundUrl}/score`, {
      ...card,
      [`score-${option!.id}-${criterion!.id}`]: "9",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      "The score for ‘Holiday clubs’ on ‘Reach into priority families’ must be a whole number from 0 to 5",
    );
    const missing = await reps[2]!.post(`${roundUrl}/score`, { ...card, [`score-${option!.id}-${criterion!.id}`]: "" });
    expect(missing.statusCode).toBe(400);
    expect((await round.scores()).filter((s) => s.organisationId === members[2]!.id)).toHaveLength(0);
  });

  test("five organisations score; a withdrawn option stays in the record; the lead closes and sees the results", async ({
    round,
    database,
  }) => {
    const views = [
      [0.9, 0.6, 0.2, 0.5],
      [0.8, 0.6, 0.4, 0.5],
      [1, 0.4, 0.4, 0.6],
      [0.7, 0.6, 0.2, 0.4],
    ];
    for (const [index, view] of views.entries()) {
      const client = index === 0 ? lead : reps[index + 1]!;
      expect((await client.post(`${roundUrl}/score`, await scoreCard(round, view, `org ${index}`))).statusCode).toBe(
        303,
      );
    }
    expect((await lead.get(roundUrl)).body).toContain("5 of 5 member organisations");
    const uniform = (await round.options()).find((o) => o.title === "Uniform bank")!;
    expect((await lead.post(`${roundUrl}/options/${uniform.id}/withdraw`, {})).statusCode).toBe(303);
    expect((await round.options()).find((o) => o.id === uniform.id)!.withdrawnAt).not.toBeNull();
    expect((await round.scores()).filter((s) => s.optionId === uniform.id)).toHaveLength(25);
    expect((await lead.get(roundUrl)).body).toContain("Withdrawn");

    expect((await reps[1]!.post(`${roundUrl}/close`, {})).statusCode).toBe(403);
    const closed = await lead.post(`${roundUrl}/close`, {});
    expect(closed.statusCode).toBe(303);
    expect(await round.status()).toBe("closed");
    expect(await auditCount(database, "prioritisation.round.close", partnership.id)).toBe(1);
    // Scoring is over: a late card is refused.
    expect((await reps[1]!.get(`${roundUrl}/score`)).statusCode).toBe(404);

    const results = await viewer.get(`${roundUrl}/results`);
    expect(results.statusCode).toBe(200);
    const ranked = [...results.body.matchAll(/data-option="([^"]+)"/g)].map((m) => m[1]);
    expect(ranked[0]).toBe("Holiday clubs");
    expect(ranked).not.toContain("Uniform bank");
    expect(results.body).toContain("Withdrawn after scoring opened");
    expect(results.body).toContain("Chance of staying in the top 2");
    expect(results.body).toContain("<svg");
    expect(results.body).toContain("Ranking when one weight changes");
    expect(results.body).toContain("Best set within the budget");
    expect(results.body).toContain("SECRET-COMMENT-REP1");
  });

  test("the decision turns the chosen options into actions with budget lines", async ({ round, database, db }) => {
    const options = (await round.options()).filter((o) => !o.withdrawnAt);
    const pick = (titles: string[]) => options.filter((o) => titles.includes(o.title)).map((o) => o.id);
    const decision = {
      decidedBy: "Partnership board",
      decidedOn: "14/05/2026",
      rationale: "Highest ranked within budget",
      meetingId: "",
      source: "Child poverty fund",
      arrangement: "pooled",
    };
    const over = await lead.post(`${roundUrl}/decision`, {
      ...decision,
      optionIds: pick(["Holiday clubs", "Advice in GP practices", "Welfare rights outreach"]),
    });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain("The options chosen cost £120,000.00, more than the £100,000.00 available");
    expect(await round.status()).toBe("closed");

    const done = await lead.post(`${roundUrl}/decision`, {
      ...decision,
      optionIds: pick(["Holiday clubs", "Welfare rights outreach"]),
    });
    expect(done.statusCode).toBe(303);
    expect(await round.status()).toBe("decided");
    const plan = await db.select().from(actions).where(eq(actions.partnershipId, partnership.id));
    expect(plan.map((a) => a.title).sort()).toEqual(["Holiday clubs", "Welfare rights outreach"]);
    const lines = await db.select().from(actionBudgets).where(eq(actionBudgets.partnershipId, partnership.id));
    expect(lines.map((l) => [l.amountPence, l.financialYear, l.arrangement]).sort()).toEqual([
      [3_000_000, "2026/27", "pooled"],
      [4_000_000, "2026/27", "pooled"],
    ]);
    expect(await auditCount(database, "prioritisation.round.decide", partnership.id)).toBe(1);
    const page = await lead.get(roundUrl);
    expect(page.body).toContain("Highest ranked within budget");
    expect(page.body).toContain("Chosen");
  });
});
