/**
 * A partnership's own data under the small-count rule, linked to an action in its plan, as the
 * published annual report shows it: the public page, the HTML and the DOCX export. Small counts
 * are withheld ([c]) and others rounded to 5, in the indicator table, the chart's data table and
 * its text, and the plan's baseline; open data (rule "none") is shown as published.
 */
import JSZip from "jszip";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, addIndicator } from "../../src/cycle/actions/index.ts";
import { closeDocumentWorker } from "../../src/lib/documents/index.ts";
import { areas } from "../../src/data/geography/index.ts";
import { breakdowns, importBatches, indicators, observations, periods } from "../../src/data/indicators/index.ts";
import { buildDemoStrategy } from "../../src/demo/strategy/index.ts";
import { addMembers, idFromLocation } from "../helpers/strategy-fixtures.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

let t: TestApp;
let lead: TestClient;
let partnershipId: string;
let publicationUrl: string;

/** What a reader sees: the text without tags (the article's, on a page that has one). */
const text = (html: string) => {
  const start = html.indexOf("<article");
  const body = start >= 0 ? html.slice(start, html.indexOf("</article>")) : html;
  return body
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
};

/** The figure of one indicator, from its caption to the next figure. */
function figureOf(shown: string, slug: string): string {
  const start = shown.indexOf(`: ${slug} (fictional): 2021/22 to 2023/24`);
  expect(start, slug).toBeGreaterThan(0);
  const next = shown.indexOf("Figure ", start + 10);
  return shown.slice(start, next > 0 ? next : undefined);
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await fixtures.organisation(t.database, "Northby Council");
  partnershipId = (await fixtures.partnership(t.database, "Northby Partnership", "england", "E06000001", "Northby")).id;
  await addMembers(t.database, partnershipId, [org.id]);
  await fixtures.user(t.database, "lead@northby.example", org.id, { roles: [[partnershipId, "lead"]] });
  lead = t.client();
  await lead.signIn("lead@northby.example");
  await buildDemoStrategy(t.database.db, { partnershipId, financialYear: 2024, actions: 4 });

  const db = t.database.db;
  const [area] = await db
    .insert(areas)
    .values({ code: "E06000001", name: "Northby", type: "local-authority", nation: "england" })
    // The built-in reference geography has the real authority: it takes the fixture's name.
    .onConflictDoUpdate({ target: areas.code, set: { name: sql`excluded.name` } })
    .returning();
  const [batch] = await db
    .insert(importBatches)
    .values({ kind: "test", fileName: "own.csv", sha256: "0".repeat(64), sizeBytes: 0, actorLabel: "test" })
    .returning();
  const periodRows = await db
    .insert(periods)
    .values(
      [2021, 2022, 2023].map((year) => ({
        code: `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
        kind: "financial-year",
        label: `${year} to ${year + 1}`,
        startDate: `${year}-04-01`,
        endDate: `${year + 1}-03-31`,
        sortKey: year * 100,
      })),
    )
    .returning();
  const series = [
    // The partnership's own count: 57 must show as 55, 3 as [c].
    {
      slug: "own-families-helped",
      unit: "count",
      rule: "small-count",
      values: [57, 12, 3],
      numerators: [null, null, null],
    },
    // A percentage with its numerators: 4 of 50 is withheld, 40 of 400 shown as published.
    { slug: "own-take-up-rate", unit: "percentage", rule: "small-count", values: [10, 8, 8], numerators: [40, 32, 4] },
    // Open national data: shown exactly, 3 included.
    { slug: "open-count", unit: "count", rule: "none", values: [57, 12, 3], numerators: [null, null, null] },
  ];
  const [first] = await db.select().from(actions).where(eq(actions.partnershipId, partnershipId)).limit(1);
  for (const item of series) {
    const [indicator] = await db
      .insert(indicators)
      .values({
        slug: item.slug,
        title: `${item.slug} (fictional)`,
        unit: item.unit,
        disclosureRule: item.rule,
        partnershipId: item.rule === "none" ? null : partnershipId,
        publisher: "Northby Council",
      })
      .returning();
    await db.insert(observations).values(
      periodRows.map((period, i) => ({
        indicatorId: indicator!.id,
        periodId: period.id,
        breakdownId: 0,
        areaId: area!.id,
        value: item.values[i]!,
        numerator: item.numerators[i],
        flags: 0,
        batchId: batch!.id,
      })),
    );
    // By family type in 2021/22 (total 57): 3 withheld, and 14 with it so it cannot be worked out from the total.
    if (item.slug === "own-families-helped") {
      const types = await db
        .insert(breakdowns)
        .values(["Lone parent", "Couple", "Other"].map((label) => ({ dimension: "Family type", value: label, label })))
        .returning();
      await db.insert(observations).values(
        [40, 14, 3].map((value, i) => ({
          indicatorId: indicator!.id,
          periodId: periodRows[0]!.id,
          breakdownId: types[i]!.id,
          areaId: area!.id,
          value,
          flags: 0,
          batchId: batch!.id,
        })),
      );
    }
    await addIndicator(db, { actorUserId: null, actorLabel: "test" }, partnershipId, first!.id, {
      indicatorRef: item.slug,
      label: `Plan indicator ${item.slug}`,
      baseline: item.unit === "count" ? 3 : 8,
      baselinePeriod: "2023/24",
      target: 20,
      targetDate: "2028-03-31",
    });
  }
  const created = await lead.post(`/partnerships/${partnershipId}/reports/new`, {
    type: "progress",
    reportingYear: "2024/25",
  });
  expect(created.statusCode).toBe(303);
  const reportUrl = `/partnerships/${partnershipId}/reports/${idFromLocation(created)}`;
  await lead.post(`${reportUrl}/sign-off`, { name: "Cllr A", role: "elected-member", signedOn: "20/06/2025" });
  const published = await lead.post(`${reportUrl}/publish`);
  expect(published.statusCode).toBe(303);
  publicationUrl = `/published/reports/${idFromLocation(published)}`;
}, 240_000);
afterAll(async () => {
  await closeDocumentWorker();
  await t.close();
});

/** One rendering of the report: every value of the small-count series as it may be published. */
function expectDisclosed(shown: string) {
  // The indicator table: latest values and the plan's baselines under each indicator's rule.
  expect(shown).toMatch(
    /own-families-helped .{0,120}?\[c\] \(2023\/24\) 20 by 31 March 2028 \[c\] suppressed \(2023\/24\)/,
  );
  expect(shown).toMatch(
    /own-take-up-rate .{0,120}?\[c\] \(2023\/24\) 20 by 31 March 2028 \[c\] suppressed \(2023\/24\)/,
  );
  expect(shown).toContain("counts from 1 to 9 are shown as [c], other counts are rounded to the nearest 5");
  // Open data as published, small counts included.
  expect(shown).toMatch(/open-count .{0,120}? 3 \(2023\/24\) 20 by 31 March 2028 3 \(2023\/24\); source/);

  // The count's chart, its text and its data table: 57 rounded to 55, 12 to 10, 3 withheld.
  const count = figureOf(shown, "own-families-helped");
  expect(count).toContain("Northby fell from 55 in 2021/22 to 10 in 2022/23");
  expect(count).toContain("2021/22 55 2022/23 10 2023/24 [c]");
  expect(count).not.toMatch(/\b57\b|\b12\b|\b3 in 2023/);
  // The rate: 4 of 50 withheld, the others as published.
  const rate = figureOf(shown, "own-take-up-rate");
  expect(rate).toContain("2021/22 10.0% 2022/23 8.0% 2023/24 [c]");
  expect(rate).not.toContain("8.0% in 2023/24");
  expect(figureOf(shown, "open-count")).toContain("2021/22 57 2022/23 12 2023/24 3");
  // Its values by family type: the breakdown and its total as one set under the rule.
  expect(shown).toContain(BREAKDOWN);
}

const BREAKDOWN =
  "own-families-helped (fictional) by family type, Northby, 2021/22. Source: Northby Council Family type Value Couple [c] Lone parent 40 Other [c] All 55";

describe("the published annual report", () => {
  it("applies each indicator's disclosure rule on the public page", async () => {
    const page = await t.client().get(publicationUrl);
    expect(page.statusCode).toBe(200);
    expectDisclosed(text(page.body));
  });

  it("applies it in the HTML download and the DOCX", async () => {
    const html = await t.client().get(`${publicationUrl}/report.html`);
    expect(html.statusCode).toBe(200);
    expectDisclosed(text(html.body));

    const docx = await t.client().get(`${publicationUrl}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const words = xml
      .replace(/<[^>]+>/g, " ")
      .replace(/&apos;/g, "'")
      .replace(/\s+/g, " ");
    expect(words).toMatch(
      /own-families-helped .{0,120}?\[c\] \(2023\/24\) 20 by 31 March 2028 \[c\] suppressed \(2023\/24\)/,
    );
    expect(words).toMatch(
      /own-take-up-rate .{0,120}?\[c\] \(2023\/24\) 20 by 31 March 2028 \[c\] suppressed \(2023\/24\)/,
    );
    expect(words).toContain(
      "own-families-helped (fictional), Northby. Source: Northby Council Period Northby 2021/22 55 2022/23 10 2023/24 [c]",
    );
    expect(words).toContain(
      "own-take-up-rate (fictional), Northby. Source: Northby Council Period Northby 2021/22 10.0% 2022/23 8.0% 2023/24 [c]",
    );
    expect(words).toContain(BREAKDOWN);
    // The charts' text alternatives (images in a DOCX) describe what may be shown.
    expect(xml).toContain("Northby fell from 55 in 2021/22 to 10 in 2022/23");
  });
});
