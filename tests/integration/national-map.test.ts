/**
 * The national view's report-status map on the real ONS local-authority TopoJSON from
 * ../shared/data, imported through the real importer (tests run in file order: the first one
 * sees the page before any boundaries are loaded).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { sql } from "drizzle-orm";
import { loadDemoBoundaries } from "../../src/cli/demo-command.ts";
import { londonToday } from "../../src/cycle/meetings/index.ts";
import type { NationalRow } from "../../src/national/national/national-service.ts";
import { currentReportingYear, reportDueDate, reportStatus } from "../../src/national/national/index.ts";
import { reportStatusMap } from "../../src/national/national/status-map.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { describeWithSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const file = path.join(dataDir, "geography", "uk-local-authorities-topo.json");

let scotland: TestClient;
let england: TestClient;

/** Every area's <title> in the map: "Name (code): status, period". */
function areaTitles(html: string): string[] {
  return [...html.matchAll(/<path d="[^"]+" fill="[^"]+"[^>]*><title>([^<]+)<\/title><\/path>/g)].map((m) =>
    m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, "&"),
  );
}

describeWithSharedData(file)("national report-status map", () => {
  test.beforeAll(async ({ signIn, fixtures }) => {
    const org = await fixtures.organisation("National Body", "national-body");
    await fixtures.partnership("Dundee Partnership", "scotland", "S12000042", "Dundee City");
    await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington");
    // Buckinghamshire County Council's code, retired in 2020: no current boundary to colour.
    await fixtures.partnership("Old Bucks Partnership", "england", "E10000002", "Buckinghamshire");
    await fixtures.user("scotland@example.org", org.id, { nations: ["scotland"] });
    await fixtures.user("england@example.org", org.id, { nations: ["england"] });
    scotland = await signIn("scotland@example.org");
    england = await signIn("england@example.org");
  }, 120_000);

  test("says plainly when no boundaries are loaded and how to load them, keeping the tables", async () => {
    const page = await scotland.get("/national/scotland");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("No local authority boundaries have been loaded, so there is no map.");
    expect(page.body).toContain("npx cpah import geography-topology");
    expect(page.body).not.toContain("app-map-svg");
    expect(page.body).toContain("Dundee Partnership");
  });

  test("colours Scotland's 32 current councils by report status, with no partnership shown neutral", async ({ db }) => {
    // Through the demo's --boundaries path, which runs the real geography-topology importer.
    const distinct = new Set(
      Object.values(
        JSON.parse(readFileSync(file, "utf8")).objects as Record<
          string,
          { geometries: { properties: { areacd: string } }[] }
        >,
      ).flatMap((o) => o.geometries.map((g) => g.properties.areacd)),
    );
    expect(await loadDemoBoundaries(db, file)).toEqual({ areas: distinct.size });
    const page = await scotland.get("/national/scotland");
    expect(page.statusCode).toBe(200);
    const titles = areaTitles(page.body);
    // 34 Scottish features in the layer, of which Fife and Perth and Kinross's pre-2018 codes are retired.
    const source = JSON.parse(readFileSync(file, "utf8"));
    const scottish = source.objects.utla.geometries.filter(
      (g: { properties: { areacd: string; end?: number } }) => g.properties.areacd.startsWith("S") && !g.properties.end,
    );
    expect(scottish).toHaveLength(32);
    expect(titles).toHaveLength(32);
    expect(titles.filter((title) => title.includes("S12000015"))).toEqual([]);
    // No report recorded: not started, or overdue once 30 June after the reporting year has passed.
    const today = londonToday();
    const year = currentReportingYear(today);
    const status =
      reportStatus("not-started", reportDueDate("scotland", year), today) === "overdue" ? "Overdue" : "Not started";
    expect(titles).toContain(`Dundee City (S12000042): ${status}, Reporting year ${year}`);
    expect(titles.filter((title) => title.includes(": no partnership,"))).toHaveLength(31);
    expect(page.body).toContain("No partnership (31)");
    expect(page.body).toMatch(/<figcaption[^>]*>Map of Annual report status by area, \d{4}\/\d{2} for 32 areas/);
    expect(page.body).toContain("Boundaries: Office for National Statistics local authority boundaries.");
  });

  test("draws England's current authorities and lists partnerships whose area is not a current boundary", async () => {
    const page = await england.get("/national/england");
    const titles = areaTitles(page.body);
    expect(titles.some((title) => title.startsWith("Darlington (E06000005): Not started"))).toBe(true);
    expect(titles.some((title) => title.includes("E10000002"))).toBe(false);
    expect(titles.some((title) => title.includes("E06000060"))).toBe(true);
    expect(page.body).toMatch(/Not on the map[^<]*\s*<ul[^>]*><li>Old Bucks Partnership \(E10000002\)<\/li>/);
  });

  test("gives each status its own colour, and overdue and draft marks over it, named in the legend with counts", async ({
    db,
  }) => {
    const row = (areaCode: string, reportStatus: NationalRow["reportStatus"]) =>
      ({ name: areaCode, areaCode, reportStatus }) as NationalRow;
    const rows = [
      row("S12000042", "overdue"),
      row("S12000036", "published"),
      row("S12000033", "draft"),
      row("S12000034", "draft"),
      row("S12000090", "not-started"),
    ];
    const map = await reportStatusMap(db, "scotland", rows, "2025/26", "2026-11-23");
    expect(map.state).toBe("drawn");
    if (map.state !== "drawn") return;
    for (const label of ["Overdue (1)", "Not started (0)", "Draft (2)", "Published (1)", "No partnership (28)"])
      expect(map.svg).toContain(label);
    expect(map.svg).toMatch(/<pattern id="map-\w+-class-0"[^>]*><rect width="8" height="8" fill="#d4351c"\/>/);
    expect(map.svg).toMatch(/<pattern id="map-\w+-class-2"[^>]*><rect width="8" height="8" fill="#ffdd00"\/><line/);
    const titles = areaTitles(map.svg);
    // Areas without a partnership: a plain neutral fill (in the legend too), not a status colour.
    expect(map.svg.match(/<path d="[^"]+" fill="#f3f2f1"/g)).toHaveLength(28);
    expect(titles.find((title) => title.startsWith("City of Edinburgh (S12000036)"))).toBe(
      "City of Edinburgh (S12000036): Published, Reporting year 2025/26",
    );
    expect(map.summary).toBe(
      "Map of Annual report status by area, 2025/26 for 32 areas, Reporting year 2025/26: Overdue 1 area, Draft 2 areas, Published 1 area, No partnership 28 areas.",
    );
    expect(map.notOnMap).toEqual([{ name: "S12000090", areaCode: "S12000090" }]);
  });

  test("loads demo boundaries idempotently and names the file when it cannot", async ({ db }) => {
    const count = async () => {
      const result = await db.execute(sql`select count(*)::int as n from area_boundaries`);
      return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
    };
    const before = await count();
    await loadDemoBoundaries(db, file);
    expect(await count()).toBe(before);
    await expect(loadDemoBoundaries(db, "/nowhere/boundaries.json")).rejects.toThrow(
      "--boundaries: boundaries.json: cannot read /nowhere/boundaries.json: no such file",
    );
    await expect(loadDemoBoundaries(db, path.join(dataDir, "geography", "ltla14-lookup.csv"))).rejects.toThrow(
      /ltla14-lookup\.csv: the file is not valid JSON/,
    );
    expect(await count()).toBe(before);
  });
});
