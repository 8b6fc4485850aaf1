import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { meetingActions, meetings } from "../../src/cycle/meetings/index.ts";
import { addDays, londonToday } from "../../src/kernel/time.ts";
import { reviewFeedback } from "../../src/national/national/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import { auditCount, postMultipart } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";

let admin: TestClient;
let p: { id: string };
let meetingId: string;
let actionId: string;
let feedbackId: string;

test.beforeAll(async ({ db, signIn, fixtures }) => {
  const org = await fixtures.organisation("Csrf Council", "council");
  p = await fixtures.partnership("Csrf Partnership", "scotland", "S12000070", "Csrfshire");
  await fixtures.user("admin@csrf.example", org.id, { admin: true });
  const [meeting] = await db
    .insert(meetings)
    .values({ partnershipId: p.id, title: "Meeting", meetingDate: addDays(londonToday(), 3) })
    .returning();
  meetingId = meeting!.id;
  const [action] = await db
    .insert(meetingActions)
    .values({ partnershipId: p.id, meetingId, description: "Act", owner: "Me", dueDate: addDays(londonToday(), 9) })
    .returning();
  actionId = action!.id;
  const [feedback] = await db
    .insert(reviewFeedback)
    .values({ partnershipId: p.id, reportingYear: "2025/26", section: "S", comment: "C", authorName: "A" })
    .returning();
  feedbackId = feedback!.id;
  admin = await signIn("admin@csrf.example");
});

describe("state changes on partnership pages", () => {
  test("every POST route of these domains refuses a missing or forged CSRF token", async ({ db }) => {
    const base = `/partnerships/${p.id}`;
    const posts = [
      `${base}/governance`,
      `${base}/meetings`,
      `${base}/meetings/${meetingId}/agenda`,
      `${base}/meetings/${meetingId}/decisions`,
      `${base}/meetings/${meetingId}/actions`,
      `${base}/meetings/${meetingId}/actions/${actionId}`,
      `${base}/meetings/${meetingId}/minutes`,
      `${base}/meetings/${meetingId}/papers`,
      `${base}/meetings/${meetingId}/papers/${actionId}/delete`,
      `${base}/meetings/${meetingId}/cancel`,
      `${base}/meetings/${meetingId}/edit`,
      `${base}/meetings/${meetingId}/agenda/${actionId}/delete`,
      `${base}/meetings/${meetingId}/decisions/${actionId}/delete`,
      `${base}/budgets`,
      `${base}/budgets/${actionId}/delete`,
      `${base}/feedback`,
      `${base}/feedback/${feedbackId}`,
    ];
    for (const url of posts) {
      expect((await admin.post(url, { status: "done" }, { csrf: false })).statusCode, url).toBe(403);
      expect((await admin.post(url, { status: "done" }, { csrf: "forged-token" })).statusCode, url).toBe(403);
    }
    expect(await db.select().from(auditLog).where(eq(auditLog.partnershipId, p.id))).toEqual([]);
  });

  test("agenda items and action status changes are audited", async ({ database }) => {
    const base = `/partnerships/${p.id}/meetings/${meetingId}`;
    expect((await admin.post(`${base}/agenda`, { title: "Welcome", presenter: "Chair" })).statusCode).toBe(303);
    expect((await admin.post(`${base}/actions/${actionId}`, { status: "in-progress" })).statusCode).toBe(303);
    expect((await admin.post(`${base}/actions/${actionId}`, { status: "finished" })).statusCode).toBe(400);
    expect(await auditCount(database, "meeting.agenda-add", p.id)).toBe(1);
    const agendaId = /agenda\/([0-9a-f-]{36})\/delete/.exec((await admin.get(base)).body)![1];
    const decision = await admin.post(`${base}/decisions`, { decision: "Recorded in error" });
    expect(decision.statusCode).toBe(303);
    const decisionPage = await admin.get(base);
    const decisionId = /decisions\/([0-9a-f-]{36})\/delete/.exec(decisionPage.body)![1];
    // Remove is a link to a confirmation page (never a one-click post), which names the decision
    // and posts with the session's CSRF token.
    expect(decisionPage.body).toMatch(
      new RegExp(`<a class="govuk-link[^"]*" href="${base}/decisions/${decisionId}/delete"`),
    );
    expect(decisionPage.body).not.toMatch(new RegExp(`action="${base}/decisions/${decisionId}/delete"`));
    const confirm = await admin.get(`${base}/decisions/${decisionId}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Are you sure you want to remove the decision “Recorded in error”");
    expect(confirm.body).toMatch(
      new RegExp(`action="${base}/decisions/${decisionId}/delete"[\\s\\S]*name="_csrf" value="${admin.csrfToken()}"`),
    );
    expect((await admin.get(base)).body).toContain("Recorded in error");
    expect((await admin.post(`${base}/decisions/${decisionId}/delete`)).statusCode).toBe(303);
    expect((await admin.get(base)).body).not.toContain("Recorded in error");
    expect((await admin.post(`${base}/agenda/${agendaId}/delete`)).statusCode).toBe(303);
    expect((await admin.post(`${base}/agenda/${agendaId}/delete`)).statusCode).toBe(404);
    expect(await auditCount(database, "meeting.agenda-remove", p.id)).toBe(1);
    expect(await auditCount(database, "meeting.decision-remove", p.id)).toBe(1);
    expect(await auditCount(database, "meeting.action-status", p.id)).toBe(1);
    const page = await admin.get(base);
    expect(page.body).toMatch(/<option value="in-progress" selected/);
  });
});

describe("cancelling meetings and removing papers", () => {
  test("cancels a meeting without minutes, refuses one with minutes, and audits both removals", async ({
    database,
    db,
  }) => {
    const [spare, minuted] = await db
      .insert(meetings)
      .values([
        { partnershipId: p.id, title: "Spare", meetingDate: addDays(londonToday(), 60) },
        { partnershipId: p.id, title: "Minuted", meetingDate: addDays(londonToday(), -60), minutes: "<p>Kept</p>" },
      ])
      .returning();
    const base = `/partnerships/${p.id}/meetings`;
    expect((await admin.get(`${base}/${spare!.id}/cancel`)).body).toContain("Cancel the meeting on");
    expect((await admin.post(`${base}/${spare!.id}/cancel`)).statusCode).toBe(303);
    expect((await admin.get(`${base}/${spare!.id}`)).statusCode).toBe(404);
    expect((await admin.post(`${base}/${minuted!.id}/cancel`)).statusCode).toBe(409);
    expect((await admin.get(`${base}/${minuted!.id}`)).statusCode).toBe(200);
    expect(await auditCount(database, "meeting.cancel", p.id)).toBe(1);

    const upload = await postMultipart(admin, `${base}/${minuted!.id}/papers`, {
      field: "paper",
      name: "pack.pdf",
      content: Buffer.from("%PDF-1.4 x"),
    });
    expect(upload.statusCode).toBe(303);
    const paperId = /papers\/([0-9a-f-]{36})"/.exec((await admin.get(`${base}/${minuted!.id}`)).body)![1];
    expect((await admin.post(`${base}/${minuted!.id}/papers/${paperId}/delete`)).statusCode).toBe(303);
    expect((await admin.get(`${base}/${minuted!.id}/papers/${paperId}`)).statusCode).toBe(404);
    expect(await auditCount(database, "meeting.paper-remove", p.id)).toBe(1);
  });
});
