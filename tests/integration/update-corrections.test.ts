import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { idFromLocation } from "../helpers/strategy-fixtures.ts";
import { glenbraeTest } from "../helpers/glenbrae-actions.ts";

// Correcting and withdrawing progress updates: history kept, audited, nothing changed on refusal.

let pid: string;
let otherPid: string;
let lead: TestClient;
let editor: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let councilAction: string;
let healthAction: string;

const actionFields = (leadOrganisationId: string, title: string) => ({
  title,
  leadOrganisationId,
  drivers: ["costs:housing"],
  familyTypes: ["lone-parent"],
  startDate: "01/04/2025",
  endDate: "31/03/2027",
});
const update = (narrative: string, percentComplete = "40") => ({
  period: "2025/26 Q2",
  status: "green",
  percentComplete,
  narrative,
});

const test = glenbraeTest;

test.beforeAll(async ({ glenbrae }) => {
  ({ pid, otherPid, lead, editor, viewer, outsider } = glenbrae);
  const { council, health } = glenbrae.org;
  councilAction = idFromLocation(
    await lead.post(`/partnerships/${pid}/actions/new`, actionFields(council, "Money advice in schools")),
  );
  healthAction = idFromLocation(
    await lead.post(`/partnerships/${pid}/actions/new`, actionFields(health, "Maternity income pathway")),
  );
});

describe("correcting a progress update", () => {
  test("keeps the earlier text, shows it on the action page and audits the change", async ({ db, updatesOf }) => {
    expect(
      (await editor.post(`/partnerships/${pid}/actions/${healthAction}/updates/new`, update("Went wel"))).statusCode,
    ).toBe(303);
    const [row] = await updatesOf(healthAction);
    const editUrl = `/partnerships/${pid}/actions/${healthAction}/updates/${row!.id}/edit`;
    const actionPage = await editor.get(`/partnerships/${pid}/actions/${healthAction}`);
    expect(actionPage.body).toContain(editUrl);

    const form = await editor.get(editUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Went wel");
    const saved = await editor.post(editUrl, update("Went well: 40 families advised", "45"));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/partnerships/${pid}/actions/${healthAction}`);

    const rows = await updatesOf(healthAction);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ narrative: "Went well: 40 families advised", percentComplete: 45 });
    const page = (await editor.get(`/partnerships/${pid}/actions/${healthAction}`)).body;
    expect(page).toContain("Went well: 40 families advised");
    expect(page).toContain("edited on");
    expect(page).toContain("Previous text (1 version)");
    expect(page).toMatch(/Before the edit on[\s\S]*?40% complete[\s\S]*?Went wel</);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "action.update_corrected"), eq(auditLog.entityId, row!.id)));
    expect(audit).toMatchObject({ partnershipId: pid });
    expect(JSON.stringify(audit!.before)).toContain("Went wel");
    expect(JSON.stringify(audit!.after)).toContain("40 families advised");
  });

  test("refuses bad input (400, named), another organisation's update (403) and a foreign one (404), changing nothing", async ({
    updatesOf,
  }) => {
    await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, update("Council text"));
    const [row] = await updatesOf(councilAction);
    const editUrl = `/partnerships/${pid}/actions/${councilAction}/updates/${row!.id}/edit`;
    const bad = await lead.post(editUrl, { ...update("Changed"), status: "red", percentComplete: "140" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Percentage complete must be a whole number from 0 to 100");
    expect(bad.body).toContain("Enter the reason the action is red");
    expect((await editor.get(editUrl)).statusCode).toBe(403);
    expect((await editor.post(editUrl, update("Taken over"))).statusCode).toBe(403);
    expect((await viewer.post(editUrl, update("Viewer"))).statusCode).toBe(403);
    expect((await outsider.get(editUrl)).statusCode).toBe(404);
    // The update exists, but not under this action: 404.
    expect((await lead.get(`/partnerships/${pid}/actions/${healthAction}/updates/${row!.id}/edit`)).statusCode).toBe(
      404,
    );
    expect(
      (await lead.get(`/partnerships/${otherPid}/actions/${councilAction}/updates/${row!.id}/edit`)).statusCode,
    ).toBe(404);
    const [after] = await updatesOf(councilAction);
    expect(after!.narrative).toBe("Council text");
    expect(after!.percentComplete).toBe(40);
  });
});

describe("withdrawing a progress update", () => {
  test("asks first, then keeps it in the history marked withdrawn, counted nowhere, and audited", async ({
    db,
    updatesOf,
  }) => {
    await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, {
      ...update("Second quarter, wrongly red"),
      period: "2025/26 Q3",
      status: "red",
      reason: "Typed in error",
      percentComplete: "10",
    });
    const wrong = (await updatesOf(councilAction)).find((row) => row.period === "2025/26 Q3")!;
    const withdrawUrl = `/partnerships/${pid}/actions/${councilAction}/updates/${wrong.id}/withdraw`;

    const confirm = await lead.get(withdrawUrl);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(
      "Are you sure you want to withdraw the 2025/26 Q3 update on “Money advice in schools”?",
    );
    expect(confirm.body).toContain("stays in the action&#39;s history, marked as withdrawn");
    expect((await editor.post(withdrawUrl)).statusCode).toBe(403);

    const done = await lead.post(withdrawUrl);
    expect(done.statusCode).toBe(303);
    const [kept] = (await updatesOf(councilAction)).filter((row) => row.id === wrong.id);
    expect(kept!.withdrawnAt).not.toBeNull();
    expect(kept!.narrative).toBe("Second quarter, wrongly red");
    const page = (await lead.get(`/partnerships/${pid}/actions/${councilAction}`)).body;
    expect(page).toContain("Withdrawn on");
    // The Q2 update is the latest again: the withdrawn one no longer counts.
    expect(page).toMatch(/2025\/26 Q2 \(latest\)/);
    expect(page).not.toContain(`${wrong.id}/edit`);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "action.update_withdrawn"), eq(auditLog.entityId, wrong.id)));
    expect(audit).toBeDefined();

    // Withdrawing it again, or correcting it: the 404 page and the error page, nothing changed.
    const again = await lead.post(withdrawUrl);
    expect(again.statusCode).toBe(404);
    expect((await lead.get(withdrawUrl)).statusCode).toBe(404);
    const edit = await lead.post(
      `/partnerships/${pid}/actions/${councilAction}/updates/${wrong.id}/edit`,
      update("Sneaky"),
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.body).toContain("This update has been withdrawn, so it can no longer be corrected");
    const [unchanged] = (await updatesOf(councilAction)).filter((row) => row.id === wrong.id);
    expect(unchanged).toEqual(kept);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, wrong.id));
    expect(audits.map((row) => row.action).sort()).toEqual(["action.update_reported", "action.update_withdrawn"]);
  });
});

/** The one-time token of the form on a page (kernel/forms/once.ts). */
function onceOf(html: string): string {
  const match = /name="_once" value="([0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error("No one-time token on the page");
  return match[1]!;
}

describe("double submission", () => {
  test("two posts of one form (together, then again) record one update and both go to the action", async ({
    database,
    updatesOf,
  }) => {
    const formUrl = `/partnerships/${pid}/actions/${healthAction}/updates/new`;
    const before = (await updatesOf(healthAction)).length;
    const once = onceOf((await editor.get(formUrl)).body);
    const fields = { ...update("Sent twice by a double click"), period: "2025/26 Q4", _once: once };
    const [first, second] = await Promise.all([editor.post(formUrl, fields), editor.post(formUrl, fields)]);
    const third = await editor.post(formUrl, fields);
    for (const response of [first, second, third]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/partnerships/${pid}/actions/${healthAction}`);
    }
    const rows = (await updatesOf(healthAction)).filter((row) => row.narrative === "Sent twice by a double click");
    expect(rows).toHaveLength(1);
    expect(await updatesOf(healthAction)).toHaveLength(before + 1);
    const audits = (await database.db.select().from(auditLog).where(eq(auditLog.entityId, rows[0]!.id))).map(
      (row) => row.action,
    );
    expect(audits).toEqual(["action.update_reported"]);

    // A fresh form is a new update: the token guards one rendering of the form, not the content.
    const again = onceOf((await editor.get(formUrl)).body);
    expect(again).not.toBe(once);
    expect((await editor.post(formUrl, { ...fields, _once: again })).statusCode).toBe(303);
    expect(
      (await updatesOf(healthAction)).filter((row) => row.narrative === "Sent twice by a double click"),
    ).toHaveLength(2);
  });

  test("a form refused for an error keeps its token and saves once when corrected", async ({ updatesOf }) => {
    const formUrl = `/partnerships/${pid}/actions/${councilAction}/updates/new`;
    const before = (await updatesOf(councilAction)).length;
    const once = onceOf((await lead.get(formUrl)).body);
    const bad = await lead.post(formUrl, { ...update("Corrected later"), percentComplete: "abc", _once: once });
    expect(bad.statusCode).toBe(400);
    expect(onceOf(bad.body)).toBe(once);
    expect(await updatesOf(councilAction)).toHaveLength(before);
    const good = { ...update("Corrected later"), period: "2025/26 Q1", _once: once };
    expect((await lead.post(formUrl, good)).statusCode).toBe(303);
    expect((await lead.post(formUrl, good)).statusCode).toBe(303);
    expect(await updatesOf(councilAction)).toHaveLength(before + 1);
  });

  test("confirming a withdrawal twice withdraws once and both go back to the action, not to a 404", async ({
    db,
    updatesOf,
  }) => {
    await editor.post(`/partnerships/${pid}/actions/${healthAction}/updates/new`, {
      ...update("To be withdrawn twice"),
      period: "2025/26 Q1",
    });
    const row = (await updatesOf(healthAction)).find((entry) => entry.narrative === "To be withdrawn twice")!;
    const url = `/partnerships/${pid}/actions/${healthAction}/updates/${row.id}/withdraw`;
    const once = onceOf((await editor.get(url)).body);
    const [first, second] = await Promise.all([editor.post(url, { _once: once }), editor.post(url, { _once: once })]);
    for (const response of [first, second]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/partnerships/${pid}/actions/${healthAction}`);
    }
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits.filter((entry) => entry.action === "action.update_withdrawn")).toHaveLength(1);
    // Without the form's token (a stale page, a script), the record already gone is the 404 page.
    expect((await editor.post(url)).statusCode).toBe(404);
  });
});
