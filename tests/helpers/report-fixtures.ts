import { eq } from "drizzle-orm";
import { actions, addIndicator } from "../../src/cycle/actions/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { seedIndicatorStore } from "./indicator-store.ts";
import { addMembers } from "./strategy-fixtures.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import type { BoundFixtures } from "./app-test.ts";
import type { TestClient } from "./test-app.ts";

/**
 * Three partnerships (Scottish with a council and a health board, English, and an unrelated
 * Scottish one), people in every role, small demo plans with a year of updates (2024/25), and
 * one plan indicator with values in the indicator store.
 */
export async function reportsWorld({
  database,
  fixtures,
  client,
  signIn,
}: {
  database: Database;
  fixtures: BoundFixtures;
  client: () => TestClient;
  signIn: (email: string) => Promise<TestClient>;
}) {
  const orgs: Record<string, string> = {};
  for (const [key, name, type] of [
    ["council", "Kelvinside Council", "council"],
    ["board", "NHS Kelvinside", "health-board"],
    ["jcp", "Kelvinside Jobcentre Plus", "jobcentre-plus"],
    ["advice", "Kelvinside Welfare Rights", "advice-agency"],
  ] as const) {
    orgs[key] = (await fixtures.organisation(name, type)).id;
  }
  const scot = (await fixtures.partnership("Kelvinside Partnership", "scotland", "S12000046", "Kelvinside")).id;
  const eng = (await fixtures.partnership("Northby Partnership", "england", "E06000001", "Northby")).id;
  const other = (await fixtures.partnership("Elsewhere Partnership", "scotland", "S12000047", "Elsewhere")).id;
  for (const id of [scot, eng, other]) await addMembers(database, id, Object.values(orgs));
  await fixtures.user("lead@k.example", orgs.council!, {
    roles: [
      [scot, "lead"],
      [eng, "lead"],
    ],
  });
  await fixtures.user("editor@k.example", orgs.jcp!, { roles: [[scot, "editor"]] });
  await fixtures.user("viewer@k.example", orgs.advice!, { roles: [[scot, "viewer"]] });
  await fixtures.user("outsider@e.example", orgs.advice!, { roles: [[other, "lead"]] });
  await fixtures.user("coordinator@scot.example", orgs.advice!, { nations: ["scotland"] });
  const signedIn = (email: string | null): Promise<TestClient> => (email ? signIn(email) : Promise.resolve(client()));
  const clients = {
    lead: await signedIn("lead@k.example"),
    editor: await signedIn("editor@k.example"),
    viewer: await signedIn("viewer@k.example"),
    outsider: await signedIn("outsider@e.example"),
    coordinator: await signedIn("coordinator@scot.example"),
    anonymous: await signedIn(null),
  };
  await buildDemoStrategy(database.db, { partnershipId: scot, financialYear: 2024, actions: 12 });
  await buildDemoStrategy(database.db, { partnershipId: eng, financialYear: 2024, actions: 8 });
  const [slug] = await seedIndicatorStore(
    database.db,
    { code: "S12000046", name: "Kelvinside", nation: "scotland" },
    1,
  );
  const [first] = await database.db.select().from(actions).where(eq(actions.partnershipId, scot)).limit(1);
  await addIndicator(database.db, { actorUserId: null, actorLabel: "test" }, scot, first!.id, {
    indicatorRef: slug!,
    label: "Store-backed indicator",
    baseline: 25,
    baselinePeriod: "2022/23",
    target: 18,
    targetDate: "2028-03-31",
  });
  return { orgs, scot, eng, other, ...clients };
}
