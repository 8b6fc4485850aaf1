import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { nationalGroups } from "../../src/national/partners-group/index.ts";
import { fixtures, type TestApp, type TestClient } from "./test-app.ts";

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
export async function setUpHub(t: TestApp) {
  const db = t.database;
  const unit = await fixtures.organisation(db, "Coordination Unit", "national-body");
  const bodyA = await fixtures.organisation(db, "Body A", "national-body");
  const bodyB = await fixtures.organisation(db, "Body B", "national-body");
  const council = await fixtures.organisation(db, "Glen Council");
  const otherCouncil = await fixtures.organisation(db, "Strath Council");
  const englishCouncil = await fixtures.organisation(db, "Northshire Council");
  const glen = await fixtures.partnership(db, "Glen Partnership", "scotland", "S12000005", "Glen");
  const strath = await fixtures.partnership(db, "Strath Partnership", "scotland", "S12000006", "Strath");
  const northshire = await fixtures.partnership(db, "Northshire Partnership", "england", "E06000001", "Northshire");
  await fixtures.user(db, "coordinator@hub.test", unit.id, { nations: ["scotland"] });
  await fixtures.user(db, "partner.a@hub.test", bodyA.id);
  await fixtures.user(db, "partner.b@hub.test", bodyB.id);
  await fixtures.user(db, "colleague.a@hub.test", bodyA.id);
  await fixtures.user(db, "lead@glen.test", council.id, { roles: [[glen.id, "lead"]] });
  await fixtures.user(db, "viewer@glen.test", council.id, { roles: [[glen.id, "viewer"]] });
  await fixtures.user(db, "lead@strath.test", otherCouncil.id, { roles: [[strath.id, "lead"]] });
  await fixtures.user(db, "lead@northshire.test", englishCouncil.id, { roles: [[northshire.id, "lead"]] });
  await fixtures.user(db, "coordinator.england@hub.test", unit.id, { nations: ["england"] });

  const coordinator = await signedIn(t, "coordinator@hub.test");
  location(
    await coordinator.post("/hub/scotland/group/edit", {
      name: "Scottish National Partners Group",
      remit: "Support for local partnerships",
      meetingIntervalWeeks: "4",
    }),
  );
  const [group] = await db.db.select().from(nationalGroups).where(eq(nationalGroups.nation, "scotland"));
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

export async function signedIn(t: TestApp, email: string): Promise<TestClient> {
  const client = t.client();
  const response = await client.signIn(email);
  expect(response.statusCode).toBe(303);
  return client;
}

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
