import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { auditActions, idFromLocation } from "../helpers/strategy-fixtures.ts";
import { glenbraeTest } from "../helpers/glenbrae-actions.ts";

let pid: string;
let otherPid: string;
let lead: TestClient;
let editor: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let councilAction: string;
let healthAction: string;
let foreignAction: string;
let org: Record<string, string>;

const actionFields = (leadOrganisationId: string, title: string) => ({
  title,
  leadOrganisationId,
  drivers: ["costs:housing", "social-security:take-up"],
  familyTypes: ["lone-parent"],
  flags: "income-maximisation",
  startDate: "01/04/2025",
  endDate: "31/03/2027",
});

const goodUpdate = { period: "2025/26 Q2", status: "green", percentComplete: "40", narrative: "Going well" };

const test = glenbraeTest;

test.beforeAll(async ({ glenbrae }) => {
  ({ pid, otherPid, org, lead, editor, viewer, outsider } = glenbrae);
  councilAction = idFromLocation(
    await lead.post(`/partnerships/${pid}/actions/new`, actionFields(org.council!, "Money advice in schools")),
  );
  healthAction = idFromLocation(
    await lead.post(
      `/partnerships/${pid}/actions/new`,
      actionFields(org.health!, "Financial inclusion pathway in maternity"),
    ),
  );
  foreignAction = idFromLocation(
    await outsider.post(`/partnerships/${otherPid}/actions/new`, actionFields(org.far!, "Farshire action")),
  );
});

describe("a partner editor", () => {
  test("updates an action their organisation leads", async ({ database, updatesOf }) => {
    const response = await editor.post(`/partnerships/${pid}/actions/${healthAction}/updates/new`, goodUpdate);
    expect(response.statusCode).toBe(303);
    expect(await updatesOf(healthAction)).toHaveLength(1);
    expect(await auditActions(database, pid)).toContain("action.update_reported");
  });

  test("gets 403 on another organisation's action and nothing is saved", async ({ db, updatesOf }) => {
    expect((await editor.get(`/partnerships/${pid}/actions/${councilAction}/updates/new`)).statusCode).toBe(403);
    expect(
      (await editor.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, goodUpdate)).statusCode,
    ).toBe(403);
    expect(
      (await editor.post(`/partnerships/${pid}/actions/${councilAction}/edit`, actionFields(org.health!, "Taken over")))
        .statusCode,
    ).toBe(403);
    expect((await editor.post(`/partnerships/${pid}/actions/${councilAction}/delete`)).statusCode).toBe(403);
    expect(await updatesOf(councilAction)).toHaveLength(0);
    const [row] = await db.select().from(actions).where(eq(actions.id, councilAction));
    expect(row!.title).toBe("Money advice in schools");
  });

  test("can read the whole plan but only gets update links for their own actions", async () => {
    const list = await editor.get(`/partnerships/${pid}/actions`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Money advice in schools");
    expect(list.body).toContain(`/actions/${healthAction}/updates/new`);
    expect(list.body).not.toContain(`/actions/${councilAction}/updates/new`);
    const mine = await editor.get(`/partnerships/${pid}/actions?mine=1`);
    expect(mine.body).not.toContain("Money advice in schools");
    expect(mine.body).toContain("Financial inclusion pathway");
  });

  test("cannot add an action led by another organisation", async ({ db }) => {
    const response = await editor.post(`/partnerships/${pid}/actions/new`, actionFields(org.council!, "Sneaky"));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("You can only add or change actions that your organisation leads");
    const rows = await db
      .select()
      .from(actions)
      .where(and(eq(actions.partnershipId, pid), eq(actions.title, "Sneaky")));
    expect(rows).toHaveLength(0);
  });
});

describe("the lead", () => {
  test("updates every action", async () => {
    const response = await lead.post(`/partnerships/${pid}/actions/${healthAction}/updates/new`, {
      ...goodUpdate,
      period: "2025/26 Q3",
    });
    expect(response.statusCode).toBe(303);
    const detail = await lead.get(`/partnerships/${pid}/actions/${healthAction}`);
    expect(detail.body).toContain("2025/26 Q3");
    expect(detail.body).toContain("2025/26 Q2");
  });

  test("gets 404 for another partnership's action, through its own partnership's URL", async ({ updatesOf }) => {
    expect((await lead.get(`/partnerships/${pid}/actions/${foreignAction}`)).statusCode).toBe(404);
    expect((await lead.post(`/partnerships/${pid}/actions/${foreignAction}/updates/new`, goodUpdate)).statusCode).toBe(
      404,
    );
    expect(await updatesOf(foreignAction)).toHaveLength(0);
  });
});

describe("a member of another partnership", () => {
  test("gets 404 for every page and change", async ({ updatesOf }) => {
    for (const url of [
      "strategy",
      "actions",
      `actions/${councilAction}`,
      "monitoring",
      "proofing",
      "actions/export.csv",
    ]) {
      expect((await outsider.get(`/partnerships/${pid}/${url}`)).statusCode, url).toBe(404);
    }
    expect(
      (await outsider.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, goodUpdate)).statusCode,
    ).toBe(404);
    expect(await updatesOf(councilAction)).toHaveLength(0);
  });
});

describe("a viewer", () => {
  test("can read but cannot change anything", async ({ database }) => {
    expect((await viewer.get(`/partnerships/${pid}/actions/${councilAction}`)).statusCode).toBe(200);
    expect((await viewer.get(`/partnerships/${pid}/monitoring`)).statusCode).toBe(200);
    const before = await auditActions(database, pid);
    const attempts = [
      viewer.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, goodUpdate),
      viewer.post(`/partnerships/${pid}/actions/${councilAction}/edit`, actionFields(org.council!, "Changed")),
      viewer.post(`/partnerships/${pid}/actions/new`, actionFields(org.jcp!, "New")),
      viewer.post(`/partnerships/${pid}/strategy/edit`, {
        startYear: "2025",
        endYear: "2028",
        vision: "x",
        status: "draft",
      }),
      viewer.post(`/partnerships/${pid}/proofing/new`, { name: "x" }),
      viewer.post(`/partnerships/${pid}/actions/${councilAction}/budgets/new`, {
        financialYear: "2025/26",
        amountPence: "100",
        source: "x",
        arrangement: "pooled",
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    expect(await auditActions(database, pid)).toEqual(before);
  });
});

describe("progress updates", () => {
  test("require a reason for amber and red: 400 with the error summary, values kept, nothing saved", async ({
    updatesOf,
  }) => {
    const before = (await updatesOf(councilAction)).length;
    for (const status of ["amber", "red"]) {
      const response = await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, {
        ...goodUpdate,
        status,
        narrative: "Kept narrative text",
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("govuk-error-summary");
      expect(response.body).toContain(`Enter the reason the action is ${status}`);
      expect(response.body).toContain("Kept narrative text");
    }
    expect(await updatesOf(councilAction)).toHaveLength(before);
    const ok = await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, {
      ...goodUpdate,
      status: "amber",
      reason: "Recruitment delayed",
    });
    expect(ok.statusCode).toBe(303);
  });

  test("reject bad percentages, money and evidence links", async () => {
    const response = await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, {
      ...goodUpdate,
      percentComplete: "140",
      spendToDatePence: "lots",
      evidenceUrls: "javascript:alert(1)",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Percentage complete must be a whole number from 0 to 100");
    expect(response.body).toContain("The spend to date must be an amount in pounds");
    expect(response.body).toContain("Enter the evidence link as a full web address");
  });

  test("tick off milestones in the same transaction, with audit entries", async ({ database }) => {
    const created = await lead.post(`/partnerships/${pid}/actions/${councilAction}/milestones/new`, {
      title: "Pilot in 3 schools",
      dueDate: "30/09/2025",
    });
    expect(created.statusCode).toBe(303);
    const form = await lead.get(`/partnerships/${pid}/actions/${councilAction}/updates/new`);
    const milestoneId = /name="milestoneIds" type="checkbox" value="([0-9a-f-]{36})"/.exec(form.body)?.[1];
    expect(milestoneId).toBeDefined();
    const response = await lead.post(`/partnerships/${pid}/actions/${councilAction}/updates/new`, {
      ...goodUpdate,
      milestoneIds: milestoneId!,
    });
    expect(response.statusCode).toBe(303);
    const detail = await lead.get(`/partnerships/${pid}/actions/${councilAction}`);
    expect(detail.body).toMatch(/Done \d/);
    expect(await auditActions(database, pid)).toEqual(
      expect.arrayContaining(["action.milestone.create", "action.milestone.done"]),
    );
  });
});

describe("removing with confirmation", () => {
  test("asks first about an action, naming what goes with it; removes it on Yes; a second Yes is the 404 page", async ({
    db,
    database,
    updatesOf,
  }) => {
    const id = idFromLocation(
      await lead.post(`/partnerships/${pid}/actions/new`, actionFields(org.council!, "Holiday food and fun")),
    );
    await lead.post(`/partnerships/${pid}/actions/${id}/milestones/new`, {
      title: "Book venues",
      dueDate: "30/06/2025",
    });
    await lead.post(`/partnerships/${pid}/actions/${id}/updates/new`, goodUpdate);
    const url = `/partnerships/${pid}/actions/${id}/delete`;
    const page = await lead.get(`/partnerships/${pid}/actions/${id}`);
    expect(page.body).toContain(`href="${url}"`);
    expect(page.body).not.toContain(`action="${url}"`);

    const confirm = await lead.get(url);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Are you sure you want to remove the action “Holiday food and fun”?");
    expect(confirm.body).toContain("its 1 progress update");
    expect(confirm.body).toContain("its 1 milestone");
    expect((await editor.get(url)).statusCode).toBe(403);
    expect((await outsider.get(url)).statusCode).toBe(404);

    const removed = await lead.post(url);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/partnerships/${pid}/actions`);
    expect(await db.select().from(actions).where(eq(actions.id, id))).toHaveLength(0);
    expect(await updatesOf(id)).toHaveLength(0);
    expect((await lead.post(url)).statusCode).toBe(404);
    expect((await lead.get(url)).statusCode).toBe(404);
    expect((await auditActions(database, pid)).filter((action) => action === "action.delete")).toHaveLength(1);
  });

  test("asks first about a milestone of an action, and removes only that", async ({ database }) => {
    await lead.post(`/partnerships/${pid}/actions/${councilAction}/milestones/new`, { title: "Train staff" });
    const page = (await lead.get(`/partnerships/${pid}/actions/${councilAction}`)).body;
    const url = new RegExp(
      `href="(/partnerships/${pid}/actions/${councilAction}/milestones/[0-9a-f-]{36}/delete)"`,
    ).exec(page)![1]!;
    const confirm = await lead.get(url);
    expect(confirm.body).toMatch(
      /Are you sure you want to remove the milestone “[^”]+” (due [^”]+ )?from “Money advice in schools”\?/,
    );
    const before = (await auditActions(database, pid)).filter((action) => action === "action.milestone.delete").length;
    expect((await lead.post(url)).statusCode).toBe(303);
    expect((await lead.post(url)).statusCode).toBe(404);
    expect((await auditActions(database, pid)).filter((action) => action === "action.milestone.delete")).toHaveLength(
      before + 1,
    );
    expect((await lead.get(`/partnerships/${pid}/actions/${councilAction}`)).statusCode).toBe(200);
  });
});
