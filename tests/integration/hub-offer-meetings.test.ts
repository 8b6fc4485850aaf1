/**
 * The support offer (bad input, providers from the group only, CSV safe for spreadsheets), the
 * Core Offer matrix of providers by the eleven types, and the group's meetings: kept by the
 * coordinator, minutes published to the nation's local leads.
 */
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { meetings } from "../../src/cycle/meetings/index.ts";
import { supportOffers } from "../../src/national/support-offer/index.ts";
import { type Hub, hubTest, location } from "../helpers/hub-fixtures.ts";

let hub: Hub;

const offer = (fields: Record<string, string | string[]> = {}) => ({
  title: "Local data pack",
  supportType: "data",
  description: "An annual pack of indicators.",
  audience: "Leads",
  format: "data-service",
  capacity: "",
  howToRequest: "",
  status: "available",
  providerIds: [hub.members.get("Body A")!],
  ...fields,
});
const test = hubTest.extend(
  "offerCount",
  { scope: "file" },
  ({ db }) =>
    async () =>
      (await db.select({ id: supportOffers.id }).from(supportOffers)).length,
);

test.beforeAll(async ({ hub: set }) => {
  hub = set;
});

describe("the support offer", () => {
  test("refuses bad input and providers from outside the group, saving nothing", async ({ offerCount }) => {
    const before = await offerCount();
    const bad = await hub.coordinator.post(
      "/hub/scotland/offers/new",
      offer({ title: "", supportType: "magic", format: "", providerIds: [] }),
    );
    expect(bad.statusCode).toBe(400);
    for (const message of [
      "Enter the offer&#39;s title",
      "Select the type of support",
      "Select how the support is given",
      "Select at least one body that provides it",
    ]) {
      expect(bad.body).toContain(message);
    }
    const foreign = await hub.coordinator.post(
      "/hub/scotland/offers/new",
      offer({ providerIds: ["00000000-0000-4000-8000-000000000000"] }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain("no longer a member");
    expect(await offerCount()).toBe(before);
  });

  test("lists offers with filters and exports a spreadsheet-safe CSV", async ({ signIn }) => {
    location(
      await hub.coordinator.post(
        "/hub/scotland/offers/new",
        offer({
          title: '=HYPERLINK("http://evil")',
          providerIds: [hub.members.get("Body A")!, hub.members.get("Body B")!],
        }),
      ),
    );
    location(
      await hub.coordinator.post(
        "/hub/scotland/offers/new",
        offer({
          title: "Peer review",
          supportType: "peer-review",
          format: "one-to-one",
          providerIds: [hub.members.get("Body B")!],
        }),
      ),
    );
    const lead = await signIn("lead@glen.test");
    const filtered = await lead.get(`/hub/scotland/offers?type=peer-review&provider=${hub.members.get("Body B")}`);
    expect(filtered.body).toContain("Peer review");
    expect(filtered.body).not.toContain("HYPERLINK");
    expect(filtered.body).toContain(`/partnerships/${hub.glen.id}/support/new`);
    const csv = await lead.get("/hub/scotland/offers.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain("Body A; Body B");
  });

  test("draws the matrix of member bodies by all eleven types, with gaps named", async () => {
    const page = await hub.coordinator.get("/hub/scotland/matrix");
    expect(page.statusCode).toBe(200);
    const headers = [...page.body.matchAll(/<th scope="col" class="govuk-table__header">([^<]+)<\/th>/g)].map(
      (m) => m[1],
    );
    expect(headers).toHaveLength(12);
    expect(headers[1]).toBe("Peer review");
    expect(headers[11]).toBe("Self-assessment");
    expect(page.body).toContain(`/hub/scotland/offers?provider=${hub.members.get("Body B")}&amp;type=peer-review`);
    expect(page.body).toContain("No body offers:");
    const csv = await hub.coordinator.get("/hub/scotland/matrix.csv");
    expect(csv.body.split("\r\n")[0]).toContain("Provider,Peer review,Needs assessment");
  });

  test("filters the matrix by format and status, carrying the filters into its links and CSV", async () => {
    const bodyB = hub.members.get("Body B");
    const oneToOne = await hub.coordinator.get("/hub/scotland/matrix?format=one-to-one");
    expect(oneToOne.statusCode).toBe(200);
    // Body B's one-to-one peer review stays; the data packs (a data service) drop out, so Data becomes a gap.
    expect(oneToOne.body).toContain(
      `/hub/scotland/offers?provider=${bodyB}&amp;type=peer-review&amp;format=one-to-one"`,
    );
    expect(oneToOne.body).not.toContain("type=data");
    expect(oneToOne.body).toMatch(/With these filters, no body offers: [^<]*Data/);
    expect(oneToOne.body).toContain('href="/hub/scotland/matrix.csv?format=one-to-one"');
    expect(oneToOne.body).toMatch(/<option value="one-to-one" selected>/);
    const csv = await hub.coordinator.get("/hub/scotland/matrix.csv?format=one-to-one");
    const bodyBRow = csv.body.split("\r\n").find((line) => line.startsWith("Body B,"));
    expect(bodyBRow).toContain("Peer review");
    expect(bodyBRow).not.toContain("HYPERLINK");
    const paused = await hub.coordinator.get("/hub/scotland/matrix?status=paused");
    expect(paused.body).not.toContain("/hub/scotland/offers?provider=");
    const list = await hub.coordinator.get(`/hub/scotland/offers?provider=${bodyB}&type=peer-review&format=one-to-one`);
    expect(list.body).toContain("1 offer.");
    // Unknown or repeated filter values are ignored, never an error.
    const odd = await hub.coordinator.get("/hub/scotland/matrix?format=teleport&status=paused&status=x&format[]=y");
    expect(odd.statusCode).toBe(200);
  });

  test("will not let a body leave the group while requests are assigned to it", async ({ signIn }) => {
    const lead = await signIn("lead@glen.test");
    const created = await lead.post(`/partnerships/${hub.glen.id}/support/new`, {
      supportType: "data",
      topic: "Help",
      urgency: "soon",
      details: "Help please",
    });
    const id = /support\/([0-9a-f-]{36})/.exec(location(created))![1]!;
    location(
      await hub.coordinator.post(`/hub/scotland/requests/${id}/assign`, {
        memberId: hub.members.get("Body B")!,
        note: "",
      }),
    );
    const refused = await hub.coordinator.post(`/hub/scotland/partners/${hub.members.get("Body B")}/remove`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("assign them to another body first");
    expect((await hub.coordinator.get(`/hub/scotland/partners/${hub.members.get("Body B")}`)).statusCode).toBe(200);
  });
});

describe("the group's meetings", () => {
  let meetingId: string;

  test("are scheduled by the coordinator only, and not before today", async ({ db, signIn }) => {
    const partner = await signIn("partner.a@hub.test");
    expect((await partner.get("/hub/scotland/meetings/new")).statusCode).toBe(403);
    const past = await hub.coordinator.post("/hub/scotland/meetings", {
      title: "Group meeting",
      "firstDate-day": "1",
      "firstDate-month": "1",
      "firstDate-year": "2020",
      startTime: "",
      location: "",
      count: "1",
      intervalWeeks: "4",
    });
    expect(past.statusCode).toBe(400);
    const next = new Date(Date.now() + 10 * 86_400_000);
    location(
      await hub.coordinator.post("/hub/scotland/meetings", {
        title: "Group meeting",
        "firstDate-day": String(next.getUTCDate()),
        "firstDate-month": String(next.getUTCMonth() + 1),
        "firstDate-year": String(next.getUTCFullYear()),
        startTime: "14:00",
        location: "Online",
        count: "3",
        intervalWeeks: "4",
      }),
    );
    const rows = await db.select().from(meetings).where(eq(meetings.groupId, hub.group.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.partnershipId === null)).toBe(true);
    meetingId = rows[0]!.id;
  });

  test("keep minutes from local leads until published, then show them to the nation's leads only", async ({
    signIn,
  }) => {
    location(
      await hub.coordinator.post(`/hub/scotland/meetings/${meetingId}/minutes`, {
        minutes: "The group agreed the joint plan.",
        peoplePresent: "",
        peopleApologies: "",
        [`attendance-${hub.bodyA.id}`]: "present",
      }),
    );
    const glenLead = await signIn("lead@glen.test");
    const englishLead = await signIn("lead@northshire.test");
    const partner = await signIn("partner.b@hub.test");
    expect((await partner.get(`/hub/scotland/meetings/${meetingId}`)).body).toContain(
      "The group agreed the joint plan.",
    );
    const hidden = await glenLead.get(`/hub/scotland/meetings/${meetingId}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain("The group agreed the joint plan.");
    location(
      await hub.coordinator.post(`/hub/scotland/meetings/${meetingId}/minutes`, {
        minutes: "The group agreed the joint plan.",
        sharedWithNational: "yes",
        peoplePresent: "",
        peopleApologies: "",
      }),
    );
    expect((await glenLead.get(`/hub/scotland/meetings/${meetingId}`)).body).toContain(
      "The group agreed the joint plan.",
    );
    expect((await englishLead.get(`/hub/scotland/meetings/${meetingId}`)).body).not.toContain(
      "The group agreed the joint plan.",
    );
    expect((await glenLead.post(`/hub/scotland/meetings/${meetingId}/decisions`, { decision: "x" })).statusCode).toBe(
      403,
    );
  });

  test("take papers with the meeting-paper checks, downloaded by the nation's leads once published", async ({
    signIn,
  }) => {
    const papers = `/hub/scotland/meetings/${meetingId}/papers`;
    const fake = await hub.coordinator.postMultipart(papers, {
      field: "paper",
      name: "plan.pdf",
      content: Buffer.from("MZ\x90\x00 not a pdf"),
    });
    expect(fake.statusCode).toBe(400);
    location(
      await hub.coordinator.postMultipart(papers, {
        field: "paper",
        name: "joint plan – draft.pdf",
        content: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
      }),
    );
    const page = await hub.coordinator.get(`/hub/scotland/meetings/${meetingId}`);
    const href = /href="(\/hub\/scotland\/meetings\/[0-9a-f-]{36}\/papers\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
    const download = await (await signIn("lead@glen.test")).get(href);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="joint plan _ draft.pdf"; filename*=UTF-8''joint%20plan%20%E2%80%93%20draft.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["cache-control"]).toBe("private, no-store");
    expect((await (await signIn("lead@northshire.test")).get(href)).statusCode).toBe(403);

    // Removing it asks first, naming the file and what is lost; a lead may not; Yes removes it.
    const removal = `${href}/delete`;
    expect(page.body).toContain(`href="${removal}"`);
    const confirm = await hub.coordinator.get(removal);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Are you sure you want to remove the paper “joint plan – draft.pdf”");
    expect(confirm.body).toContain("the uploaded file");
    expect((await (await signIn("lead@glen.test")).post(removal)).statusCode).toBe(403);
    expect((await hub.coordinator.get(href)).statusCode).toBe(200);
    expect(location(await hub.coordinator.post(removal))).toBe(`/hub/scotland/meetings/${meetingId}#papers`);
    expect((await hub.coordinator.get(href)).statusCode).toBe(404);
    expect((await hub.coordinator.get(removal)).statusCode).toBe(404);
  });

  test("refuse a bad attendance value and a meeting of another owner", async ({ db }) => {
    const bad = await hub.coordinator.post(`/hub/scotland/meetings/${meetingId}/minutes`, {
      minutes: "Changed",
      [`attendance-${hub.bodyA.id}`]: "asleep",
    });
    expect(bad.statusCode).toBe(400);
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row!.minutes).toContain("agreed the joint plan");
    expect((await hub.coordinator.get("/hub/scotland/meetings/00000000-0000-4000-8000-000000000000")).statusCode).toBe(
      404,
    );
  });
});
