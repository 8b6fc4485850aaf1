/**
 * Inequality by deprivation in a needs-assessment panel: the area profile's computation and
 * figures (SII, RII, chart, table, periods, source, method) on the panel of an indicator the slope
 * is made from (the IDACI score, published for small areas only), in the draft document too; and
 * "cannot be calculated because …" on a small-area indicator it is not made from. Ten fictional
 * LSOAs (tests/helpers/inequality-store.ts) give a slope worked out by hand there.
 */
import { expect } from "vitest";
import { appTest as test } from "../helpers/app-test.ts";
import { INEQUALITY_SLUGS, seedInequalityStore } from "../helpers/inequality-store.ts";
import type { TestClient } from "../helpers/test-app.ts";

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

let editor: TestClient;
let partnershipId = "";

/** The panel of `slug` on the needs-assessment page. */
function panelOf(html: string, slug: string): string {
  const start = html.indexOf(`data-panel="${slug}"`);
  expect(start, slug).toBeGreaterThan(0);
  const end = html.indexOf("data-panel=", start + 20);
  return html.slice(start, end > 0 ? end : undefined);
}

test.beforeAll(async ({ db, fixtures, signIn }) => {
  await seedInequalityStore(db, { code: "E06000005", name: "Darlington" });
  const org = await fixtures.organisation("Inequality Panel Council");
  const partnership = await fixtures.partnership(
    "Darlington Inequality Partnership",
    "england",
    "E06000005",
    "Darlington",
  );
  partnershipId = partnership.id;
  await fixtures.user("panel-inequality@example.org", org.id, { roles: [[partnership.id, "editor"]] });
  editor = await signIn("panel-inequality@example.org");
  for (const slug of [INEQUALITY_SLUGS.rate, INEQUALITY_SLUGS.other]) {
    const added = await editor.post(
      `/partnerships/${partnershipId}/needs-assessment/sections/financial-support/panels/new`,
      { indicatorSlug: slug, areaCode: "" },
    );
    expect(added.statusCode, slug).toBe(303);
  }
});

test("the IDACI panel shows SII and RII by local quintile with chart, table, periods, source and method", async () => {
  const page = decode((await editor.get(`/partnerships/${partnershipId}/needs-assessment`)).body);
  const panel = panelOf(page, INEQUALITY_SLUGS.rate);
  expect(panel).toContain("data-panel-inequality");
  expect(panel).toContain("data-sii>37.5 percentage points (95% confidence interval 33.5 to 41.5)");
  expect(panel).toContain("data-rii>1.70 (95% confidence interval");
  expect(panel).toContain("relative to the overall rate of 22.0%");
  expect(panel).toMatch(/Quintile 1 \(most deprived\)[\s\S]*?37\.5%/);
  expect(panel).toMatch(/Quintile 5 \(least deprived\)[\s\S]*?7\.5%/);
  expect(panel).toContain("IDACI numerator: 2019; Dependent children aged 0-15: 2019; ranks: 2019");
  expect(panel).toContain("Ministry of Housing, Communities and Local Government");
  expect(panel).toContain("ScotPHO");
  expect(panel).toMatch(/data-panel-inequality[\s\S]*?<svg/);
});

test("a small-area indicator the slope is not made from says why it cannot be calculated", async () => {
  const page = decode((await editor.get(`/partnerships/${partnershipId}/needs-assessment`)).body);
  const panel = panelOf(page, INEQUALITY_SLUGS.other);
  expect(panel).toContain(
    "data-inequality-problem>The slope and relative index of inequality cannot be calculated from Fixture small-area score (fictional)",
  );
  expect(panel).not.toContain("data-sii");
});

test("the draft document carries the panel's SII, RII, table and method", async () => {
  const res = await editor.get(`/partnerships/${partnershipId}/needs-assessment/export/html`);
  expect(res.statusCode).toBe(200);
  const html = decode(res.body);
  expect(html).toContain(
    "Slope index of inequality (SII): 37.5 percentage points (95% confidence interval 33.5 to 41.5)",
  );
  expect(html).toContain("Method: Slope index of inequality (SII)");
  expect(html).toContain("cannot be calculated from Fixture small-area score (fictional)");
});
