import { and, eq, sql } from "drizzle-orm";
import { describe, expect, vi } from "vitest";
import { actionIndicators, actions } from "../../src/cycle/actions/index.ts";
import { chromiumAvailable, closeDocumentWorker, closePdfRenderer } from "../../src/lib/documents/index.ts";
import { downloadPdf } from "../helpers/pdf-job.ts";
import { actionUpdates } from "../../src/cycle/monitoring/index.ts";
import { reviewFeedback } from "../../src/national/national/index.ts";
import { reportPublications, reportSignOffs, reports, reportStatuses } from "../../src/cycle/reports/index.ts";
import { strategies } from "../../src/cycle/strategy/index.ts";
import { reportsWorld } from "../helpers/report-fixtures.ts";
import { auditActions, idFromLocation } from "../helpers/strategy-fixtures.ts";
import { appTest as test } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

let scot: string;
let eng: string;
let other: string;
let orgs: Record<string, string>;
let lead: TestClient;
let editor: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let coordinator: TestClient;
let reportId: string;
let reportUrl: string;

/** The completeness row for a check, as rendered. */
function check(html: string, key: string): string {
  const start = html.indexOf(`data-check="${key}"`);
  if (start < 0) throw new Error(`No completeness row ${key}`);
  return html.slice(start, html.indexOf("</tr>", start));
}

test.beforeAll(async ({ database, fixtures, client, signIn }) => {
  ({ orgs, scot, eng, other, lead, editor, viewer, outsider, anonymous, coordinator } = await reportsWorld({
    database,
    fixtures,
    client,
    signIn,
  }));
}, 240_000);
test.afterAll(async () => {
  await closeDocumentWorker();
  await closePdfRenderer();
});

describe("creating a report", () => {
  test("refuses a report type that does not fit the nation, and a second report of the same kind and year", async ({
    db,
  }) => {
    const wrong = await lead.post(`/partnerships/${scot}/reports/new`, { type: "progress", reportingYear: "2024/25" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("does not apply to this partnership");
    const bad = await lead.post(`/partnerships/${scot}/reports/new`, { type: "lcpar", reportingYear: "2024/26" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Select the reporting year");
    expect(await db.select().from(reports)).toHaveLength(0);
  });

  test("drafts the LCPAR from recorded work: measures taken by each body, proposed, income maximisation, protected characteristics", async ({
    database,
    db,
  }) => {
    const created = await editor.post(`/partnerships/${scot}/reports/new`, { type: "lcpar", reportingYear: "2024/25" });
    expect(created.statusCode).toBe(303);
    reportId = idFromLocation(created);
    reportUrl = `/partnerships/${scot}/reports/${reportId}`;
    expect(await auditActions(database, scot)).toContain("report.create");
    const again = await lead.post(`/partnerships/${scot}/reports/new`, { type: "lcpar", reportingYear: "2024/25" });
    expect(again.statusCode).toBe(400);

    const page = await lead.get(reportUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Measures taken in 2024/25 by Kelvinside Council");
    expect(page.body).toContain("Measures taken in 2024/25 by NHS Kelvinside");
    expect(page.body).not.toContain("Measures taken in 2024/25 by Kelvinside Jobcentre Plus");
    // Every income maximisation action of the plan is listed, with its last update of the year.
    const flagged = await db
      .select()
      .from(actions)
      .where(and(eq(actions.partnershipId, scot), eq(actions.incomeMaximisation, true)));
    expect(flagged.length).toBeGreaterThan(0);
    for (const action of flagged) expect(page.body).toContain(action.title.replace(/'/g, "&#39;"));
    const [last] = await db
      .select()
      .from(actionUpdates)
      .where(and(eq(actionUpdates.actionId, flagged[0]!.id), sql`${actionUpdates.period} like '2024/25 Q%'`))
      .orderBy(sql`${actionUpdates.period} desc`, sql`${actionUpdates.createdAt} desc`)
      .limit(1);
    expect(page.body).toContain(last!.narrative);
    expect(check(page.body, `measures-taken:${orgs.council}`)).toContain("Met");
    expect(check(page.body, `measures-taken:${orgs.board}`)).toContain("Met");
    expect(check(page.body, "income-maximisation")).toContain("Met");
    expect(check(page.body, "case-studies")).toContain("Missing");
    expect(page.body).toContain("Period: 2024/25");
    // Progress against indicators: baseline and target from the plan, latest value from the store with period and source.
    expect(page.body).toMatch(
      /Store-backed indicator[\s\S]*?25 \(2022\/23\)[\s\S]*?18 by 31 March 2028[\s\S]*?\(2023\/24, provisional\); source: Fictional Statistics Office/,
    );
    expect(page.body).toContain("Fixture indicator 1 (fictional), %, Kelvinside");
    expect(page.body).toContain("Not in the indicator store yet");
  });
});

describe("completeness judged on the year's recorded work", () => {
  test("counts actions with an update in the year and indicators with a value for it, from the database", async ({
    db,
  }) => {
    const plan = await db.select({ id: actions.id }).from(actions).where(eq(actions.partnershipId, scot));
    const updated = await db
      .selectDistinct({ id: actionUpdates.actionId })
      .from(actionUpdates)
      .where(and(eq(actionUpdates.partnershipId, scot), sql`${actionUpdates.period} like '2024/25%'`));
    expect(updated.length).toBeGreaterThan(0);
    const page = await lead.get(reportUrl);
    const reported = check(page.body, "actions-reported");
    expect(reported).toContain(`${updated.length} of ${plan.length} actions have an update in 2024/25.`);
    expect(reported).toContain(updated.length === plan.length ? "Met" : "Missing");

    // The store holds values up to 2023/24 only: linked indicators do not measure progress in 2024/25.
    const linked = await db.select().from(actionIndicators).where(eq(actionIndicators.partnershipId, scot));
    const indicators = check(page.body, "indicators");
    expect(indicators).toContain("Missing");
    expect(indicators).toContain(`0 of ${linked.length} action indicators have a value for 2024/25`);
  });
});

describe("narrative and regeneration", () => {
  test("keeps sanitised narrative when the data sections are regenerated from newer records", async ({ db }) => {
    const saved = await editor.post(`${reportUrl}/sections/case-studies`, {
      narrative: '<p>Our <strong>family story</strong></p><script>alert(1)</script><img src=x onerror="alert(2)">',
    });
    expect(saved.statusCode).toBe(303);
    const [action] = await db
      .select()
      .from(actions)
      .where(and(eq(actions.partnershipId, scot), eq(actions.incomeMaximisation, true)))
      .limit(1);
    await db.insert(actionUpdates).values({
      partnershipId: scot,
      actionId: action!.id,
      period: "2024/25 Q4",
      status: "green",
      percentComplete: 95,
      narrative: "Late marker update recorded after drafting",
    });
    const before = await lead.get(reportUrl);
    expect(before.body).toContain("<strong>family story</strong>");
    expect(before.body).not.toContain("alert(");
    expect(before.body).not.toContain("Late marker update");
    expect(check(before.body, "case-studies")).toContain("Met");

    expect((await editor.post(`${reportUrl}/regenerate`)).statusCode).toBe(303);
    const after = await lead.get(reportUrl);
    expect(after.body).toContain("Late marker update recorded after drafting");
    expect(after.body).toContain("<strong>family story</strong>");
  });

  test("marks income maximisation missing once no action is flagged, after regenerating", async ({ db }) => {
    await db.update(actions).set({ incomeMaximisation: false }).where(eq(actions.partnershipId, scot));
    await lead.post(`${reportUrl}/regenerate`);
    const page = await lead.get(reportUrl);
    const row = check(page.body, "income-maximisation");
    expect(row).toContain("Missing");
    expect(row).toContain(`/partnerships/${scot}/actions`);
    expect(page.body).toContain("No action in the plan is flagged as income maximisation.");
  });

  test("refuses an unknown section and 404s a report id of another partnership", async () => {
    expect((await editor.get(`${reportUrl}/sections/not-a-section`)).statusCode).toBe(404);
    expect((await lead.get(`/partnerships/${eng}/reports/${reportId}`)).statusCode).toBe(404);
    expect((await outsider.get(reportUrl)).statusCode).toBe(404);
    expect((await outsider.get(`/published`)).statusCode).toBe(200);
  });
});

describe("sign-off and publication", () => {
  let firstPublication: string;

  test("lets only the lead sign off and publish, and only after sign-off", async ({ database, db }) => {
    expect(
      (await editor.post(`${reportUrl}/sign-off`, { name: "Cllr A", role: "elected-member", signedOn: "20/06/2025" }))
        .statusCode,
    ).toBe(403);
    expect((await viewer.post(`${reportUrl}/regenerate`)).statusCode).toBe(403);
    expect((await viewer.get(`${reportUrl}/sections/case-studies`)).statusCode).toBe(403);
    expect((await viewer.post(`${reportUrl}/sections/case-studies`, { narrative: "Viewer text" })).statusCode).toBe(
      403,
    );
    expect(
      (await viewer.post(`/partnerships/${scot}/reports/new`, { type: "annual-update", reportingYear: "2024/25" }))
        .statusCode,
    ).toBe(403);
    expect((await editor.get(`${reportUrl}/sign-off`)).statusCode).toBe(403);
    const viewerPage = await viewer.get(reportUrl);
    expect(viewerPage.statusCode).toBe(200);
    expect(viewerPage.body).not.toContain("Regenerate data sections");
    expect(viewerPage.body).not.toContain("Viewer text");
    // The completeness check links only to pages the reader may use to fix things.
    expect(viewerPage.body).not.toContain(`${reportUrl}/sign-off`);
    expect(viewerPage.body).not.toContain(">Fix<");
    const editorPage = await editor.get(reportUrl);
    expect(editorPage.body).not.toContain(`${reportUrl}/sign-off`);
    expect(editorPage.body).toContain(`${reportUrl}/sections/case-studies"`);
    expect((await lead.get(reportUrl)).body).toContain(`${reportUrl}/sign-off`);
    expect((await editor.post(`${reportUrl}/publish`)).statusCode).toBe(403);
    expect((await lead.post(`${reportUrl}/publish`)).statusCode).toBe(400);
    const invalid = await lead.post(`${reportUrl}/sign-off`, {
      name: "Cllr A",
      role: "elected-member",
      signedOn: "31/02/2025",
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('value="Cllr A"');
    const future = await lead.post(`${reportUrl}/sign-off`, {
      name: "Cllr A",
      role: "elected-member",
      signedOn: "01/01/2099",
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("today or in the past");
    expect(await db.select().from(reportSignOffs)).toHaveLength(0);
    expect(
      (await lead.post(`${reportUrl}/sign-off`, { name: "Cllr A", role: "elected-member", signedOn: "20/06/2025" }))
        .statusCode,
    ).toBe(303);
    // Saving a narrative unchanged is not a change: the sign-off stands.
    await editor.post(`${reportUrl}/sections/case-studies`, { narrative: "<p>Our <strong>family story</strong></p>" });
    const signedOff = (await lead.get(reportUrl)).body;
    expect(signedOff).toContain("Cllr A (Elected member)");
    // Publishing asks first, showing the completeness check of the version to be published.
    expect(signedOff).toContain(`href="${reportUrl}/publish"`);
    expect((await editor.get(`${reportUrl}/publish`)).statusCode).toBe(403);
    const confirm = await lead.get(`${reportUrl}/publish`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Publish Local Child Poverty Action Report 2024/25?");
    expect(confirm.body).toContain("Publishing makes version 1 of this report public");
    expect(check(confirm.body, "actions-reported")).toMatch(/\d+ of \d+ actions have an update in 2024\/25/);
    expect(check(confirm.body, "case-studies")).toContain("Met");
    expect(confirm.body).toMatch(/\d+ of \d+ items are missing, \d+ of them statutory|Every statutory element/);
    expect(confirm.body).toContain("Yes, publish it");
    // A double click publishes one version: the repeat goes where the first went.
    const once = /name="_once" value="([0-9a-f-]{36})"/.exec(confirm.body)![1]!;
    const [published, repeat] = await Promise.all([
      lead.post(`${reportUrl}/publish`, { _once: once }),
      lead.post(`${reportUrl}/publish`, { _once: once }),
    ]);
    expect(published.statusCode).toBe(303);
    expect(repeat.headers.location).toBe(published.headers.location);
    expect(await db.select().from(reportPublications).where(eq(reportPublications.reportId, reportId))).toHaveLength(1);
    firstPublication = idFromLocation(published);
    expect(await auditActions(database, scot)).toEqual(expect.arrayContaining(["report.sign_off", "report.publish"]));
  });

  test("serves the publication to anyone, frozen: later edits never change it", async ({ db }) => {
    const url = `/published/reports/${firstPublication}`;
    const first = await anonymous.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("family story");
    expect(first.body).toContain("Cllr A");
    expect((await anonymous.get("/published")).body).toContain(url);
    expect((await anonymous.get(reportUrl)).statusCode).toBe(303);

    await editor.post(`${reportUrl}/sections/case-studies`, { narrative: "Rewritten after publication" });
    await db.update(actions).set({ title: "Renamed after publication" }).where(eq(actions.partnershipId, scot));
    await editor.post(`${reportUrl}/regenerate`);
    const draft = await lead.get(reportUrl);
    expect(draft.body).toContain("Rewritten after publication");
    expect(draft.body).toContain("This version has not been signed off.");
    expect((await lead.post(`${reportUrl}/publish`)).statusCode).toBe(400);

    const still = await anonymous.get(url);
    const article = (html: string) => html.slice(html.indexOf("<article"), html.indexOf("</article>"));
    expect(article(still.body)).toBe(article(first.body));
    expect(still.body).toContain("family story");
    expect(still.body).not.toContain("Rewritten after publication");
    expect(still.body).not.toContain("Renamed after publication");

    await lead.post(`${reportUrl}/sign-off`, {
      name: "Chief Executive",
      role: "senior-executive",
      signedOn: "01/07/2025",
    });
    const second = idFromLocation(await lead.post(`${reportUrl}/publish`));
    const v2 = await anonymous.get(`/published/reports/${second}`);
    expect(v2.body).toContain("Rewritten after publication");
    expect(v2.body).toContain(`/published/reports/${firstPublication}`);
    // The frozen body is kept once rendered; the list of versions is read afresh every time.
    const v1Again = await anonymous.get(url);
    expect(v1Again.body).toContain(`/published/reports/${second}`);
    expect(article(v1Again.body)).toBe(article(first.body));
    expect((await anonymous.get("/published/reports/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const versions = await db.select().from(reportPublications).where(eq(reportPublications.reportId, reportId));
    expect(versions.map((row) => row.version).sort()).toEqual([1, 2]);
  });

  test("exports the draft and the publication as DOCX, PDF and HTML", async ({ db }) => {
    const docx = await viewer.get(`${reportUrl}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const html = await anonymous.get(
      `/published/reports/${(await db.select().from(reportPublications).limit(1))[0]!.id}/report.html`,
    );
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("<h1");
    expect(html.body).toContain("Local Child Poverty Action Report");
    if (chromiumAvailable()) {
      const { file: pdf, jobUrl } = await downloadPdf(lead, `${reportUrl}/export.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-disposition"]).toContain(".pdf");
      // The job and its file are the reader's own.
      expect((await viewer.get(jobUrl)).statusCode).toBe(404);
      expect((await viewer.get(`${jobUrl}/download`)).statusCode).toBe(404);
      expect((await anonymous.get(`${jobUrl}/download`)).statusCode).toBe(404);
      // Asked again, the same document is the same job: printed once.
      expect((await lead.get(`${reportUrl}/export.pdf`)).headers.location).toBe(jobUrl);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    }
  }, 60_000);
});

describe("the English progress report, public strategies and national status", () => {
  test("drafts progress by priority, actions by RAG, spend and reach, and indicators", async () => {
    const created = await lead.post(`/partnerships/${eng}/reports/new`, { type: "progress", reportingYear: "2024/25" });
    expect(created.statusCode).toBe(303);
    const page = await lead.get(created.headers.location as string);
    for (const heading of [
      "Progress by priority",
      "Actions by status",
      "Spend and reach",
      "Building blocks",
      "Progress against indicators",
    ]) {
      expect(page.body).toContain(heading);
    }
    expect(page.body).not.toContain("Income maximisation measures");
  });

  test("drafts the multi-year strategic report and the lighter annual update", async () => {
    const strategic = await lead.post(`/partnerships/${scot}/reports/new`, {
      type: "strategic",
      reportingYear: "2024/25",
    });
    const strategicPage = await lead.get(strategic.headers.location as string);
    for (const heading of [
      "The joint strategy",
      "Priorities and the evidence they answer",
      "Progress by priority",
      "Drivers of child poverty",
      "Measures proposed",
    ]) {
      expect(strategicPage.body).toContain(heading);
    }
    const update = await lead.post(`/partnerships/${scot}/reports/new`, {
      type: "annual-update",
      reportingYear: "2024/25",
    });
    const updatePage = await lead.get(update.headers.location as string);
    expect(updatePage.body).toContain("Income maximisation");
    expect(updatePage.body).not.toContain("Measures taken in 2024/25 by");
    expect(updatePage.body).not.toContain("Spend and reach");
  });

  test("shows signed-off strategies to anyone and hides drafts", async ({ db }) => {
    const [signed] = await db.select().from(strategies).where(eq(strategies.partnershipId, scot));
    const shown = await anonymous.get(`/published/strategies/${signed!.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("Joint child poverty strategy");
    await db.update(strategies).set({ status: "draft" }).where(eq(strategies.partnershipId, eng));
    const [draft] = await db.select().from(strategies).where(eq(strategies.partnershipId, eng));
    expect((await anonymous.get(`/published/strategies/${draft!.id}`)).statusCode).toBe(404);
    expect((await anonymous.get("/published")).body).not.toContain(`/published/strategies/${draft!.id}`);
  });

  test("links a coordinator's review feedback to the year's report, shown on the report to the lead", async ({
    db,
  }) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-09-01T12:00:00Z")); // the report due then covers 2024/25
    try {
      const posted = await coordinator.post(`/partnerships/${scot}/feedback`, {
        section: "Income maximisation",
        comment: "Say more about take-up in rural areas",
        status: "requested",
      });
      expect(posted.statusCode).toBe(303);
      // The national view links the coordinator to the year's report, which they may read.
      const national = await coordinator.get("/national/scotland");
      expect(national.body).toContain(`/partnerships/${scot}/reports/${reportId}`);
      expect((await coordinator.get(reportUrl)).statusCode).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    const [row] = await db.select().from(reviewFeedback).where(eq(reviewFeedback.partnershipId, scot));
    expect(row!.reportRef).toBe(reportId);
    expect((await lead.get(reportUrl)).body).toContain("Say more about take-up in rural areas");
    expect((await editor.get(reportUrl)).body).not.toContain("Say more about take-up in rural areas");
  });

  test("reports each partnership's status for the national view", async ({ db }) => {
    const statuses = await reportStatuses(db, [scot, eng, other], "2024/25");
    expect(statuses.get(scot)).toMatchObject({ state: "published", reportRef: reportId });
    expect(statuses.get(scot)!.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statuses.get(eng)).toMatchObject({ state: "draft", publishedOn: null });
    expect(statuses.get(other)).toEqual({ state: "not-started", publishedOn: null, reportRef: null });
    expect((await reportStatuses(db, [scot], "2023/24")).get(scot)!.state).toBe("not-started");
  });
});
