/**
 * The effective practice library: full-text search (any text, never an error), facets,
 * visibility, the entry form's bad input, attachments with the meeting-paper checks, actions
 * citing entries ("areas doing this"), and a partnership's case study through review.
 */
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actionPracticeCitations, practiceAttachments, practiceEntries } from "../../src/national/practice/index.ts";
import { type Hub, hubTest, location } from "../helpers/hub-fixtures.ts";
import { auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { actions } from "../../src/cycle/actions/index.ts";

let hub: Hub;
let glenLead: TestClient;
let gpEntry: string;
let actionId: string;

const entry = (fields: Record<string, string | string[]> = {}) => ({
  kind: "case-study",
  title: "Income maximisation advisers in GP practices",
  summary: "Welfare rights advisers based in GP surgeries.",
  body: "<h2>What they did</h2><p>Advisers held weekly sessions.</p><script>alert(1)</script>",
  source: "",
  sourceUrl: "",
  evidenceLevel: "3",
  costBand: "moderate",
  nation: "scotland",
  drivers: ["social-security:take-up"],
  familyTypes: ["disability"],
  supportTypes: ["effective-practice"],
  settings: ["urban"],
  visibility: "public",
  status: "published",
  ...fields,
});
const test = hubTest.extend(
  "entryCount",
  { scope: "file" },
  ({ db }) =>
    async () =>
      (await db.select({ id: practiceEntries.id }).from(practiceEntries)).length,
);
const idOf = (url: string) => /\/practice\/([0-9a-f-]{36})/.exec(url)![1]!;

test.beforeAll(async ({ hub: set, db, fixtures, signIn }) => {
  hub = set;
  glenLead = await signIn("lead@glen.test");
  gpEntry = idOf(location(await hub.coordinator.post("/practice/new", entry())));
  location(
    await hub.coordinator.post(
      "/practice/new",
      entry({
        title: "Holiday food programme",
        summary: "Meals in school holidays.",
        body: "",
        drivers: [],
        buildingBlocks: ["financial-support"],
        nation: "scotland",
        visibility: "signed-in",
      }),
    ),
  );
  const [action] = await db
    .insert(actions)
    .values({
      partnershipId: hub.glen.id,
      title: "Advice in health settings",
      leadOrganisationId: (await fixtures.organisation("Glen Health")).id,
      drivers: ["social-security:take-up"],
    })
    .returning();
  actionId = action!.id;
});

describe("searching the library", () => {
  test("finds an entry by words from its title or text, stemmed, best match first", async ({ client }) => {
    const page = await client().get("/practice?q=adviser+surgeries");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("1 result");
    expect(page.body).toContain("Income maximisation advisers in GP practices");
  });

  test("filters by driver, including sub-drivers under their driver", async ({ client }) => {
    const byDriver = await client().get("/practice?driver=social-security");
    expect(byDriver.body).toContain("GP practices");
    const none = await client().get("/practice?q=adviser&driver=costs");
    expect(none.body).toContain("No results");
  });

  test("answers any search text with results or 'no results', never an error", async ({ entryCount, client }) => {
    const hostile = [
      '"unbalanced quote',
      "advisers OR OR -",
      "'; drop table practice_entries; --",
      "!!! & | <-> :* ( )",
      "a".repeat(10_000),
      "adviser ".repeat(1_250),
      "café naïve 日本語 \u{1F600}",
      "the and of",
      "",
    ];
    for (const q of hostile) {
      const page = await client().get(`/practice?q=${encodeURIComponent(q)}`);
      expect(page.statusCode, q.slice(0, 40)).toBe(200);
      expect(page.body, q.slice(0, 40)).toMatch(/No results|\d+ results?/);
    }
    // A NUL is refused for every field of every route (kernel input guard): a 400 naming the field, not an error.
    const nul = await client().get("/practice?q=adviser%00surgeries");
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain("cannot be saved (a NUL, byte 0)");
    expect((await client().get(`/practice?q=${encodeURIComponent("the and of")}`)).body).toContain(
      "no words the library can look for",
    );
    expect(await entryCount()).toBe(2);
  });

  test("ignores unknown facet values and bad page numbers", async ({ client }) => {
    const page = await client().get("/practice?driver=nonsense&level=99&page=-3&kind[]=x");
    expect(page.statusCode).toBe(200);
  });

  test("shows signed-in entries only to people signed in", async ({ client }) => {
    expect((await client().get("/practice?q=holiday")).body).toContain("No results");
    expect((await glenLead.get("/practice?q=holiday")).body).toContain("Holiday food programme");
  });
});

describe("keeping the library", () => {
  test("sanitises the body", async ({ client }) => {
    const page = await client().get(`/practice/${gpEntry}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h2>What they did</h2>");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("Level 3: comparison shows impact");
  });

  test("refuses bad input, names each field, keeps the values and saves nothing", async ({ entryCount }) => {
    const before = await entryCount();
    const response = await hub.coordinator.post(
      "/practice/new",
      entry({
        kind: "poem",
        title: "",
        evidenceLevel: "",
        costBand: "free",
        drivers: ["made-up"],
        sourceUrl: "javascript:alert(1)",
        nation: "england",
        summary: "Kept summary",
      }),
    );
    expect(response.statusCode).toBe(400);
    for (const message of [
      "Select what kind of entry this is",
      "Enter the title",
      "Select a cost band",
      "Select drivers from the list",
      "Enter the source link as a full web address",
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain("Kept summary");
    const unrated = await hub.coordinator.post("/practice/new", entry({ evidenceLevel: "" }));
    expect(unrated.statusCode).toBe(400);
    expect(unrated.body).toContain("Select a level of evidence before publishing");
    const otherNation = await hub.coordinator.post("/practice/new", entry({ nation: "england" }));
    expect(otherNation.statusCode).toBe(400);
    expect(otherNation.body).toContain("Select a nation whose library you keep");
    expect(await entryCount()).toBe(before);
  });

  test("is for coordinators: a lead or a national partner cannot add entries", async ({ signIn }) => {
    expect((await glenLead.get("/practice/new")).statusCode).toBe(403);
    const partner = await signIn("partner.a@hub.test");
    expect((await partner.post("/practice/new", entry())).statusCode).toBe(403);
  });

  test("accepts a real PDF attachment and refuses an executable named .pdf", async ({ db, client }) => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    location(
      await hub.coordinator.postMultipart(`/practice/${gpEntry}/attachments`, {
        field: "attachment",
        name: "evaluation.pdf",
        content: pdf,
      }),
    );
    const fake = await hub.coordinator.postMultipart(`/practice/${gpEntry}/attachments`, {
      field: "attachment",
      name: "evaluation.pdf",
      content: Buffer.from("MZ\x90\x00 not a pdf"),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain("is not a real PDF file");
    const rows = await db.select().from(practiceAttachments).where(eq(practiceAttachments.entryId, gpEntry));
    expect(rows).toHaveLength(1);
    const download = await client().get(`/practice/${gpEntry}/attachments/${rows[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("areas doing this", () => {
  test("lists an action citing the entry, with its status, for signed-in readers", async ({ db, client }) => {
    const page = await glenLead.get(`/partnerships/${hub.glen.id}/actions/${actionId}/practice?q=surgeries`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("GP practices");
    location(await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/practice`, { entryId: gpEntry }));
    location(await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/practice`, { entryId: gpEntry }));
    expect(
      await db.select().from(actionPracticeCitations).where(eq(actionPracticeCitations.entryId, gpEntry)),
    ).toHaveLength(1);
    const entryPage = await glenLead.get(`/practice/${gpEntry}`);
    expect(entryPage.body).toContain("Glen Partnership");
    expect(entryPage.body).toContain("Advice in health settings");
    expect(entryPage.body).toContain("No progress reported yet");
    const anonymous = await client().get(`/practice/${gpEntry}`);
    expect(anonymous.body).not.toContain("Advice in health settings");
    expect(anonymous.body).toContain("1 local action cites this entry");
  });

  test("refuses a forged entry id, and another partnership's action is not found", async ({ signIn }) => {
    const forged = await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/practice`, {
      entryId: "00000000-0000-4000-8000-000000000000",
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("Select a published entry");
    const strathLead = await signIn("lead@strath.test");
    expect(
      (await strathLead.post(`/partnerships/${hub.strath.id}/actions/${actionId}/practice`, { entryId: gpEntry }))
        .statusCode,
    ).toBe(404);
    expect(
      (await strathLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/practice`, { entryId: gpEntry }))
        .statusCode,
    ).toBe(404);
  });
});

describe("stopping citing an entry", () => {
  test("asks first, then the entry no longer lists the action; another partnership cannot", async ({ db, signIn }) => {
    const practice = `/partnerships/${hub.glen.id}/actions/${actionId}/practice`;
    const removal = `${practice}/${gpEntry}/remove`;
    const citations = () =>
      db.select().from(actionPracticeCitations).where(eq(actionPracticeCitations.entryId, gpEntry));
    expect((await glenLead.get(practice)).body).toContain(`href="${removal}"`);
    const question = await glenLead.get(removal);
    expect(question.statusCode).toBe(200);
    expect(question.body).toContain("should stop citing “");
    expect(question.body).toContain("Yes, stop citing it");
    const strathLead = await signIn("lead@strath.test");
    expect([403, 404]).toContain((await strathLead.post(removal)).statusCode);
    expect(await citations()).toHaveLength(1);
    expect(location(await glenLead.post(removal))).toBe(practice);
    expect(await citations()).toHaveLength(0);
    expect((await glenLead.get(removal)).statusCode).toBe(404);
    // Cited again, as the tests below expect.
    location(await glenLead.post(practice, { entryId: gpEntry }));
    expect(await citations()).toHaveLength(1);
  });
});

describe("a case study from a partnership", () => {
  let proposal: string;

  test("is proposed by the lead and waits for review, unseen by others", async ({ db, signIn, client }) => {
    const empty = await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/case-study`, {
      title: "",
      summary: "",
    });
    expect(empty.statusCode).toBe(400);
    location(
      await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/case-study`, {
        title: "Advice in health settings: our experience",
        summary: "What we did and learned",
        body: "We began in two surgeries.",
      }),
    );
    const [row] = await db.select().from(practiceEntries).where(eq(practiceEntries.status, "proposed"));
    proposal = row!.id;
    expect(row).toMatchObject({
      kind: "case-study",
      nation: "scotland",
      drivers: ["social-security:take-up"],
      partnershipId: hub.glen.id,
    });
    expect((await client().get(`/practice/${proposal}`)).statusCode).toBe(404);
    const strathLead = await signIn("lead@strath.test");
    expect((await strathLead.get(`/practice/${proposal}`)).statusCode).toBe(404);
    expect((await glenLead.get(`/practice/${proposal}`)).statusCode).toBe(200);
    const queue = await hub.coordinator.get("/practice/review");
    expect(queue.body).toContain("Advice in health settings: our experience");
  });

  test("needs a level of evidence to publish and a note to return, and only the coordinator reviews", async ({
    signIn,
  }) => {
    const partner = await signIn("partner.a@hub.test");
    expect((await partner.post(`/practice/${proposal}/review`, { decision: "publish" })).statusCode).toBe(404);
    const noLevel = await hub.coordinator.post(`/practice/${proposal}/review`, {
      decision: "publish",
      evidenceLevel: "",
      costBand: "low",
      visibility: "public",
      note: "",
    });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.body).toContain("Select a level of evidence before publishing");
    const noNote = await hub.coordinator.post(`/practice/${proposal}/review`, {
      decision: "return",
      evidenceLevel: "",
      costBand: "low",
      visibility: "public",
      note: "",
    });
    expect(noNote.statusCode).toBe(400);
    location(
      await hub.coordinator.post(`/practice/${proposal}/review`, {
        decision: "return",
        evidenceLevel: "",
        costBand: "low",
        visibility: "public",
        note: "Add what it cost",
      }),
    );
    expect((await glenLead.get(`/partnerships/${hub.glen.id}/actions/${actionId}/practice`)).body).toContain(
      "Add what it cost",
    );
  });

  test("is resubmitted, then published with a rating, and the action cites it", async ({ db, database, client }) => {
    location(
      await glenLead.post(`/partnerships/${hub.glen.id}/actions/${actionId}/case-study`, {
        title: "Advice in health settings: our experience",
        summary: "What we did and learned",
        body: "It cost £20,000 a year.",
      }),
    );
    location(
      await hub.coordinator.post(`/practice/${proposal}/review`, {
        decision: "publish",
        evidenceLevel: "2",
        costBand: "low",
        visibility: "public",
        note: "",
      }),
    );
    const [row] = await db.select().from(practiceEntries).where(eq(practiceEntries.id, proposal));
    expect(row).toMatchObject({ status: "published", evidenceLevel: 2, costBand: "low" });
    expect(await auditCount(database, "practice-entry.review-publish", hub.glen.id)).toBe(1);
    const page = await client().get(`/practice/${proposal}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Level 2: signs of change");
    const areas = await glenLead.get(`/practice/${proposal}`);
    expect(areas.body).toContain("Advice in health settings");
    expect(
      (
        await hub.coordinator.post(`/practice/${proposal}/review`, {
          decision: "publish",
          evidenceLevel: "2",
          costBand: "low",
          visibility: "public",
        })
      ).statusCode,
    ).toBe(409);
  });
});
