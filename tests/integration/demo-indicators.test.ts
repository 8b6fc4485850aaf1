/**
 * The demo's fictional indicator dataset: loaded through the importer by seedDemo, labelled
 * fictional, shown on the profile, the needs-assessment panels and the API, with a provisional
 * period and a suppressed value kept as missing; a second run changes nothing.
 */
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { type DemoSignIn, seedDemo } from "../../src/demo/seed/index.ts";
import {
  DEMO_COUNT_SLUG,
  DEMO_FAMILY_TITLE,
  DEMO_PERCENT_SLUG,
  demoFamilyTypeFile,
  demoIndicatorFile,
} from "../../src/demo/seed/indicator-demo.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import { DEMO_SMALL_AREA_SLUG } from "../../src/demo/seed/small-area-demo.ts";
import { appTest as test } from "../helpers/app-test.ts";

let signIns: DemoSignIn[];

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

test.beforeAll(async ({ database }) => {
  signIns = await seedDemo(database);
}, 600_000);

describe("demo indicator data", () => {
  test("stores the fictional files' values, provisional last period and one suppressed value, never zero", async ({
    query,
  }) => {
    const rows = await query<{
      slug: string;
      title: string;
      publisher: string;
      code: string;
      period: string;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      flags: number;
    }>(sql`
      select i.slug, i.title, i.publisher, a.code, p.code as period, o.value, o.numerator, o.denominator, o.flags from observations o
      join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id join periods p on p.id = o.period_id
      where i.slug in (${DEMO_COUNT_SLUG}, ${DEMO_PERCENT_SLUG})`);
    expect(rows).toHaveLength(2 * 7 * 8);
    expect(rows.every((r) => r.publisher === "Fictional demo data" && r.title.includes("Fictional demo data"))).toBe(
      true,
    );
    // Every value equals the generated file's cell.
    for (const year of [2016, 2019, 2023]) {
      const period = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
      for (const line of demoIndicatorFile(year).trim().split("\n").slice(1)) {
        const [code, count, percent, population] = line.split(",");
        const stored = rows.filter((r) => r.code === code && r.period === period);
        const countRow = stored.find((r) => r.slug === DEMO_COUNT_SLUG)!;
        const percentRow = stored.find((r) => r.slug === DEMO_PERCENT_SLUG)!;
        if (count === "[c]") {
          expect(countRow).toMatchObject({ value: null });
          expect(Number(countRow.flags) & FLAG.suppressed).toBe(FLAG.suppressed);
          expect(percentRow.value).toBeNull();
        } else {
          expect(Number(countRow.value)).toBe(Number(count));
          expect(Number(percentRow.value)).toBe(Number(percent));
          expect(Number(percentRow.denominator)).toBe(Number(population));
        }
        expect((Number(countRow.flags) & FLAG.provisional) !== 0).toBe(year === 2023);
      }
    }
    expect(rows.filter((r) => r.value === null)).toHaveLength(2);
  });

  test("shows the data on the Darlington profile and needs-assessment panels, compared with region and nation", async ({
    client,
    query,
  }) => {
    const lead = client();
    const darlington = signIns.find((s) => s.role === "Lead" && s.partnership?.includes("Darlington"))!;
    await lead.signIn(darlington.email, darlington.password);
    const [partnership] = await query<{ id: string }>(sql`select id from partnerships where area_code = 'E06000005'`);
    const profile = decode((await lead.get(`/partnerships/${partnership!.id}/profile`)).body);
    expect(profile).toContain("Children in relative low income families (Fictional demo data), %");
    expect(profile).toContain("North East (region)");
    expect(profile).toContain("England (nation)");
    // The fictional family-type breakdown: a chart and table for the latest period, from the tidy file.
    const family = demoFamilyTypeFile()
      .split("\n")
      .filter((line) => line.startsWith("E06000005,2023/24,") && line.includes("Family type: Lone parent"))[0]!
      .split(",");
    expect(profile).toContain(`data-breakdown>${DEMO_FAMILY_TITLE} (percentage) by family type, Darlington, 2023/24`);
    expect(profile).toMatch(
      new RegExp(`>Lone parent</th>\\s*<td class="govuk-table__cell">${family[4]!.replace(".", "\\.")}% \\(p\\)<`),
    );
    const needs = decode((await lead.get(`/partnerships/${partnership!.id}/needs-assessment`)).body);
    expect(needs).toMatch(
      /In 2023\/24 \(provisional\), children in relative low income families \(Fictional demo data\), % in Darlington was \d+\.\d%/,
    );
    expect(needs).toMatch(/In the same period \(2023\/24\): North East \d+\.\d% \(p\); England \d+\.\d% \(p\)\./);
    expect(needs).not.toContain("No data imported yet");
    // The second section's panel is the family-type indicator: its breakdown as a chart and table.
    expect(needs).toContain(
      `data-panel-breakdown>${DEMO_FAMILY_TITLE} (percentage) by family type, Darlington, 2023/24`,
    );
    expect(needs).toMatch(
      new RegExp(`>Lone parent</th>\\s*<td class="govuk-table__cell">${family[4]!.replace(".", "\\.")}% \\(p\\)<`),
    );
    const reports = (await lead.get(`/partnerships/${partnership!.id}/reports`)).body;
    const reportUrl = /href="(\/partnerships\/[0-9a-f-]+\/reports\/[0-9a-f-]{36})"/.exec(reports)![1]!;
    const report = decode((await lead.get(reportUrl)).body);
    expect(report).toContain("Children in relative low income families (Fictional demo data)");
    expect(report).toMatch(/\d+\.\d% \(2023\/24, provisional\)/);
  });

  test("gives Darlington three fictional localities of its real small areas, an action measured for one, and spread on the overview", async ({
    client,
    query,
  }) => {
    const lead = client();
    const darlington = signIns.find((s) => s.role === "Lead" && s.partnership?.includes("Darlington"))!;
    await lead.signIn(darlington.email, darlington.password);
    const [partnership] = await query<{ id: string }>(sql`select id from partnerships where area_code = 'E06000005'`);
    const pid = partnership!.id;
    const localities = await query<{ id: string; name: string; areas: number }>(
      sql`select l.id, l.name, count(la.area_id)::int as areas from localities l join locality_areas la on la.locality_id = l.id
        where l.partnership_id = ${pid} group by l.id, l.name order by l.name`,
    );
    expect(localities.map((l) => l.name)).toEqual([
      "North locality (fictional)",
      "South and east locality (fictional)",
      "Town centre and west locality (fictional)",
    ]);
    // Darlington's small areas (real codes), each in at most one locality: all but the villages' five.
    expect(localities.reduce((sum, l) => sum + l.areas, 0)).toBe(60);
    const list = decode((await lead.get(`/partnerships/${pid}/localities`)).body);
    for (const locality of localities) expect(list).toContain(`/partnerships/${pid}/localities/${locality.id}`);
    // One action measured for a locality, with a baseline from the locality's own series and a target.
    const measured = await query<{ actionId: string; localityId: string; baseline: number; target: number }>(
      sql`select action_id as "actionId", locality_id as "localityId", baseline, target, baseline_period as "baselinePeriod"
        from action_indicators where partnership_id = ${pid} and locality_id is not null and indicator_ref = ${DEMO_SMALL_AREA_SLUG}`,
    );
    expect(measured).toHaveLength(1);
    expect(measured[0]).toMatchObject({ baselinePeriod: "2020/21" });
    expect(Number(measured[0]!.target)).toBeLessThan(Number(measured[0]!.baseline));
    const name = localities.find((l) => l.id === measured[0]!.localityId)!.name;
    const action = decode((await lead.get(`/partnerships/${pid}/actions/${measured[0]!.actionId}`)).body);
    expect(action).toContain(name);
    expect(action).toMatch(/On track|Off track/);
    // Each locality's page shows its figure; the villages' small counts, suppressed at source ([c]),
    // are in no locality, so every locality's figure can be worked out.
    for (const locality of localities) {
      const page = decode((await lead.get(`/partnerships/${pid}/localities/${locality.id}`)).body);
      expect(page).toContain(locality.name);
      expect(page).toMatch(new RegExp(`data-figure="${DEMO_SMALL_AREA_SLUG}">\\d+\\.\\d`));
    }
    expect(
      await query(sql`select 1 from observations o join indicators i on i.id = o.indicator_id
      where i.slug = ${DEMO_SMALL_AREA_SLUG} and o.value is null`),
    ).not.toHaveLength(0);
    // The overview shows Darlington better, similar and worse than England on different indicators.
    const overview = decode((await lead.get(`/partnerships/${pid}/indicators-overview`)).body);
    expect(overview).toMatch(/[1-9]\d* better, [1-9]\d* similar, [1-9]\d* worse/);
  });

  test("lists on the monitoring dashboard the indicator significantly worse than England and getting worse, by a direct computation", async ({
    client,
    query,
  }) => {
    // Direct computation from the generated files: Darlington's last five years, Cochran–Armitage
    // as N·r² over every child (score = year), and the latest year's Wilson interval against England.
    const years = [2019, 2020, 2021, 2022, 2023];
    const cells = (year: number, code: string) => {
      const line = demoIndicatorFile(year)
        .split("\n")
        .find((row) => row.startsWith(`${code},`))!;
      const [, count, percent, population] = line.split(",");
      return { count: Number(count), percent: Number(percent), population: Number(population) };
    };
    let n = 0;
    let sx = 0;
    let sxx = 0;
    let sy = 0;
    let sxy = 0;
    years.forEach((year, index) => {
      const { count, population } = cells(year, "E06000005");
      n += population;
      sx += (index + 1) * population;
      sxx += (index + 1) ** 2 * population;
      sy += count;
      sxy += (index + 1) * count;
    });
    const r = (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (sy - (sy * sy) / n));
    const rising = r > 0 && n * r * r > 1.959964 ** 2;
    const latest = cells(2023, "E06000005");
    const p = latest.count / latest.population;
    const z = 1.959964;
    const lower =
      ((p +
        z ** 2 / (2 * latest.population) -
        z * Math.sqrt((p * (1 - p) + z ** 2 / (4 * latest.population)) / latest.population)) /
        (1 + z ** 2 / latest.population)) *
      100;
    const worse = lower > cells(2023, "E92000001").percent;
    expect(rising && worse).toBe(true);

    const lead = client();
    const darlington = signIns.find((s) => s.role === "Lead" && s.partnership?.includes("Darlington"))!;
    await lead.signIn(darlington.email, darlington.password);
    const [partnership] = await query<{ id: string }>(sql`select id from partnerships where area_code = 'E06000005'`);
    const page = decode((await lead.get(`/partnerships/${partnership!.id}/monitoring`)).body);
    const section = page.slice(page.indexOf('id="worse-and-worsening"'), page.indexOf('id="indicators"'));
    expect(section).toContain("Significantly worse than the nation and getting worse (1)");
    expect(section).toContain("Children in relative low income families (Fictional demo data), %");
    expect(section).toContain("Wilson score interval");
    expect(section).toContain("Cochran–Armitage test for trend");
    expect(section).toContain("2019/20 to 2023/24");
    // Counts follow population and are never benchmarked: the count indicator is not listed.
    expect(section).not.toContain("Fictional demo data), count");

    // The list is kept per data version: a catalogue edit shows at once, and so does putting it back.
    const title = (html: string) =>
      html.slice(html.indexOf('id="worse-and-worsening"'), html.indexOf('id="indicators"'));
    const [indicator] = await query<{ title: string }>(
      sql`select title from indicators where slug = ${DEMO_PERCENT_SLUG}`,
    );
    await query(sql`update indicators set title = 'Renamed while cached' where slug = ${DEMO_PERCENT_SLUG}`);
    const renamed = title(decode((await lead.get(`/partnerships/${partnership!.id}/monitoring`)).body));
    expect(renamed).toContain("Renamed while cached");
    await query(sql`update indicators set title = ${indicator!.title} where slug = ${DEMO_PERCENT_SLUG}`);
    expect(title(decode((await lead.get(`/partnerships/${partnership!.id}/monitoring`)).body))).not.toContain(
      "Renamed while cached",
    );
  });

  test("serves the fictional data as open data through the API", async ({ app }) => {
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/indicators/${DEMO_PERCENT_SLUG}/data?period=2023/24`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      data: { area: { code: string }; value: number | null; flags: { provisional: boolean } }[];
    };
    expect(response.body).toContain('"publisher":"Fictional demo data"');
    expect(body.data.map((d) => d.area.code).sort()).toEqual([
      "E06000005",
      "E12000001",
      "E92000001",
      "S12000042",
      "S92000003",
      "W06000011",
      "W92000004",
    ]);
    expect(body.data.every((d) => d.flags.provisional)).toBe(true);
  });

  test("changes nothing when the demo runs again", async ({ database, query }) => {
    const before = await query<{ batches: number; values: number }>(
      sql`select (select count(*)::int from import_batches) as batches, (select count(*)::int from observations) as values`,
    );
    await seedDemo(database);
    const after = await query<{ batches: number; values: number }>(
      sql`select (select count(*)::int from import_batches) as batches, (select count(*)::int from observations) as values`,
    );
    expect(after).toEqual(before);
    // Eight yearly files of this dataset, its family-type file, Darlington's small-area lookup and
    // values, and the access demo's restricted and embargoed imports.
    expect(Number(before[0]!.batches)).toBe(8 + 1 + 2 + 2);
  });
});
