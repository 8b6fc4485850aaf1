import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../src/kernel/db/database.ts";
import { nationalGroups } from "../../src/national/partners-group/index.ts";
import { appTest, type BoundFixtures } from "./app-test.ts";
import type { TestClient } from "./test-app.ts";

/** Where a 303 went. */
export function location(response: { statusCode: number; headers: Record<string, unknown> }): string {
  expect(response.statusCode, "expected a redirect").toBe(303);
  return String(response.headers.location);
}

/**
 * A Scottish hub set up through its pages: the coordinator creates the group, adds two member
 * bodies and makes one person of each a national partner. Two Scottish partnerships with a lead
 * each, and an English partnership with a lead.
 */
async function setUpHub(db: Db, fixtures: BoundFixtures, signIn: (email: string) => Promise<TestClient>) {
  const unit = await fixtures.organisation("Coordination Unit", "national-body");
  const bodyA = await fixtures.organisation("Body A", "national-body");
  const bodyB = await fixtures.organisation("Body B", "national-body");
  const council = await fixtures.organisation("Glen Council");
  const otherCouncil = await fixtures.organisation("Strath Council");
  const englishCouncil = await fixtures.organisation("Northshire Council");
  const glen = await fixtures.partnership("Glen Partnership", "scotland", "S12000005", "Glen");
  const strath = await fixtures.partnership("Strath Partnership", "scotland", "S12000006", "Strath");
  const northshire = await fixtures.partnership("Northshire Partnership", "england", "E06000001", "Northshire");
  await fixtures.user("coordinator@hub.test", unit.id, { nations: ["scotland"] });
  await fixtures.user("partner.a@hub.test", bodyA.id);
  await fixtures.user("partner.b@hub.test", bodyB.id);
  await fixtures.user("colleague.a@hub.test", bodyA.id);
  await fixtures.user("lead@glen.test", council.id, { roles: [[glen.id, "lead"]] });
  await fixtures.user("viewer@glen.test", council.id, { roles: [[glen.id, "viewer"]] });
  await fixtures.user("lead@strath.test", otherCouncil.id, { roles: [[strath.id, "lead"]] });
  await fixtures.user("lead@northshire.test", englishCouncil.id, { roles: [[northshire.id, "lead"]] });
  await fixtures.user("coordinator.england@hub.test", unit.id, { nations: ["england"] });

  const coordinator = await signIn("coordinator@hub.test");
  location(
    await coordinator.post("/hub/scotland/group/edit", {
      name: "Scottish National Partners Group",
      remit: "Support for local partnerships",
      meetingIntervalWeeks: "4",
    }),
  );
  const [group] = await db.select().from(nationalGroups).where(eq(nationalGroups.nation, "scotland"));
  for (const organisation of [unit, bodyA, bodyB]) {
    location(await coordinator.post("/hub/scotland/partners", { organisationId: organisation.id }));
  }
  const members = await memberIds(coordinator);
  location(
    await coordinator.post(`/hub/scotland/partners/${members.get("Body A")}/people`, { email: "partner.a@hub.test" }),
  );
  location(
    await coordinator.post(`/hub/scotland/partners/${members.get("Body B")}/people`, { email: "partner.b@hub.test" }),
  );
  return { group: group!, glen, strath, northshire, unit, bodyA, bodyB, members, coordinator };
}

/** Member ids by organisation name, read from the partners page's links. */
export async function memberIds(client: TestClient): Promise<Map<string, string>> {
  const page = await client.get("/hub/scotland/partners");
  expect(page.statusCode).toBe(200);
  const result = new Map<string, string>();
  for (const match of page.body.matchAll(/href="\/hub\/scotland\/partners\/([0-9a-f-]{36})">([^<]+)<\/a><\/h2>/g)) {
    result.set(match[2]!, match[1]!);
  }
  return result;
}

export type Hub = Awaited<ReturnType<typeof setUpHub>>;

/** `appTest` plus `hub`: the Scottish hub above, set up once for the file when first asked for. */
export const hubTest = appTest.extend("hub", { scope: "file" }, ({ db, fixtures, signIn }) =>
  setUpHub(db, fixtures, signIn),
);

/** A request from Glen's lead, through the form; returns its id. */
export async function requestSupport(
  client: TestClient,
  partnershipId: string,
  fields: Record<string, string | string[]> = {},
): Promise<string> {
  const response = await client.post(`/partnerships/${partnershipId}/support/new`, {
    supportType: "data",
    topic: "Data zone analysis",
    drivers: ["costs:housing"],
    urgency: "soon",
    preferredMemberId: "",
    details: "We need small-area figures for our needs assessment.",
    ...fields,
  });
  const match = /\/support\/([0-9a-f-]{36})$/.exec(location(response));
  return match![1]!;
}
