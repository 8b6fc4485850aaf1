import { sql } from "drizzle-orm";
/**
 * Needs-assessment panels compared with the region, the nation (totals calculated at import,
 * labelled so) and the partnership's comparison group (pooled from numerators and denominators),
 * in the panel's table, sentence and chart.
 */
import { describe, expect } from "vitest";
import {
  type AreaInput,
  areaTypeOfCode,
  linkParents,
  nationOfCode,
  saveComparisonGroup,
  tiersOfCode,
  upsertAreas,
} from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";

let partnershipId: string;
let editor: TestClient;
const base = () => `/partnerships/${partnershipId}/needs-assessment`;
const audit = { actorUserId: null, actorLabel: "panel-comparisons-test" };

function area(code: string, name: string, type?: string): AreaInput {
  return {
    code,
    name,
    type: type ?? areaTypeOfCode(code)!,
    nation: nationOfCode(code),
    ...tiersOfCode(code),
    startYear: null,
    endYear: null,
  };
}

const test = appTest.extend(
  "tidy",
  { scope: "file" },
  ({ db }) =>
    async function tidy(name: string, csv: string) {
      const report = await runImport(db, {
        importer: importerFor("tidy")!,
        file: sourceFromBytes(
          name,
          Buffer.from(`area_code,period,indicator,measure,value,numerator,denominator\n${csv}`),
        ),
        options: { publisher: "Fictional Statistics Office", dataset: "Test series", disclosure: "none" },
        dryRun: false,
        audit,
      });
      expect(report.errors).toEqual([]);
      return report;
    },
);

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

test.beforeAll(async ({ db, signIn, fixtures, tidy }) => {
  // A tiny fictional geography: two authorities, the only ones in their region and nation. The
  // built-in reference geography (every real authority) is taken out of this file's database first.
  await db.execute(sql`truncate areas cascade`);
  await upsertAreas(db, [
    area("E92000001", "England"),
    area("E12000001", "North East"),
    area("E06000001", "Hartlepool"),
    area("E06000005", "Darlington"),
    area("E06000004", "Stockton-on-Tees"),
  ]);
  await linkParents(db, [
    { child: "E12000001", parent: "E92000001", relation: "nation" },
    ...["E06000001", "E06000005"].flatMap((child) => [
      { child, parent: "E12000001", relation: "region" },
      { child, parent: "E92000001", relation: "nation" },
    ]),
  ]);
  const report = await tidy(
    "rates.csv",
    [
      "E06000001,2020/21,fictional-rate,Percentage,20,200,1000",
      "E06000005,2020/21,fictional-rate,Percentage,30,600,2000",
      "E06000001,2021/22,fictional-rate,Percentage,25,250,1000",
      "E06000005,2021/22,fictional-rate,Percentage,35,700,2000",
      "E06000004,2021/22,fictional-rate,Percentage,10,100,1000",
    ].join("\n"),
  );
  expect(report.counts.totalsCalculated).toBe(4);
  const org = await fixtures.organisation("Hartlepool Council");
  partnershipId = (await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool")).id;
  await fixtures.user("editor@h.example", org.id, { roles: [[partnershipId, "editor"]] });
  await saveComparisonGroup(db, audit, {
    partnershipId,
    name: "Tees neighbours",
    kind: "user",
    memberCodes: ["E06000001", "E06000005", "E06000004"],
  });
  editor = await signIn("editor@h.example");
});

describe("needs-assessment panel comparisons", () => {
  test("adds region, nation and comparison group to the panel's table, sentence and chart, with periods and source", async () => {
    expect(
      (
        await editor.post(`${base()}/sections/financial-support/panels/new`, {
          indicatorSlug: "fictional-rate",
          areaCode: "",
        })
      ).statusCode,
    ).toBe(303);
    const html = decode((await editor.get(base())).body);
    const start = html.indexOf('data-panel="fictional-rate"');
    const panel = html.slice(start, html.indexOf("</details>", start));
    // North East and England: (200 + 600) / (1000 + 2000) = 26.7% and (250 + 700) / 3000 = 31.7%, never the average of rates.
    expect(panel).toContain("North East (calculated from the local authority figures)");
    expect(panel).toContain("England (calculated from the local authority figures)");
    expect(panel).toContain("Tees neighbours (group)");
    expect(panel).toMatch(
      /2021\/22<\/th><td class="govuk-table__cell">25(\.0)?%<\/td><td class="govuk-table__cell">31\.7%<\/td><td class="govuk-table__cell">31\.7%<\/td><td class="govuk-table__cell">26\.7%<\/td>/,
    );
    expect(panel).toMatch(
      /2020\/21<\/th><td class="govuk-table__cell">20(\.0)?%<\/td><td class="govuk-table__cell">26\.7%<\/td><td class="govuk-table__cell">26\.7%<\/td><td class="govuk-table__cell">\[x\]<\/td>/,
    );
    expect(panel).toMatch(
      /In the same period \(2021\/22\): North East 31\.7% \(calculated from the local authority figures\); England 31\.7% \(calculated from the local authority figures\); Tees neighbours \(group\) 26\.7%\./,
    );
    // Hartlepool went from 20% to 25%: a change in percentage points, not "up 25%".
    expect(panel).toMatch(/Hartlepool was 25(\.0)?%, up 5 percentage points on 2020\/21/);
    expect(panel).toContain("Fictional Statistics Office, Test series");
    expect(panel).toContain("numerators and denominators summed, never an average of rates");
  });

  test("adds an authority's figure up from its small areas when only they are published, and says so", async ({
    db,
    tidy,
  }) => {
    await upsertAreas(db, [
      area("E01011950", "Hartlepool 001A", "lsoa"),
      area("E01011951", "Hartlepool 001B", "lsoa"),
      area("E01011952", "Hartlepool 001C", "lsoa"),
    ]);
    await linkParents(
      db,
      ["E01011950", "E01011951", "E01011952"].map((child) => ({
        child,
        parent: "E06000001",
        relation: "local-authority",
      })),
    );
    await tidy(
      "small-areas.csv",
      [
        "E01011950,2019,fictional-lsoa-count,Count,120,,",
        "E01011951,2019,fictional-lsoa-count,Count,45,,",
        "E01011952,2019,fictional-lsoa-count,Count,35,,",
        "E01011950,2020,fictional-lsoa-count,Count,130,,",
        "E01011951,2020,fictional-lsoa-count,Count,50,,",
      ].join("\n"),
    );
    expect(
      (
        await editor.post(`${base()}/sections/financial-support/panels/new`, {
          indicatorSlug: "fictional-lsoa-count",
          areaCode: "",
        })
      ).statusCode,
    ).toBe(303);
    const html = decode((await editor.get(base())).body);
    const start = html.indexOf('data-panel="fictional-lsoa-count"');
    const panel = html.slice(start, html.indexOf("</details>", start));
    expect(panel).not.toContain("No data imported yet");
    // 2019: 120 + 45 + 35 = 200. 2020: one small area has no value, so no total (never 180).
    expect(panel).toContain(
      "In 2019, fictional-lsoa-count (count) in Hartlepool was 200. The figure for 2020 is not shown (missing).",
    );
    expect(panel).toMatch(/2020<\/th><td class="govuk-table__cell">\[x\]/);
    expect(panel).toContain("calculated from its 3 small areas");

    // Every period incomplete: the sentence says why, no empty chart, the parts stay in the table.
    await tidy(
      "gaps.csv",
      ["E01011950,2019,fictional-gappy-count,Count,10,,", "E01011951,2019,fictional-gappy-count,Count,NA,,"].join("\n"),
    );
    expect(
      (
        await editor.post(`${base()}/sections/financial-support/panels/new`, {
          indicatorSlug: "fictional-gappy-count",
          areaCode: "",
        })
      ).statusCode,
    ).toBe(303);
    const after = decode((await editor.get(base())).body);
    const at = after.indexOf('data-panel="fictional-gappy-count"');
    const gappy = after.slice(at, after.indexOf("</details>", at));
    expect(gappy).toContain("No total for Hartlepool can be calculated for 2019: 2 of its 3 small areas have no value");
    expect(gappy).not.toContain("<svg");
    expect(gappy).toContain("Hartlepool 001A");
  });

  test("shows the small areas of a measure that does not add up (IDACI deciles, ranks) instead of 'No data imported yet'", async ({
    db,
    tidy,
  }) => {
    const lsoas = ["E01011950", "E01011951", "E01011952"];
    await upsertAreas(db, [
      area("E01011950", "Hartlepool 001A", "lsoa"),
      area("E01011951", "Hartlepool 001B", "lsoa"),
      area("E01011952", "Hartlepool 001C", "lsoa"),
    ]);
    await linkParents(
      db,
      lsoas.map((child) => ({ child, parent: "E06000001", relation: "local-authority" })),
    );
    await tidy(
      "idaci.csv",
      [
        "E01011950,2019,fictional-idaci-decile,Decile,1,,",
        "E01011951,2019,fictional-idaci-decile,Decile,4,,",
        "E01011952,2019,fictional-idaci-decile,Decile,1,,",
        "E01011950,2015,fictional-idaci-decile,Decile,2,,",
        "E01011950,2019,fictional-idaci-rank,Rank,1203,,",
        "E01011952,2019,fictional-idaci-rank,Rank,30412,,",
      ].join("\n"),
    );
    for (const indicatorSlug of ["fictional-idaci-decile", "fictional-idaci-rank"]) {
      const added = await editor.post(`${base()}/sections/financial-support/panels/new`, {
        indicatorSlug,
        areaCode: "",
      });
      expect(added.statusCode).toBe(303);
    }
    const html = decode((await editor.get(base())).body);
    const panelOf = (slug: string) => {
      const at = html.indexOf(`data-panel="${slug}"`);
      return html.slice(at, html.indexOf("</details>", at));
    };
    const deciles = panelOf("fictional-idaci-decile");
    expect(deciles).not.toContain("No data imported yet");
    // The latest period (2019), not 2015; the spread computed from the three small areas' values.
    expect(deciles).toContain("so its 3 small areas (LSOA) are shown. In 2019, they ranged from 1 to 4 (median 1).");
    expect(deciles).toContain('Hartlepool 001B</td><td class="govuk-table__cell">4');
    const ranks = panelOf("fictional-idaci-rank");
    expect(ranks).not.toContain("No data imported yet");
    // One small area has no value: said, and the spread is of the two that have one (median of 1,203 and 30,412).
    expect(ranks).toContain("In 2019, 2 of them with a value shown ranged from 1,203 to 30,412 (median 15,808).");
    expect(ranks).toContain("2 of 3 small areas (LSOA) with a value");
    // The downloadable document (and so a publication) says the same.
    const exported = decode((await editor.get(`${base()}/export/html`)).body);
    expect(exported).toContain("In 2019, they ranged from 1 to 4 (median 1).");
    // No value anywhere still says so.
    await editor.post(`${base()}/sections/financial-support/panels/new`, {
      indicatorSlug: "fictional-lsoa-count",
      areaCode: "E06000005",
    });
    const empty = decode((await editor.get(base())).body);
    expect(empty).toContain("No data imported yet for Darlington (E06000005)");
  });
});
