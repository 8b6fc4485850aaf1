/**
 * The national partners' hub by role: coordinator, national partners of two bodies, local leads
 * of two partnerships, a lead in another nation. Private notes stay with the coordinator and the
 * assigned body; a lead sees only their partnership's requests.
 */
import { describe, expect } from "vitest";
import { type Hub, hubTest as test, location, requestSupport } from "../helpers/hub-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

let hub: Hub;
let partnerA: TestClient;
let partnerB: TestClient;
let colleagueA: TestClient;
let glenLead: TestClient;
let strathLead: TestClient;
let englishLead: TestClient;
let requestId: string;

test.beforeAll(async ({ hub: set, signIn }) => {
  hub = set;
  [partnerA, partnerB, colleagueA, glenLead, strathLead, englishLead] = (await Promise.all(
    [
      "partner.a@hub.test",
      "partner.b@hub.test",
      "colleague.a@hub.test",
      "lead@glen.test",
      "lead@strath.test",
      "lead@northshire.test",
    ].map((email) => signIn(email)),
  )) as [TestClient, TestClient, TestClient, TestClient, TestClient, TestClient];
  requestId = await requestSupport(glenLead, hub.glen.id);
  location(
    await hub.coordinator.post(`/hub/scotland/requests/${requestId}/assign`, {
      memberId: hub.members.get("Body A")!,
      note: "",
    }),
  );
  location(
    await partnerA.post(`/hub/scotland/requests/${requestId}/reply`, {
      body: "Check the housing team's arrears data first",
      visibility: "note",
      moveTo: "",
    }),
  );
});

describe("reading the hub", () => {
  test("shows requests and figures to the coordinator and national partners, not to local leads", async () => {
    for (const client of [hub.coordinator, partnerA, partnerB]) {
      expect((await client.get("/hub/scotland/requests")).statusCode).toBe(200);
      expect((await client.get("/hub/scotland/figures")).statusCode).toBe(200);
    }
    for (const client of [glenLead, englishLead, colleagueA]) {
      expect((await client.get("/hub/scotland/requests")).statusCode).toBe(403);
      expect((await client.get(`/hub/scotland/requests/${requestId}`)).statusCode).toBe(403);
      expect((await client.get("/hub/scotland/figures")).statusCode).toBe(403);
    }
  });

  test("shows the offer, the matrix, the partners and the plan to anyone signed in, and nothing to the signed out", async ({
    client,
  }) => {
    for (const path of [
      "/hub/scotland",
      "/hub/scotland/offers",
      "/hub/scotland/matrix",
      "/hub/scotland/partners",
      "/hub/scotland/plan",
    ]) {
      expect((await englishLead.get(path)).statusCode, path).toBe(200);
      const anonymous = await client().get(path);
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location, path).toMatch(/^\/sign-in/);
    }
  });

  test("gives a nation without a group a page saying so, and 404 below it", async () => {
    const page = await englishLead.get("/hub/wales");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("no national partners group");
    expect((await englishLead.get("/hub/wales/offers")).statusCode).toBe(404);
    expect((await englishLead.get("/hub/atlantis")).statusCode).toBe(404);
  });
});

describe("private notes", () => {
  test("are read by the coordinator and the assigned body's people, never by another body or the partnership", async () => {
    const note = "Check the housing team";
    expect((await hub.coordinator.get(`/hub/scotland/requests/${requestId}`)).body).toContain(note);
    expect((await partnerA.get(`/hub/scotland/requests/${requestId}`)).body).toContain(note);
    const other = await partnerB.get(`/hub/scotland/requests/${requestId}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(note);
    const local = await glenLead.get(`/partnerships/${hub.glen.id}/support/${requestId}`);
    expect(local.statusCode).toBe(200);
    expect(local.body).not.toContain(note);
  });

  test("are not for a person of the body who has no national partner role", async () => {
    expect((await colleagueA.get(`/hub/scotland/requests/${requestId}`)).statusCode).toBe(403);
  });
});

describe("answering and triaging", () => {
  test("lets only the assigned body and the coordinator reply", async () => {
    const reply = { body: "We can help", visibility: "message", moveTo: "" };
    expect((await partnerB.post(`/hub/scotland/requests/${requestId}/reply`, reply)).statusCode).toBe(403);
    expect((await glenLead.post(`/hub/scotland/requests/${requestId}/reply`, reply)).statusCode).toBe(403);
    location(await partnerA.post(`/hub/scotland/requests/${requestId}/reply`, reply));
  });

  test("keeps triage to the coordinator", async () => {
    const assign = { memberId: hub.members.get("Body B")!, note: "" };
    expect((await partnerA.post(`/hub/scotland/requests/${requestId}/assign`, assign)).statusCode).toBe(403);
    expect((await partnerA.post(`/hub/scotland/requests/${requestId}/decline`, { reason: "No" })).statusCode).toBe(403);
    expect((await partnerA.get("/hub/scotland/offers/new")).statusCode).toBe(403);
    expect((await partnerA.post("/hub/scotland/partners", { organisationId: hub.bodyB.id })).statusCode).toBe(403);
  });

  test("lets a body keep its own profile but not another's", async () => {
    const profile = {
      whoWeAre: "We are Body A",
      whatWeOffer: "",
      howToEngage: "",
      aims: "",
      contactName: "",
      contactEmail: "",
      website: "",
    };
    location(await partnerA.post(`/hub/scotland/partners/${hub.members.get("Body A")}/edit`, profile));
    expect((await partnerA.post(`/hub/scotland/partners/${hub.members.get("Body B")}/edit`, profile)).statusCode).toBe(
      403,
    );
    expect((await glenLead.post(`/hub/scotland/partners/${hub.members.get("Body A")}/edit`, profile)).statusCode).toBe(
      403,
    );
  });
});

describe("a lead's view of requests", () => {
  test("sees their partnership's requests only: another partnership's request is not found", async () => {
    expect((await strathLead.get(`/partnerships/${hub.glen.id}/support/${requestId}`)).statusCode).toBe(404);
    expect((await strathLead.get(`/partnerships/${hub.strath.id}/support/${requestId}`)).statusCode).toBe(404);
    const own = await strathLead.get(`/partnerships/${hub.strath.id}/support`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain("Data zone analysis");
    expect((await glenLead.get(`/partnerships/${hub.glen.id}/support`)).body).toContain("Data zone analysis");
  });

  test("cannot ask for support for a partnership they only view, nor in a nation without a group", async ({
    signIn,
  }) => {
    const viewer = await signIn("viewer@glen.test");
    expect((await viewer.get(`/partnerships/${hub.glen.id}/support/new`)).statusCode).toBe(403);
    expect((await englishLead.get(`/partnerships/${hub.northshire.id}/support/new`)).statusCode).toBe(404);
  });

  test("lets a coordinator of another nation see nothing of Scotland's requests", async ({ signIn }) => {
    const england = await signIn("coordinator.england@hub.test");
    expect((await england.get(`/hub/scotland/requests/${requestId}`)).statusCode).toBe(403);
  });
});
