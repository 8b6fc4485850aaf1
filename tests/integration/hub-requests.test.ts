/**
 * A support request's whole life: asked (bad input first), assigned, answered with a note,
 * moved on, marked done, closed with a rating; declined and merged requests; the figures and
 * the joint plan; emails to the people concerned when SMTP is configured.
 */
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { describe, expect } from "vitest";
import { supportRequestMessages, supportRequests } from "../../src/national/support-requests/index.ts";
import { auditCount } from "../helpers/partnership-fixtures.ts";
import { type Hub, hubTest, location, requestSupport } from "../helpers/hub-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";

const received: { to: string[]; data: string }[] = [];
let hub: Hub;
let partnerA: TestClient;
let glenLead: TestClient;

/** Emails arrive after the page has answered: wait for them. */
async function mailTo(address: string, count: number) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mails = received.filter((mail) => mail.to.includes(address));
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return received.filter((mail) => mail.to.includes(address));
}

/** An SMTP server on a free port, catching every email the app sends; the app is configured to use it. */
const test = hubTest
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
  .extend("smtpPort", { scope: "file" }, async ({}, { onCleanup }) => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          // Quoted-printable soft line breaks would split long links.
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: data.replace(/=\r\n/g, "") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    onCleanup(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    return (smtp.server.address() as { port: number }).port;
  })
  .extend("configOverrides", { scope: "file" }, ({ smtpPort }) => ({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "hub@example.org",
  }))
  .extend(
    "countRequests",
    { scope: "file" },
    ({ db }) =>
      async () =>
        (await db.select({ id: supportRequests.id }).from(supportRequests)).length,
  )
  .extend(
    "requestRow",
    { scope: "file" },
    ({ db }) =>
      async (id: string) =>
        (await db.select().from(supportRequests).where(eq(supportRequests.id, id)))[0]!,
  );

test.beforeAll(async ({ hub: set, signIn }) => {
  hub = set;
  partnerA = await signIn("partner.a@hub.test");
  glenLead = await signIn("lead@glen.test");
});

describe("asking for support", () => {
  test("refuses a request with missing or forged fields, names each problem, and saves nothing", async ({
    countRequests,
  }) => {
    const before = await countRequests();
    const response = await glenLead.post(`/partnerships/${hub.glen.id}/support/new`, {
      supportType: "astrology",
      topic: "",
      drivers: ["costs:housing", "not-a-driver"],
      urgency: "yesterday",
      preferredMemberId: "not-a-uuid",
      details: "x".repeat(5001),
    });
    expect(response.statusCode).toBe(400);
    for (const message of [
      "Select the type of support you need",
      "Enter what the support is about",
      "Select drivers from the list",
      "Select how soon you need the support",
      "Select a provider from the list, or any",
      "Must be 5000 characters or fewer",
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain("x".repeat(100));
    expect(await countRequests()).toBe(before);
  });

  test("refuses a preferred provider from outside the group", async ({ countRequests }) => {
    const before = await countRequests();
    const response = await glenLead.post(`/partnerships/${hub.glen.id}/support/new`, {
      supportType: "data",
      topic: "Data",
      urgency: "soon",
      preferredMemberId: "00000000-0000-4000-8000-000000000000",
      details: "Help",
    });
    expect(response.statusCode).toBe(400);
    expect(await countRequests()).toBe(before);
  });
});

describe("the life cycle", () => {
  let id: string;

  test("is new, then assigned by the coordinator, who is emailed first", async ({ requestRow, database }) => {
    id = await requestSupport(glenLead, hub.glen.id);
    const row = await requestRow(id);
    expect(row).toMatchObject({ status: "new", supportType: "data", urgency: "soon", drivers: ["costs:housing"] });
    expect(await auditCount(database, "support-request.create", hub.glen.id)).toBeGreaterThan(0);
    const mails = await mailTo("coordinator@hub.test", 1);
    expect(mails[0]!.data).toContain(`/hub/scotland/requests/${id}`);
    expect(mails[0]!.data).not.toContain("small-area figures");

    expect((await hub.coordinator.get("/attention")).body).toContain(
      "Assign “Data zone analysis” from Glen Partnership",
    );
    const bad = await hub.coordinator.post(`/hub/scotland/requests/${id}/assign`, { memberId: "", note: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Select the body that will answer the request");
    expect((await requestRow(id)).status).toBe("new");

    location(
      await hub.coordinator.post(`/hub/scotland/requests/${id}/assign`, {
        memberId: hub.members.get("Body A")!,
        note: "Body A will help",
      }),
    );
    const assigned = await requestRow(id);
    expect(assigned).toMatchObject({ status: "triaged", assignedOrganisationId: hub.bodyA.id });
    expect(assigned.firstResponseAt).not.toBeNull();
    expect((await mailTo("partner.a@hub.test", 1)).length).toBe(1);
    expect((await partnerA.get("/attention")).body).toContain("Answer “Data zone analysis”");
  });

  test("is moved on by the body: a private note tells nobody, a message tells the lead", async ({ requestRow, db }) => {
    const leadMailsBefore = (await mailTo("lead@glen.test", 0)).length;
    location(
      await partnerA.post(`/hub/scotland/requests/${id}/reply`, {
        body: "Internal: ask the analysts",
        visibility: "note",
        moveTo: "",
      }),
    );
    const skip = await partnerA.post(`/hub/scotland/requests/${id}/reply`, {
      body: "Done already",
      visibility: "message",
      moveTo: "closed",
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.body).toContain("cannot move to closed");
    location(
      await partnerA.post(`/hub/scotland/requests/${id}/reply`, {
        body: "We are on it",
        visibility: "message",
        moveTo: "in-progress",
      }),
    );
    expect((await requestRow(id)).status).toBe("in-progress");
    location(
      await partnerA.post(`/hub/scotland/requests/${id}/reply`, {
        body: "Here are your figures",
        visibility: "message",
        moveTo: "done",
      }),
    );
    expect((await requestRow(id)).status).toBe("done");
    const mails = await mailTo("lead@glen.test", leadMailsBefore + 3);
    expect(mails.some((mail) => mail.data.includes("ask the analysts"))).toBe(false);
    const notes = await db.select().from(supportRequestMessages).where(eq(supportRequestMessages.requestId, id));
    expect(notes.filter((row) => row.isPrivate)).toHaveLength(1);
  });

  test("is closed by the lead with a rating; closing twice or without a rating is refused", async ({ requestRow }) => {
    expect((await glenLead.get("/attention")).body).toContain("Close “Data zone analysis” with feedback");
    const noRating = await glenLead.post(`/partnerships/${hub.glen.id}/support/${id}/close`, { feedback: "Thanks" });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.body).toContain("Select how helpful the support was");
    const outOfRange = await glenLead.post(`/partnerships/${hub.glen.id}/support/${id}/close`, {
      rating: "9",
      feedback: "",
    });
    expect(outOfRange.statusCode).toBe(400);
    expect((await requestRow(id)).status).toBe("done");
    location(
      await glenLead.post(`/partnerships/${hub.glen.id}/support/${id}/close`, { rating: "4", feedback: "Very useful" }),
    );
    expect(await requestRow(id)).toMatchObject({ status: "closed", rating: 4, feedback: "Very useful" });
    expect((await glenLead.post(`/partnerships/${hub.glen.id}/support/${id}/close`, { rating: "4" })).statusCode).toBe(
      409,
    );
    const reply = await glenLead.post(`/partnerships/${hub.glen.id}/support/${id}/reply`, { body: "One more thing" });
    expect(reply.statusCode).toBe(409);
  });

  test("cannot be closed before it is done", async ({ requestRow }) => {
    const other = await requestSupport(glenLead, hub.glen.id, { topic: "Second" });
    expect(
      (await glenLead.post(`/partnerships/${hub.glen.id}/support/${other}/close`, { rating: "3" })).statusCode,
    ).toBe(409);
    expect((await requestRow(other)).status).toBe("new");
  });
});

describe("declining and merging", () => {
  test("declines with a reason the lead reads; no reason is a form error", async ({ requestRow }) => {
    const id = await requestSupport(glenLead, hub.glen.id, { topic: "Rural costs", supportType: "knowledge" });
    const noReason = await hub.coordinator.post(`/hub/scotland/requests/${id}/decline`, { reason: "  " });
    expect(noReason.statusCode).toBe(400);
    location(
      await hub.coordinator.post(`/hub/scotland/requests/${id}/decline`, { reason: "Nobody holds this evidence yet" }),
    );
    expect((await requestRow(id)).status).toBe("declined");
    const page = await glenLead.get(`/partnerships/${hub.glen.id}/support/${id}`);
    expect(page.body).toContain("Nobody holds this evidence yet");
  });

  test("merges a duplicate into the same partnership's request, never into another partnership's", async ({
    requestRow,
    signIn,
  }) => {
    const strathLead = await signIn("lead@strath.test");
    const first = await requestSupport(glenLead, hub.glen.id, {
      topic: "Consultation help",
      supportType: "consultation",
    });
    const duplicate = await requestSupport(glenLead, hub.glen.id, {
      topic: "Consultation help again",
      supportType: "consultation",
    });
    const strath = await requestSupport(strathLead, hub.strath.id, {
      topic: "Strath consultation",
      supportType: "consultation",
    });
    const foreign = await hub.coordinator.post(`/hub/scotland/requests/${duplicate}/merge`, { targetId: strath });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain("same partnership");
    const self = await hub.coordinator.post(`/hub/scotland/requests/${duplicate}/merge`, { targetId: duplicate });
    expect(self.statusCode).toBe(400);
    location(await hub.coordinator.post(`/hub/scotland/requests/${duplicate}/merge`, { targetId: first }));
    expect(await requestRow(duplicate)).toMatchObject({ status: "merged", mergedIntoId: first });
    expect((await requestRow(first)).status).toBe("new");
  });
});

describe("figures and the joint plan", () => {
  test("shows unmet demand by support type and driver, with period, source and method", async () => {
    const page = await hub.coordinator.get("/hub/scotland/figures");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Period:");
    expect(page.body).toContain("Source:");
    expect(page.body).toContain("Method:");
    expect(page.body).toMatch(/Knowledge \(national policy updates, research\)<\/th>\s*<td[^>]*>1<\/td>/);
    expect(page.body).toContain("Costs of living");
    const csv = await hub.coordinator.get("/hub/scotland/figures.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Unmet demand by type of support");
  });

  test("links an activity to requests; the lead's support page says what is being done", async ({ signIn }) => {
    const requestId = await requestSupport(glenLead, hub.glen.id, {
      topic: "Workforce training",
      supportType: "workforce-development",
    });
    const bad = await hub.coordinator.post("/hub/scotland/plan/new", {
      title: "",
      supportType: "workforce-development",
      status: "planned",
      startDate: "31/02/2026",
      requestIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the activity&#39;s title");
    expect(bad.body).toContain("must be a real date");
    const created = location(
      await hub.coordinator.post("/hub/scotland/plan/new", {
        title: "Benefits training programme",
        supportType: "workforce-development",
        leadMemberId: hub.members.get("Body A")!,
        status: "in-progress",
        themes: "Income maximisation thin in reports\nIncome maximisation thin in reports",
        requestIds: [requestId],
      }),
    );
    const activityPage = await hub.coordinator.get(created);
    expect(activityPage.body).toContain("Workforce training");
    expect((activityPage.body.match(/Income maximisation thin in reports/g) ?? []).length).toBe(1);
    location(await partnerA.post(`${created}/progress`, { body: "Dates set", status: "in-progress" }));
    const partnerB = await signIn("partner.b@hub.test");
    expect((await partnerB.post(`${created}/progress`, { body: "Not ours", status: "complete" })).statusCode).toBe(403);
    const asked = await glenLead.get(`/partnerships/${hub.glen.id}/support`);
    expect(asked.body).toContain("Benefits training programme");
  });
});
