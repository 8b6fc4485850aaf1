/**
 * The read-only API on real data (see tests/helpers/api-data.ts): values, CSV and small-area
 * deciles checked against the raw files, keyset pages, 400/404 JSON, the OpenAPI document.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import {
  areaDetailSchema,
  areasPageSchema,
  dataPageSchema,
  errorSchema,
  profileSchema,
} from "../../src/data/api/schemas.ts";
import { indicators } from "../../src/data/indicators/index.ts";
import {
  type ApiWorld,
  bearer,
  csvRows,
  darlingtonRows,
  files,
  loadApiWorld,
  OPEN,
  statxploreColumn,
} from "../helpers/api-data.ts";
import { apiTest } from "../helpers/app-test.ts";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";

let world: ApiWorld;
const test = apiTest;

describeWithSharedData(...Object.values(files))("read-only API: data", () => {
  test.beforeAll(async ({ database, signIn }) => {
    world = await loadApiWorld({ database, signIn });
  }, 300_000);

  test("lists every /api/v1 route in the OpenAPI document", async ({ routes, api }) => {
    const apiRoutes = routes.filter((r) => r.method === "GET" && r.url.startsWith("/api/v1/"));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);
    const response = await api("/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, { get?: unknown }> };
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.keys(document.paths)
      .filter((p) => document.paths[p]!.get)
      .sort();
    expect(documented).toEqual([...new Set(apiRoutes.map((r) => r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")))].sort());
  });

  test("pages through areas filtered by type and parent, matching the lookup file", async ({ api }) => {
    const expected = csvRows(readFileSync(files.lookup, "utf8"))
      .filter((r) => r[8] === "E12000001")
      .map((r) => r[0]!);
    expect(expected.length).toBe(12);
    const seen: string[] = [];
    let url: string | null = "/api/v1/areas?type=local-authority&parent=E12000001&pageSize=5";
    let pages = 0;
    while (url) {
      const response = await api(url);
      expect(response.statusCode).toBe(200);
      const body = areasPageSchema.parse(response.json());
      expect(body.data.length).toBeLessThanOrEqual(5);
      seen.push(...body.data.map((a) => a.code));
      url = body.page.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...expected].sort());
    const area = areaDetailSchema.parse((await api("/api/v1/areas/E06000005")).json());
    expect(area.name).toBe("Darlington");
    expect(area.parents.map((p) => p.area.code)).toEqual(expect.arrayContaining(["E12000001", "E92000001"]));
  });

  test("serves open values without a token, equal to the Stat-Xplore file, with period, source and flags", async ({
    api,
  }) => {
    const latest = statxploreColumn("2021/22 (p)");
    const response = await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&period=2021/22&pageSize=1000`);
    expect(response.statusCode).toBe(200);
    const body = dataPageSchema.parse(response.json());
    expect(body.indicator.access).toBe("open");
    let compared = 0;
    for (const value of body.data) {
      const raw = latest.get(value.area.name);
      if (raw === undefined) continue;
      expect(value.value, value.area.name).toBe(raw);
      expect(value.flags.provisional).toBe(true);
      expect(value.period).toMatchObject({ code: "2021/22", start: "2021-04-01", end: "2022-03-31" });
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
    const darlington = body.data.find((v) => v.area.code === "E06000005")!;
    expect(darlington.value).toBe(6070);
    const first = dataPageSchema.parse(
      (await api(`/api/v1/indicators/${OPEN}/data?parent=E06000005&period=2014/15`)).json(),
    );
    expect(first.data).toEqual([]); // the parent filter is about children of Darlington: none at authority level
    const one = dataPageSchema.parse(
      (await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&period=2014/15&pageSize=1000`)).json(),
    );
    const darlington2014 = one.data.find((v) => v.area.code === "E06000005")!;
    expect(darlington2014.value).toBe(statxploreColumn("2014/15").get("Darlington"));
    expect(darlington2014.flags.provisional).toBe(false);
  });

  test("pages through values with the next links: every value once, in the same order as one big page", async ({
    api,
  }) => {
    const whole = dataPageSchema.parse(
      (await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&pageSize=1000`)).json(),
    );
    expect(whole.data.length).toBe(1000);
    const walked: string[] = [];
    let url: string | null = `/api/v1/indicators/${OPEN}/data?areaType=local-authority&pageSize=150`;
    while (url && walked.length < 1000) {
      const body = dataPageSchema.parse((await api(url)).json());
      expect(body.page.size).toBe(150);
      walked.push(...body.data.map((v) => `${v.period.code} ${v.area.code}`));
      url = body.page.next;
      expect(url === null || url.includes("areaType=local-authority")).toBe(true);
    }
    expect(walked.slice(0, 1000)).toEqual(whole.data.map((v) => `${v.period.code} ${v.area.code}`));
    expect(new Set(walked).size).toBe(walked.length);
    // No values of an area type the indicator does not have, and no scan to find that out.
    const lsoa = dataPageSchema.parse((await api(`/api/v1/indicators/${OPEN}/data?areaType=lsoa`)).json());
    expect(lsoa.data).toEqual([]);
    expect(lsoa.page.next).toBeNull();
  });

  test("answers in CSV on Accept: text/csv with the same figures", async ({ api }) => {
    const response = await api(
      `/api/v1/indicators/${OPEN}/data?areaType=local-authority&period=2021/22&pageSize=1000`,
      { accept: "text/csv" },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const rows = csvRows(response.body);
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    const darlington = rows.find((r) => r[at("area_code")] === "E06000005")!;
    expect(darlington[at("value")]).toBe("6070");
    expect(darlington[at("period")]).toBe("2021/22");
    expect(darlington[at("provisional")]).toBe("yes");
    expect(darlington[at("suppressed")]).toBe("no");
    const latest = statxploreColumn("2021/22 (p)");
    const total = rows
      .slice(1)
      .reduce((sum, r) => sum + (latest.has(r[at("area_name")]!) ? Number(r[at("value")]) : 0), 0);
    const rawTotal = rows.slice(1).reduce((sum, r) => sum + (latest.get(r[at("area_name")]!) ?? 0), 0);
    expect(total).toBe(rawTotal);
  });

  test("escapes formulas in CSV cells", async ({ db, api }) => {
    await db.update(indicators).set({ title: '=HYPERLINK("http://evil.example")' }).where(eq(indicators.slug, OPEN));
    try {
      const response = await api(`/api/v1/indicators/${OPEN}`, { accept: "text/csv" });
      const rows = csvRows(response.body);
      expect(rows[1]![rows[0]!.indexOf("title")]).toBe('\'=HYPERLINK("http://evil.example")');
    } finally {
      await db
        .update(indicators)
        .set({ title: "Children in relative low income families (under 16s), count" })
        .where(eq(indicators.slug, OPEN));
    }
  });

  test("rejects bad query strings with 400 JSON naming the parameter", async ({ api }) => {
    const cases: [string, string][] = [
      ["/api/v1/areas?pageSize=5000", "pageSize"],
      ["/api/v1/areas?type=village", "type"],
      ["/api/v1/areas?parent=Darlington", "parent"],
      ["/api/v1/areas?parent=E06999999", "parent"],
      ["/api/v1/areas?tpye=lsoa", "tpye"],
      ["/api/v1/areas?after=somewhere", "after"],
      ["/api/v1/areas?page=2", "page"],
      [`/api/v1/indicators/${OPEN}/data?period=2099/00`, "period"],
      [`/api/v1/indicators/${OPEN}/data?breakdown=some`, "breakdown"],
      [`/api/v1/indicators/${OPEN}/data?after=1.2`, "after"],
    ];
    for (const [url, field] of cases) {
      const response = await api(url, { accept: "text/csv" });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers["content-type"]).toContain("application/json");
      const body = errorSchema.parse(response.json());
      expect(
        body.error.fields.map((f) => f.field),
        url,
      ).toContain(field);
      expect(response.body).not.toMatch(/<html|at .*\.ts:\d+/);
    }
  });

  test("answers unknown areas, indicators and endpoints with 404 JSON", async ({ api }) => {
    for (const url of [
      "/api/v1/areas/E06999999",
      "/api/v1/areas/not-a-code",
      "/api/v1/indicators/no-such-thing",
      "/api/v1/indicators/NOPE!",
      "/api/v1/nothing-here",
    ]) {
      const response = await api(url);
      expect(response.statusCode, url).toBe(404);
      expect(errorSchema.parse(response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  test("gives the area profile with latest value, trend and comparisons, in JSON and CSV", async ({ api }) => {
    const response = await api("/api/v1/areas/E06000005/profile");
    expect(response.statusCode).toBe(200);
    // Written as text from fragments (profile-json.ts): exactly the JSON.stringify of what it says, no key left undefined.
    expect(JSON.stringify(response.json())).toBe(response.body);
    const body = profileSchema.strict().parse(response.json());
    const cilif = body.indicators.find((p) => p.indicator.id === OPEN)!;
    expect(cilif.latest).toMatchObject({ value: 6070, period: { code: "2021/22", label: "2021/22" } });
    expect(cilif.latest!.flags.provisional).toBe(true);
    expect(cilif.values).toHaveLength(8);
    expect(cilif.trend.sinceFirst).toMatchObject({ from: "2014/15", to: "2021/22", direction: "increasing" });
    // A count follows population size: never ranked.
    expect(cilif.rank).toBeNull();
    expect(cilif.comparisons.map((c) => `${c.relation} ${c.area.code}`)).toEqual([
      "region E12000001",
      "nation E92000001",
    ]);
    for (const c of cilif.comparisons)
      if (c.period === null) expect(c).toMatchObject({ value: null, result: "not compared" });
    // Darlington's profile never shows Trafford's own data, whoever asks.
    expect(body.indicators.every((p) => p.indicator.access === "open")).toBe(true);
    const lsoas = dataPageSchema.parse(
      (await api("/api/v1/indicators/iod2019-idaci-decile/data?parent=E06000005&areaType=lsoa&pageSize=1000")).json(),
    );
    expect(lsoas.data).toHaveLength(65);

    const traffordText = (await api("/api/v1/areas/E08000009/profile", bearer(world.memberToken))).body;
    expect(JSON.stringify(JSON.parse(traffordText))).toBe(traffordText);
    const trafford = profileSchema.parse(JSON.parse(traffordText));
    expect(trafford.indicators.map((p) => p.indicator.id)).toContain(world.restrictedSlug);
    const anonymousTrafford = profileSchema.parse((await api("/api/v1/areas/E08000009/profile")).json());
    expect(anonymousTrafford.indicators.map((p) => p.indicator.id)).not.toContain(world.restrictedSlug);

    // Small areas: Darlington's 65 LSOAs by IDACI decile, and children in the most deprived 10%, as in IoD2019 files 3 and 6.
    const raw = csvRows(darlingtonRows(files.iodDeciles).join("\n")).slice(1);
    const children = new Map(
      csvRows(darlingtonRows(files.iodPopulation).join("\n"))
        .slice(1)
        .map((r) => [r[0]!, Number(r[5])]),
    );
    const idaci = body.smallAreas.find((panel) => panel.indicator.id === "iod2019-idaci-decile")!;
    expect(idaci.period.code).toBe("2019");
    expect(idaci.areas).toHaveLength(65);
    const counts = Array.from({ length: 10 }, (_, i) => raw.filter((r) => Number(r[7]) === i + 1).length);
    expect(idaci.distribution.counts).toEqual(counts);
    const mostDeprived = raw.filter((r) => Number(r[7]) === 1).reduce((sum, r) => sum + children.get(r[0]!)!, 0);
    expect(mostDeprived).toBeGreaterThan(0);
    expect(idaci.distribution.childrenMostDeprived10).toBe(mostDeprived);
    for (const row of raw) expect(idaci.areas.find((a) => a.code === row[0])?.decile, row[0]).toBe(Number(row[7]));

    const csv = csvRows((await api("/api/v1/areas/E06000005/profile", { accept: "text/csv" })).body);
    const at = (name: string) => csv[0]!.indexOf(name);
    const latestRow = csv.find((r) => r[at("indicator")] === OPEN && r[at("latest")] === "yes")!;
    expect(latestRow[at("value")]).toBe("6070");
    expect(latestRow[at("period")]).toBe("2021/22");
  });
});
