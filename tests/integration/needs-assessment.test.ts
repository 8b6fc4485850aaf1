import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { actions } from "../../src/cycle/actions/index.ts";
import { chromiumAvailable, closeDocumentWorker, closePdfRenderer } from "../../src/lib/documents/index.ts";
import { downloadPdf } from "../helpers/pdf-job.ts";
import { linkParents, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import {
  needsAssessmentStatuses,
  needsFindings,
  needsPanels,
  needsPublications,
  needsQualitative,
} from "../../src/cycle/needs-assessment/index.ts";
import { evidenceLinks, strategies, strategyPriorities } from "../../src/cycle/strategy/index.ts";
import { auditCount } from "../helpers/partnership-fixtures.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";
import { areaInput as area } from "../helpers/areas.ts";

let partnershipId: string;
let otherId: string;
let lead: TestClient;
let editor: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let orgId: string;
const base = () => `/partnerships/${partnershipId}/needs-assessment`;
const TIDY = "area_code,period,indicator,value,numerator,denominator,flag,unit_of_measure\n";

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
const test = appTest
  .extend(
    "tidy",
    { scope: "file" },
    ({ db }) =>
      async function tidy(name: string, csv: string, options: Record<string, unknown>) {
        const report = await runImport(db, {
          importer: importerFor("tidy")!,
          file: sourceFromBytes(name, Buffer.from(TIDY + csv)),
          options,
          dryRun: false,
          audit: { actorUserId: null, actorLabel: "needs-test" },
        });
        expect(report.errors).toEqual([]);
      },
  )
  .extend(
    "findings",
    { scope: "file" },
    ({ db }) =>
      async () =>
        db.select().from(needsFindings).where(eq(needsFindings.partnershipId, partnershipId)),
  );

test.beforeAll(async ({ db, client, fixtures, tidy }) => {
  await upsertAreas(db, [
    area("E06000001", "Hartlepool"),
    area("E05000001", "Ward One"),
    area("E05000002", "Ward Two"),
    area("E05000003", "Ward Three"),
  ]);
  await linkParents(
    db,
    ["E05000001", "E05000002", "E05000003"].map((child) => ({
      child,
      parent: "E06000001",
      relation: "local-authority",
    })),
  );
  // Official statistics: shown as published. Local data: small-count rule.
  await tidy(
    "official.csv",
    "E06000001,2015/16,Children in low income families,4200,,,,count\nE06000001,2021/22 (p),Children in low income families,6072,,,,count\n",
    { publisher: "DWP", dataset: "Children in low income families", disclosure: "none" },
  );
  await tidy(
    "local.csv",
    "E06000001,2021/22,Children in foodbank households,100,,,,count\nE06000001,2022/23 (p),Children in foodbank households,135,,,,count\nE05000001,2022/23 (p),Children in foodbank households,4,,,,count\nE05000002,2022/23 (p),Children in foodbank households,60,,,,count\nE05000003,2022/23 (p),Children in foodbank households,71,,,,count\n",
    { disclosure: "small-count", publisher: "Foodbank network", dataset: "Parcels" },
  );
  const org = await fixtures.organisation("Hartlepool Council");
  orgId = org.id;
  const partnership = await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool");
  const other = await fixtures.partnership("Other Partnership", "england", "E06000002", "Other");
  partnershipId = partnership.id;
  otherId = other.id;
  await fixtures.user("lead@h.example", org.id, { roles: [[partnershipId, "lead"]] });
  await fixtures.user("editor@h.example", org.id, { roles: [[partnershipId, "editor"]] });
  await fixtures.user("viewer@h.example", org.id, { roles: [[partnershipId, "viewer"]] });
  await fixtures.user("lead@other.example", org.id, { roles: [[otherId, "lead"]] });
  [lead, editor, viewer, outsider] = [client(), client(), client(), client()];
  await lead.signIn("lead@h.example");
  await editor.signIn("editor@h.example");
  await viewer.signIn("viewer@h.example");
  await outsider.signIn("lead@other.example");
}, 120_000);
test.afterAll(async () => {
  await closeDocumentWorker();
  await closePdfRenderer();
});

describe("the draft assessment", () => {
  test("shows the building-block sections to readers, with edit links only for editors", async () => {
    const page = await viewer.get(base());
    expect(page.statusCode).toBe(200);
    for (const heading of ["Context and overview", "Financial support", "Not started"])
      expect(page.body).toContain(heading);
    expect(page.body).not.toContain("Add a finding");
    expect((await editor.get(base())).body).toContain("Add a finding");
  });

  test("is not found for another partnership and asks anonymous people to sign in", async ({ client }) => {
    expect((await outsider.get(base())).statusCode).toBe(404);
    const anonymous = await client().get(base());
    expect(anonymous.statusCode).toBe(303);
    expect((await client().get(`${base()}/export/html`)).statusCode).toBe(303);
    expect((await viewer.get(`${base()}/sections/financial-support/findings/new`)).statusCode).toBe(403);
  });

  test("adds findings and qualitative evidence for editors, audited; viewers and other partnerships cannot", async ({
    database,
    findings,
  }) => {
    const added = await editor.post(`${base()}/sections/financial-support/findings/new`, {
      statement: "Lone parents are less likely to claim what they are entitled to",
    });
    expect(added.statusCode).toBe(303);
    await editor.post(`${base()}/sections/financial-support/findings/new`, {
      statement: "Families in the east struggle to reach advice",
    });
    expect((await findings()).map((row) => row.statement)).toHaveLength(2);
    expect(await auditCount(database, "needs_assessment.finding.create", partnershipId)).toBe(2);
    expect(
      (await viewer.post(`${base()}/sections/financial-support/findings/new`, { statement: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await outsider.post(`${base()}/sections/financial-support/findings/new`, { statement: "x" })).statusCode,
    ).toBe(404);
    const qualitative = await editor.post(`${base()}/sections/context/qualitative/new`, {
      source: "Parents at the family hub",
      method: "Focus groups",
      summary: "Travel costs stop families reaching help",
      quotes: "The bus costs too much\nI had to ask three times",
    });
    expect(qualitative.statusCode).toBe(303);
    const page = decode((await viewer.get(base())).body);
    expect(page).toContain("Lone parents are less likely to claim what they are entitled to");
    expect(page).toContain("“The bus costs too much”");
    expect(await findings()).toHaveLength(2);
  });

  test("rejects bad input with 400, keeps the values and saves nothing", async ({ db, findings }) => {
    const empty = await editor.post(`${base()}/sections/financial-support/findings/new`, { statement: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the finding");
    const partial = await editor.post(`${base()}/sections/context/qualitative/new`, {
      source: "Young people's panel",
      method: "",
      summary: "",
    });
    expect(partial.statusCode).toBe(400);
    expect(decode(partial.body)).toContain('value="Young people\'s panel"');
    // The indicator is chosen by its name; its identifier is not shown.
    const choose = await editor.get(`${base()}/sections/context/panels/new`);
    expect(choose.body).toMatch(/<option value="children-in-low-income-families"[^>]*>[^<(]+<\/option>/);
    const unknown = await editor.post(`${base()}/sections/context/panels/new`, {
      indicatorSlug: "no-such-indicator",
      areaCode: "E06000001",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Select an indicator from the catalogue");
    const badArea = await editor.post(`${base()}/sections/context/panels/new`, {
      indicatorSlug: "children-in-low-income-families",
      areaCode: "E09999999",
    });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.body).toContain('value="E09999999"');
    const badUrl = await editor.post(`${base()}/other-assessments/new`, { title: "JSNA", url: "javascript:alert(1)" });
    expect(badUrl.statusCode).toBe(400);
    expect(await findings()).toHaveLength(2);
    expect(await db.select().from(needsQualitative)).toHaveLength(1);
    expect(await db.select().from(needsPanels)).toHaveLength(0);
    expect((await editor.get(`${base()}/sections/not-a-section/findings/new`)).statusCode).toBe(404);
  });

  test("sanitises narrative HTML", async () => {
    const saved = await editor.post(`${base()}/sections/context/narrative`, {
      narrative: '<p onclick="x()">Overview <strong>here</strong></p><script>alert(1)</script>',
    });
    expect(saved.statusCode).toBe(303);
    const page = (await viewer.get(base())).body;
    expect(page).toContain("<p>Overview <strong>here</strong></p>");
    expect(page).not.toContain("alert(1)");
  });
});

describe("indicator panels", () => {
  test("shows official statistics as published, with period, source, flags and a drafted sentence", async () => {
    expect(
      (
        await editor.post(`${base()}/sections/financial-support/panels/new`, {
          indicatorSlug: "children-in-low-income-families",
          areaCode: "",
        })
      ).statusCode,
    ).toBe(303);
    const page = decode((await viewer.get(base())).body);
    expect(page).toMatch(
      /In 2021\/22 \(provisional\), children in low income families in Hartlepool was 6,072, up 45% on 2015\/16/,
    );
    expect(page).toContain("DWP, Children in low income families");
    expect(page).toContain("6,072 (p)");
  });

  test("applies the small-count rule to local data: [c] for 1–9, rounding to 5, and the next-smallest ward withheld too", async () => {
    await editor.post(`${base()}/sections/employment-skills/panels/new`, {
      indicatorSlug: "children-in-foodbank-households",
      areaCode: "E06000001",
    });
    const html = decode((await viewer.get(base())).body);
    const start = html.indexOf('data-panel="children-in-foodbank-households"');
    const panel = html.slice(start, html.indexOf("</details>", start));
    expect(panel).toContain("Disclosure control applied");
    expect(panel).toMatch(
      /<th scope="row" class="govuk-table__header">E05000001<\/th><td class="govuk-table__cell">Ward One<\/td><td class="govuk-table__cell">\[c\]/,
    );
    // 60 would give away ward one (135 − 60 − 71), so it is withheld as well.
    expect(panel).toMatch(
      /<th scope="row" class="govuk-table__header">E05000002<\/th><td class="govuk-table__cell">Ward Two<\/td><td class="govuk-table__cell">\[c\]/,
    );
    expect(panel).toMatch(
      /E05000003<\/th><td class="govuk-table__cell">Ward Three<\/td><td class="govuk-table__cell">70 \(p\)/,
    );
    expect(panel).not.toMatch(/>(4|60|71)( \(p\))?<\/td>/);
  });

  test("shows an honest empty state when nothing is imported for the area", async ({ db }) => {
    await db.insert(needsPanels).values({
      partnershipId,
      assessmentId: (await db.select().from(needsFindings).where(eq(needsFindings.partnershipId, partnershipId)))[0]!
        .assessmentId,
      sectionCode: "context",
      indicatorSlug: "not-imported-yet",
      indicatorTitle: "Children in temporary accommodation",
      areaCode: "E06000001",
    });
    const page = (await viewer.get(base())).body;
    expect(page).toContain("No data imported yet for Hartlepool");
    expect(page).not.toMatch(/Children in temporary accommodation[^<]*<\/h4>\s*<p class="govuk-body" data-sentence>/);
  });
});

describe("two-way evidence links", () => {
  test("lists the priorities and actions linked to a finding and flags findings no action answers", async ({
    db,
    findings,
  }) => {
    const [first, second] = (await findings()).sort((a, b) => a.statement.localeCompare(b.statement)).reverse();
    const [strategy] = await db
      .insert(strategies)
      .values({ partnershipId, startYear: 2025, endYear: 2028 })
      .returning();
    const [priority] = await db
      .insert(strategyPriorities)
      .values({ partnershipId, strategyId: strategy!.id, title: "Maximise family incomes" })
      .returning();
    const [action] = await db
      .insert(actions)
      .values({ partnershipId, leadOrganisationId: orgId, reference: "A1", title: "Benefit checks in family hubs" })
      .returning();
    await db.insert(evidenceLinks).values([
      {
        partnershipId,
        subjectType: "priority",
        subjectId: priority!.id,
        kind: "finding",
        referenceId: first!.id,
        label: "x",
      },
      {
        partnershipId,
        subjectType: "action",
        subjectId: action!.id,
        kind: "finding",
        referenceId: first!.id,
        label: "x",
      },
    ]);
    const html = decode((await viewer.get(base())).body);
    const block = (id: string) =>
      html.slice(html.indexOf(`id="finding-${id}"`), html.indexOf("</div>", html.indexOf(`id="finding-${id}"`)));
    expect(block(first!.id)).toContain("Priority: <a");
    expect(block(first!.id)).toContain("Benefit checks in family hubs");
    expect(block(first!.id)).not.toContain("No action answers this need");
    expect(block(second!.id)).toContain("No action answers this need");
  });
});

describe("choosing assessment evidence in the strategy's evidence-link forms", () => {
  test("offers the partnership's findings, entries and panel indicators, saves a choice, and refuses a forged one", async ({
    db,
    findings,
  }) => {
    const [priority] = await db
      .select()
      .from(strategyPriorities)
      .where(eq(strategyPriorities.partnershipId, partnershipId));
    const url = `/partnerships/${partnershipId}/strategy/priorities/${priority!.id}/evidence/new`;
    const form = decode((await lead.get(url)).body);
    const [finding] = (await findings()).filter((row) => row.statement.startsWith("Families in the east"));
    expect(form).toContain(`value="finding|${finding!.id}"`);
    expect(form).toContain("Needs assessment finding: Families in the east struggle to reach advice");
    expect(form).toContain('value="indicator|children-in-low-income-families"');
    expect(form).toMatch(/value="qualitative\|[0-9a-f-]{36}"/);
    expect((await lead.post(url, { choice: `finding|${finding!.id}` })).statusCode).toBe(303);
    const links = await db.select().from(evidenceLinks).where(eq(evidenceLinks.referenceId, finding!.id));
    expect(links).toMatchObject([
      { kind: "finding", subjectType: "priority", label: "Families in the east struggle to reach advice" },
    ]);
    // The strategy page links back to the finding in the assessment.
    const strategyPage = (await viewer.get(`/partnerships/${partnershipId}/strategy`)).body;
    expect(strategyPage).toContain(`href="/partnerships/${partnershipId}/needs-assessment#finding-${finding!.id}"`);
    const forged = await lead.post(url, { choice: "finding|00000000-0000-4000-8000-000000000000" });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("Select evidence from the list");
    expect(
      await db
        .select()
        .from(evidenceLinks)
        .where(eq(evidenceLinks.referenceId, "00000000-0000-4000-8000-000000000000")),
    ).toHaveLength(0);
    // Free text still works when nothing is chosen, and is still checked.
    expect((await lead.post(url, { choice: "", kind: "", referenceId: "", label: "" })).statusCode).toBe(400);
  });
});

describe("publishing", () => {
  let publicationId: string;

  test("is for leads only", async ({ db }) => {
    expect((await editor.post(`${base()}/publish`)).statusCode).toBe(403);
    expect((await outsider.post(`${base()}/publish`)).statusCode).toBe(404);
    expect(await db.select().from(needsPublications)).toHaveLength(0);
  });

  test("freezes a numbered publication that anyone can read, and later changes leave it as it was", async ({
    database,
    db,
    client,
    tidy,
  }) => {
    // Publishing asks first, showing what the draft holds, with counts.
    expect((await editor.get(`${base()}/publish`)).statusCode).toBe(403);
    const confirm = await lead.get(`${base()}/publish`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Publish version 1 of the needs assessment?");
    expect(confirm.body).toMatch(
      /data-check="indicator-data"[\s\S]*?\d+ of \d+ indicators? ha(s|ve) data for the area/,
    );
    expect(confirm.body).toMatch(/data-check="findings"[\s\S]*?\d+ of \d+ sections have at least one finding/);
    const once = /name="_once" value="([0-9a-f-]{36})"/.exec(confirm.body)![1]!;
    // A double click publishes one version.
    const [published, repeat] = await Promise.all([
      lead.post(`${base()}/publish`, { _once: once }),
      lead.post(`${base()}/publish`, { _once: once }),
    ]);
    expect(published.statusCode).toBe(303);
    expect(repeat.headers.location).toBe(published.headers.location);
    expect(await db.select().from(needsPublications)).toHaveLength(1);
    const [row] = await db.select().from(needsPublications);
    expect(row!.number).toBe(1);
    publicationId = row!.id;
    expect(await auditCount(database, "needs_assessment.publish", partnershipId)).toBe(1);
    const before = decode((await client().get(`/published/needs-assessments/${publicationId}`)).body);
    expect(before).toContain("Version 1");
    expect(before).toContain("6,072");
    expect(before).toContain("Lone parents are less likely to claim what they are entitled to");
    // Listed on the public index of publications, for anyone.
    expect((await client().get("/published")).body).toContain(`/published/needs-assessments/${publicationId}`);

    // Change the draft and the data after publishing.
    await editor.post(`${base()}/sections/financial-support/findings/new`, {
      statement: "A need found after publishing",
    });
    await tidy("official-v2.csv", "E06000001,2021/22 (p),Children in low income families,6811,,,,count\n", {
      publisher: "DWP",
      dataset: "Children in low income families",
      disclosure: "none",
    });
    const draft = decode((await viewer.get(base())).body);
    expect(draft).toContain("6,811");
    expect(draft).toContain("A need found after publishing");
    const after = decode((await client().get(`/published/needs-assessments/${publicationId}`)).body);
    expect(after).toContain("6,072");
    expect(after).not.toContain("6,811");
    expect(after).not.toContain("A need found after publishing");
  });

  test("numbers the next version and lists the history", async ({ db }) => {
    await lead.post(`${base()}/publish`);
    const numbers = (await db.select().from(needsPublications)).map((row) => row.number).sort();
    expect(numbers).toEqual([1, 2]);
    const page = (await viewer.get(base())).body;
    expect(page).toContain("Version 1");
    expect(page).toContain("Version 2");
    expect(page).toContain("Published, drafting continues");
  });

  test("does not find unknown publications, and anonymous people still cannot see the draft", async ({ client }) => {
    expect((await client().get("/published/needs-assessments/00000000-0000-4000-8000-000000000000")).statusCode).toBe(
      404,
    );
    expect((await client().get("/published/needs-assessments/nope")).statusCode).toBe(404);
    expect((await client().get(base())).statusCode).toBe(303);
  });

  test("reports the status to the national view", async ({ db }) => {
    const statuses = await needsAssessmentStatuses(db, [partnershipId, otherId]);
    expect(statuses.get(partnershipId)).toMatchObject({ state: "published" });
    expect(statuses.get(partnershipId)!.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statuses.get(otherId)).toEqual({ state: "not-started", publishedOn: null, reviewDue: null });
  });

  test("exports the draft and the publication as HTML, DOCX and PDF", async ({ client }) => {
    const html = await viewer.get(`${base()}/export/html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/^<!DOCTYPE html>/);
    expect(html.body).toContain("Data for figure 1");
    const docx = await viewer.get(`${base()}/export/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const publicDocx = await client().get(`/published/needs-assessments/${publicationId}/export/docx`);
    expect(publicDocx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    if (chromiumAvailable()) {
      // A published document's PDF, asked for without signing in: anyone with the link may have it.
      const { file: pdf, jobUrl } = await downloadPdf(
        client(),
        `/published/needs-assessments/${publicationId}/export/pdf`,
      );
      expect(pdf.statusCode).toBe(200);
      expect((await client().get(`${jobUrl}/download`)).statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    }
    expect((await viewer.get(`${base()}/export/exe`)).statusCode).toBe(404);
  }, 120_000);

  test("lets editors remove entries of their own partnership only, after confirming", async ({
    database,
    findings,
  }) => {
    const [finding] = await findings();
    const page = (await editor.get(base())).body;
    // Remove is a link to the confirmation page, not a one-click post.
    expect(page).toContain(`href="${base()}/findings/${finding!.id}/delete"`);
    expect(page).not.toContain(`action="${base()}/findings/${finding!.id}/delete"`);
    const confirm = await editor.get(`${base()}/findings/${finding!.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(
      `Are you sure you want to remove the finding “${finding!.statement.replace(/'/g, "&#39;")}”?`,
    );
    expect((await viewer.get(`${base()}/findings/${finding!.id}/delete`)).statusCode).toBe(403);
    expect((await editor.get(`${base()}/nothing/${finding!.id}/delete`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/partnerships/${otherId}/needs-assessment/findings/${finding!.id}/delete`)).statusCode,
    ).toBe(404);
    expect((await viewer.post(`${base()}/findings/${finding!.id}/delete`)).statusCode).toBe(403);
    expect((await editor.post(`${base()}/findings/${finding!.id}/delete`)).statusCode).toBe(303);
    expect((await findings()).some((row) => row.id === finding!.id)).toBe(false);
    expect(await auditCount(database, "needs_assessment.finding.delete", partnershipId)).toBe(1);
    // Confirming again, once it is gone: the 404 page, nothing changed.
    expect((await editor.post(`${base()}/findings/${finding!.id}/delete`)).statusCode).toBe(404);
    expect((await editor.get(`${base()}/findings/${finding!.id}/delete`)).statusCode).toBe(404);
    expect(await auditCount(database, "needs_assessment.finding.delete", partnershipId)).toBe(1);
  });
});
