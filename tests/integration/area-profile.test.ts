/**
 * The area profile on real data: Darlington (E06000005) from the Stat-Xplore export in
 * ../shared/data, imported through the real importers, checked against the raw file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { valuesForAreaType } from "../../src/data/indicators/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const statxplore = path.join(dataDir, "cilif", "statxplore-children-relative-low-income-ltla-2014-2022.csv");
const SLUG = "cilif-relative-children-count";

let reader: TestClient;
let darlingtonId: string;
let emptyId: string;

function decode(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

/** The section of the page for one indicator. */
function section(html: string, slug: string): string {
  const start = html.indexOf(`id="${slug}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf("</section>", start);
  return decode(html.slice(start, end));
}

describeWithSharedData(statxplore)("area profile", () => {
  test.beforeAll(async ({ db, signIn, fixtures }) => {
    const wanted = new Set([
      "geography-topology",
      "ltla-lookup",
      "code-changes",
      "lsoa-lookup",
      "neighbours",
      "statxplore",
    ]);
    // IoD File 3 (ranks/deciles) and File 6 (denominators): the small-area deciles and children in them.
    const iod = ["iod2019-file3-idaci-idaopi-lsoa11.csv", "iod2019-file6-population-denominators-lsoa11.csv"];
    const imported = await importSharedData(
      db,
      (s) =>
        wanted.has(s.kind) ||
        (s.kind === "iod" && iod.includes(path.basename(s.file))) ||
        (s.kind === "lsoa-boundaries" && path.basename(s.file) === "E06000005.json"),
      "profile-test",
    );
    for (const { step, report } of imported) expect(report.errors, step.file).toEqual([]);
    const org = await fixtures.organisation("Darlington Borough Council");
    const darlington = await fixtures.partnership(
      "Darlington Child Poverty Partnership",
      "england",
      "E06000005",
      "Darlington",
    );
    const empty = await fixtures.partnership("Newland Partnership", "england", "E06000099", "Newland");
    darlingtonId = darlington.id;
    emptyId = empty.id;
    await fixtures.user("viewer@example.org", org.id, {
      roles: [
        [darlingtonId, "viewer"],
        [emptyId, "viewer"],
      ],
    });
    await fixtures.user("outsider@example.org", org.id);
    reader = await signIn("viewer@example.org");
  }, 300_000);

  test("shows Darlington's latest value and period exactly as in the source file, its trend and its rank", async ({
    db,
  }) => {
    const rows: string[][] = parse(readFileSync(statxplore, "utf8").replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const header = rows.find((r) => r[0] === "Year")!;
    const darlington = rows.find((r) => r[0] === "Darlington")!;
    const periodColumns = header
      .map((cell, i) => ({ cell, i }))
      .filter((c) => c.i > 0 && /^\d{4}\/\d{2}/.test(c.cell) && !/Annotations/.test(c.cell));
    const first = periodColumns[0]!;
    const last = periodColumns.at(-1)!;
    expect(last.cell).toBe("2021/22 (p)");
    const latest = Number(darlington[last.i]);
    const earliest = Number(darlington[first.i]);

    const response = await reader.get(`/partnerships/${darlingtonId}/profile`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Area profile: Darlington");
    const html = section(response.body, SLUG);
    expect(html).toMatch(
      new RegExp(
        `data-latest-value>\\s*<strong>${latest.toLocaleString("en-GB")} \\(p\\)</strong> in <span data-latest-period>2021/22</span>`,
      ),
    );
    expect(html).toContain("Provisional");

    // Trend: up from the first period to the latest, judged worse (more children in low income).
    const change = latest - earliest;
    expect(html).toContain(
      `Up ${change.toLocaleString("en-GB")} (${((change / earliest) * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%) since 2014/15 – worsening`,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(`<th scope="row" class="govuk-table__header">2014/15</th>`);

    // Rank among English local authorities in 2021/22, lowest count first, computed here from the stored values.
    const peers = await valuesForAreaType(db, {
      indicatorSlug: SLUG,
      periodCode: "2021/22",
      areaType: "local-authority",
      nation: "england",
    });
    const own = peers.find((p) => p.areaCode === "E06000005")!;
    expect(own.value).toBe(latest);
    const withValue = peers.filter((p) => p.value !== null);
    const position = withValue.filter((p) => p.value! < latest).length + 1;
    expect(withValue.length).toBeGreaterThan(250);
    const suffix =
      position % 100 >= 11 && position % 100 <= 13
        ? "th"
        : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[position % 10] ?? "th");
    expect(html).toMatch(
      new RegExp(
        `data-rank>${position}${suffix}[^<]* of ${withValue.length} local authorities in England, lowest first`,
      ),
    );
    // Bordering authorities with their values from the same file (Darlington borders County Durham and others).
    const durham = rows.find((r) => r[0] === "County Durham")!;
    expect(html).toContain(
      `<th scope="row" class="govuk-table__header">County Durham (bordering)</th><td class="govuk-table__cell">${Number(durham[last.i]).toLocaleString("en-GB")} (p)</td>`,
    );
    // Counts follow population size, so they are not benchmarked.
    expect(html).toContain("Not compared");
  });

  test("shows the small areas' IDACI deciles and the children in the most deprived 10% and 20%, as in the IoD files", async () => {
    const read = (file: string): string[][] =>
      parse(readFileSync(path.join(dataDir, "deprivation", file), "utf8").replace(/^\uFEFF/, ""), {
        skip_empty_lines: true,
      });
    const file3 = read("iod2019-file3-idaci-idaopi-lsoa11.csv");
    const file6 = read("iod2019-file6-population-denominators-lsoa11.csv");
    const idaci = file3[0]!.findIndex((c) => /^Income Deprivation Affecting Children Index \(IDACI\) Decile/.test(c));
    const childrenColumn = file6[0]!.findIndex((c) => /^Dependent Children aged 0-15/.test(c));
    const deciles = new Map(
      file3
        .slice(1)
        .filter((r) => r[2] === "E06000005")
        .map((r) => [r[0]!, Number(r[idaci])]),
    );
    const children = new Map(
      file6
        .slice(1)
        .filter((r) => deciles.has(r[0]!))
        .map((r) => [r[0]!, Number(r[childrenColumn])]),
    );
    const sum = (max: number) =>
      [...deciles].filter(([, d]) => d <= max).reduce((total, [code]) => total + children.get(code)!, 0);
    const response = await reader.get(`/partnerships/${darlingtonId}/profile`);
    const html = section(response.body, "small-areas-iod2019-idaci-decile");
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain(
      `most deprived 10% of small areas nationally: ${sum(1).toLocaleString("en-GB")}; in the most deprived 20%: ${sum(2).toLocaleString("en-GB")}; in all ${deciles.size} small areas`,
    );
    const inDecile1 = [...deciles.values()].filter((d) => d === 1).length;
    expect(html).toContain(
      `<th scope="row" class="govuk-table__header">1 (most deprived)</th><td class="govuk-table__cell">${inDecile1}</td>`,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain("E01012304");
  });

  test("gives a partnership with no data the empty state, linking editors (not viewers) to the import page", async ({
    signIn,
    fixtures,
  }) => {
    const response = await reader.get(`/partnerships/${emptyId}/profile`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("No data yet");
    expect(response.body).not.toContain(`href="/partnerships/${emptyId}/data/import"`);
    expect(response.body).toContain("An editor or lead of the partnership can import it");
    const org = await fixtures.organisation("Newland Council Data Team");
    await fixtures.user("editor.empty@example.org", org.id, { roles: [[emptyId, "editor"]] });
    const editor = await signIn("editor.empty@example.org");
    const editorView = await editor.get(`/partnerships/${emptyId}/profile`);
    expect(editorView.statusCode).toBe(200);
    expect(editorView.body).toContain(`href="/partnerships/${emptyId}/data/import"`);
  });

  test("shows a partnership's own local indicator to that partnership only, suppressed values labelled, never zero", async ({
    db,
    signIn,
    fixtures,
  }) => {
    const org = await fixtures.organisation("Darlington Foodbank Network");
    const own = await fixtures.partnership("Darlington Foodbank Partnership", "england", "E06000005", "Darlington");
    await fixtures.user("foodbank@example.org", org.id, { roles: [[own.id, "viewer"]] });
    const csv = [
      "area_code,period,indicator,value,flag",
      "E06000005,2021,local-foodbank-parcels-children,1200,",
      "E06000005,2022,local-foodbank-parcels-children,1500,",
      "E06000005,2023,local-foodbank-parcels-children,,suppressed",
    ].join("\n");
    const report = await runImport(db, {
      importer: importerFor("tidy")!,
      file: sourceFromBytes("foodbank.csv", Buffer.from(csv)),
      options: { publisher: "Darlington Foodbank Network", dataset: "Parcels", disclosure: "none" },
      dryRun: false,
      audit: { actorUserId: null, actorLabel: "profile-test" },
      partnershipId: own.id,
    });
    expect(report.errors).toEqual([]);
    const owner = await signIn("foodbank@example.org");
    const mine = decode((await owner.get(`/partnerships/${own.id}/profile`)).body);
    expect(mine).toContain('id="local-foodbank-parcels-children"');
    const html = section(mine, "local-foodbank-parcels-children");
    expect(html).toMatch(/<strong>1,500(\.0)?<\/strong> in <span data-latest-period>2022<\/span>/);
    expect(html).toContain("Newer period 2023: suppressed");
    expect(html).toMatch(/Up 300(\.0)? \(25%\) since 2021/);
    expect(html).not.toMatch(/>0<\/td>/);
    const theirs = (await reader.get(`/partnerships/${darlingtonId}/profile`)).body;
    expect(theirs).not.toContain("local-foodbank-parcels-children");
  });

  test("is for the partnership's readers only", async ({ client, signIn }) => {
    const outsider = await signIn("outsider@example.org");
    expect((await outsider.get(`/partnerships/${darlingtonId}/profile`)).statusCode).toBe(404);
    expect((await client().get(`/partnerships/${darlingtonId}/profile`)).statusCode).toBe(303);
    expect((await reader.get("/partnerships/not-a-uuid/profile")).statusCode).toBe(404);
  });

  test("links the profile from the partnership navigation", async () => {
    const response = await reader.get(`/partnerships/${darlingtonId}/data/import`);
    expect([200, 403]).toContain(response.statusCode);
    const profile = await reader.get(`/partnerships/${darlingtonId}/profile`);
    expect(profile.body).toContain(`href="/partnerships/${darlingtonId}/profile" aria-current="page">Area profile</a>`);
  });
});
