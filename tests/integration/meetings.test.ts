import { existsSync } from "node:fs";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import { meetingActions, meetings } from "../../src/cycle/meetings/index.ts";
import { addDays, londonToday, partsFromIso } from "../../src/kernel/time.ts";
import { addMember, auditCount, postMultipart } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";
import { downloadPdf } from "../helpers/pdf-job.ts";

let partnership: { id: string };
let other: { id: string };
let lead: TestClient;
let meetingId: string;
let ownActionId: string;
let foreignActionId: string;

const dateFields = (prefix: string, iso: string) => {
  const parts = partsFromIso(iso);
  return { [`${prefix}-day`]: parts.day, [`${prefix}-month`]: parts.month, [`${prefix}-year`]: parts.year };
};
const test = appTest.extend(
  "meetingCount",
  { scope: "file" },
  ({ db }) =>
    async (id: string) =>
      (await db.select().from(meetings).where(eq(meetings.partnershipId, id))).length,
);

test.beforeAll(async ({ database, db, signIn, fixtures }) => {
  const org = await fixtures.organisation("Riverside Council", "council");
  partnership = await fixtures.partnership("Riverside Partnership", "scotland", "S12000098", "Riverside");
  other = await fixtures.partnership("Hillside Partnership", "scotland", "S12000097", "Hillside");
  await addMember(database, partnership.id, "Riverside Health Board", "health-board");
  await fixtures.user("lead@riverside.example", org.id, { roles: [[partnership.id, "lead"]] });
  await fixtures.user("viewer@riverside.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await fixtures.user("lead@hillside.example", org.id, { roles: [[other.id, "lead"]] });
  await fixtures.user("coordinator@scotland.example", org.id, { nations: ["scotland"] });
  const [own] = await db
    .insert(actions)
    .values({
      partnershipId: partnership.id,
      leadOrganisationId: org.id,
      reference: "A7",
      title: "Advice in health settings",
    })
    .returning();
  const [foreign] = await db
    .insert(actions)
    .values({ partnershipId: other.id, leadOrganisationId: org.id, reference: "H1", title: "Hillside secret action" })
    .returning();
  ownActionId = own!.id;
  foreignActionId = foreign!.id;
  lead = await signIn("lead@riverside.example");
});

describe("scheduling", () => {
  test("schedules a series every four weeks, with an audit entry per meeting", async ({ database, db }) => {
    const first = addDays(londonToday(), 7);
    const response = await lead.post(`/partnerships/${partnership.id}/meetings`, {
      title: "Partnership meeting",
      count: "3",
      intervalWeeks: "4",
      ...dateFields("firstDate", first),
    });
    expect(response.statusCode).toBe(303);
    const rows = await db.select().from(meetings).where(eq(meetings.partnershipId, partnership.id));
    expect(rows.map((row) => row.meetingDate).sort()).toEqual([first, addDays(first, 28), addDays(first, 56)]);
    expect(await auditCount(database, "meeting.schedule", partnership.id)).toBe(3);
    meetingId = rows.find((row) => row.meetingDate === first)!.id;
  });

  test("rejects a date in the past, an impossible date and a duplicate date with 400, saving nothing", async ({
    meetingCount,
  }) => {
    const past = await lead.post(`/partnerships/${partnership.id}/meetings`, {
      count: "1",
      intervalWeeks: "4",
      ...dateFields("firstDate", addDays(londonToday(), -1)),
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("must be today or in the future");
    const impossible = await lead.post(`/partnerships/${partnership.id}/meetings`, {
      count: "1",
      intervalWeeks: "4",
      "firstDate-day": "31",
      "firstDate-month": "2",
      "firstDate-year": "2030",
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain("must be a real date");
    // The second of two new meetings clashes: neither is saved
    const clash = await lead.post(`/partnerships/${partnership.id}/meetings`, {
      count: "2",
      intervalWeeks: "2",
      ...dateFields("firstDate", addDays(londonToday(), 7 + 42)),
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain("A meeting is already scheduled on");
    expect(await meetingCount(partnership.id)).toBe(3);
  });

  test("reschedules a meeting, refusing a past or taken date", async ({ database, db }) => {
    const target = (await db.select().from(meetings).where(eq(meetings.partnershipId, partnership.id))).find(
      (row) => row.id !== meetingId,
    )!;
    const url = `/partnerships/${partnership.id}/meetings/${target.id}/edit`;
    const past = await lead.post(url, { title: "Moved", ...dateFields("meetingDate", addDays(londonToday(), -3)) });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("The new date must be today or in the future");
    const taken = await lead.post(url, { title: "Moved", ...dateFields("meetingDate", addDays(londonToday(), 7)) });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("A meeting is already scheduled on");
    expect(await auditCount(database, "meeting.update", partnership.id)).toBe(0);
    const moved = addDays(target.meetingDate, 1);
    expect(
      (await lead.post(url, { title: "Extra meeting", location: "Room 4", ...dateFields("meetingDate", moved) }))
        .statusCode,
    ).toBe(303);
    const [after] = await db.select().from(meetings).where(eq(meetings.id, target.id));
    expect(after).toMatchObject({ title: "Extra meeting", location: "Room 4", meetingDate: moved });
    expect(await auditCount(database, "meeting.update", partnership.id)).toBe(1);
  });

  test("a viewer cannot schedule; another partnership's lead gets 404", async ({ signIn, meetingCount }) => {
    const viewer = await signIn("viewer@riverside.example");
    const form = { count: "1", intervalWeeks: "4", ...dateFields("firstDate", addDays(londonToday(), 100)) };
    expect((await viewer.post(`/partnerships/${partnership.id}/meetings`, form)).statusCode).toBe(403);
    expect(
      (await viewer.post(`/partnerships/${partnership.id}/meetings/${meetingId}/decisions`, { decision: "x" }))
        .statusCode,
    ).toBe(403);
    const outsider = await signIn("lead@hillside.example");
    expect((await outsider.get(`/partnerships/${partnership.id}/meetings/${meetingId}`)).statusCode).toBe(404);
    // A foreign meeting id under the outsider's own partnership is also not found
    expect((await outsider.get(`/partnerships/${other.id}/meetings/${meetingId}`)).statusCode).toBe(404);
    expect(await meetingCount(partnership.id)).toBe(3);
  });
});

describe("minutes", () => {
  test("records minutes with attendance, two decisions and an action arising, and exports DOCX and PDF", async ({
    database,
    db,
  }) => {
    const base = `/partnerships/${partnership.id}/meetings/${meetingId}`;
    const members = await lead.get(`${base}/minutes`);
    const orgId = /name="attendance-([0-9a-f-]{36})"/.exec(members.body)?.[1];
    expect(orgId).toBeDefined();
    const saved = await lead.post(`${base}/minutes`, {
      minutes: "We reviewed the needs assessment.\n\nAgreed next steps.",
      [`attendance-${orgId}`]: "present",
      peoplePresent: "Jo Bloggs, chair",
      peopleApologies: "Sam Smith",
    });
    expect(saved.statusCode).toBe(303);
    expect((await lead.post(`${base}/decisions`, { decision: "Adopt the income maximisation plan" })).statusCode).toBe(
      303,
    );
    expect(
      (await lead.post(`${base}/decisions`, { decision: "Publish the needs assessment in June" })).statusCode,
    ).toBe(303);
    const form = await lead.get(base);
    // The link is chosen from the partnership's own actions, never another partnership's.
    expect(form.body).toContain('<label class="govuk-label" for="strategyActionId">');
    expect(form.body).toContain(`<option value="${ownActionId}">A7 – Advice in health settings</option>`);
    expect(form.body).not.toContain("Hillside secret action");
    const strategyActionId = ownActionId;
    const action = await lead.post(`${base}/actions`, {
      description: "Draft the advice referral pathway",
      owner: "Riverside Health Board",
      strategyActionId,
      ...dateFields("dueDate", addDays(londonToday(), 30)),
    });
    expect(action.statusCode).toBe(303);
    const [row] = await db.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId));
    expect(row?.strategyActionId).toBe(strategyActionId);

    const page = await lead.get(base);
    expect(page.body).toContain("Jo Bloggs, chair");
    expect(page.body).toContain("Riverside Health Board");
    expect(page.body).toContain("Publish the needs assessment in June");
    expect(page.body).toContain(
      `href="/partnerships/${partnership.id}/actions/${ownActionId}">A7 – Advice in health settings</a>`,
    );
    const actionPage = await lead.get(`/partnerships/${partnership.id}/actions/${ownActionId}`);
    expect(actionPage.statusCode).toBe(200);
    expect(actionPage.body).toContain('Action arising: <a class="govuk-link" href="/partnerships/');
    expect(actionPage.body).toContain("Draft the advice referral pathway");

    const docx = await lead.get(`${base}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toContain("attachment");
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("Adopt the income maximisation plan");
    expect(xml).toContain("Publish the needs assessment in June");
    expect(xml).toContain("Draft the advice referral pathway");
    expect(xml).toContain("Jo Bloggs, chair");
    expect(xml).toContain("strategy action: A7 – Advice in health settings");
    if (existsSync("/usr/bin/chromium")) {
      const { file: pdf } = await downloadPdf(lead, `${base}/minutes.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    for (const action of ["meeting.minutes-save", "meeting.decision-add", "meeting.action-add"]) {
      expect(await auditCount(database, action, partnership.id)).toBeGreaterThan(0);
    }
  }, 60_000);

  test("bad action input is rejected with 400 and nothing saved", async ({ db }) => {
    const base = `/partnerships/${partnership.id}/meetings/${meetingId}`;
    const response = await lead.post(`${base}/actions`, {
      description: "",
      owner: "Someone",
      strategyActionId: "not-a-uuid",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Enter what needs to be done");
    expect(response.body).toContain("Enter the due date");
    expect(response.body).toContain("Select an action from the partnership&#39;s action plan");
    expect(response.body).toContain('value="Someone"');
    expect(await db.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId))).toHaveLength(1);
  });

  test("a link to another partnership's action or an unknown action is a field error and saves nothing", async ({
    db,
  }) => {
    const base = `/partnerships/${partnership.id}/meetings/${meetingId}`;
    for (const strategyActionId of [foreignActionId, "4b0b6a0e-2c63-4f0e-9d6b-0a8f2b8f6e11"]) {
      const response = await lead.post(`${base}/actions`, {
        description: "Forged link",
        owner: "Someone",
        strategyActionId,
        ...dateFields("dueDate", addDays(londonToday(), 30)),
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#strategyActionId"');
      expect(response.body).toContain(">Forged link</textarea>");
      expect(response.body).not.toContain("Hillside secret action");
    }
    expect(await db.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId))).toHaveLength(1);
  });

  test("minutes are hidden from national coordinators until shared", async ({ signIn }) => {
    const coordinator = await signIn("coordinator@scotland.example");
    const base = `/partnerships/${partnership.id}/meetings/${meetingId}`;
    expect((await coordinator.get(base)).body).toContain("have not been shared with national partners");
    expect((await coordinator.get(`${base}/minutes.docx`)).statusCode).toBe(403);
    await lead.post(`${base}/minutes`, { minutes: "We reviewed the needs assessment.", sharedWithNational: "yes" });
    expect((await coordinator.get(`${base}/minutes.docx`)).statusCode).toBe(200);
    expect((await coordinator.post(`${base}/decisions`, { decision: "x" })).statusCode).toBe(403);
  });
});

describe("papers", () => {
  const url = () => `/partnerships/${partnership.id}/meetings/${meetingId}/papers`;
  const paperCount = async () =>
    (await lead.get(`/partnerships/${partnership.id}/meetings/${meetingId}`)).body.match(
      /href="[^"]*\/papers\/[0-9a-f-]{36}"/g,
    )?.length ?? 0;

  test("uploads a PDF and downloads it as an attachment with nosniff", async ({ database }) => {
    const response = await postMultipart(lead, url(), {
      field: "paper",
      name: "agenda pack.pdf",
      content: Buffer.from("%PDF-1.7\nhello"),
    });
    expect(response.statusCode).toBe(303);
    const page = await lead.get(`/partnerships/${partnership.id}/meetings/${meetingId}`);
    const href = /href="([^"]+\/papers\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
    const download = await lead.get(href);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain('attachment; filename="agenda pack.pdf"');
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.body).toBe("%PDF-1.7\nhello");
    expect(await auditCount(database, "meeting.paper-upload", partnership.id)).toBe(1);
  });

  test("rejects an .exe renamed .pdf, an .exe, an oversized file and a missing CSRF token", async ({ database }) => {
    const exe = Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1");
    const renamed = await postMultipart(lead, url(), { field: "paper", name: "minutes.pdf", content: exe });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.body).toContain("minutes.pdf is not a real PDF file");
    const program = await postMultipart(lead, url(), { field: "paper", name: "setup.exe", content: exe });
    expect(program.statusCode).toBe(400);
    expect(program.body).toContain("must be a PDF, DOCX, XLSX, CSV, ODT, PNG or JPEG file");
    const huge = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    huge.write("%PDF-1.7");
    const oversized = await postMultipart(lead, url(), { field: "paper", name: "huge.pdf", content: huge });
    expect(oversized.statusCode).toBe(400);
    expect(oversized.body).toContain("huge.pdf is larger than 20 MB");
    const forged = await postMultipart(
      lead,
      url(),
      { field: "paper", name: "ok.pdf", content: Buffer.from("%PDF-1.7") },
      { _csrf: "forged" },
    );
    expect(forged.statusCode).toBe(403);
    expect(await paperCount()).toBe(1);
    expect(await auditCount(database, "meeting.paper-upload", partnership.id)).toBe(1);
  });
});
