/**
 * The indicators overview (issue 16): every indicator a reader may see for the partnership's
 * area, against its region, its nation and the spread of comparable authorities. A small
 * fictional store written straight to the tables over the built-in reference geography; the
 * spread and the comparison are checked against a direct computation here, not the code's own.
 */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { importBatches, indicatorReaders, indicators, observations, periods } from "../../src/data/indicators/index.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import { loadAreaOverview } from "../../src/data/analyses/overview-service.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { listIndicators } from "../../src/data/indicators/index.ts";
import { appTest as test } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

const AREA = "E06000005";
let partnershipId: string;
let viewer: TestClient;
let named: TestClient;
const regionValue = 31.5;
const nationValue = 24;

/** Ten comparable authorities' values (besides the area's own), some missing or suppressed. */
const PEER_VALUES: (number | null)[] = [12, 18.5, 20, 22, 25, 26.5, 30, 33, null, 41];

async function seed(db: Db, owner: string, namedUserId: string) {
  const rows = (await db.execute(
    sql`select id, code from areas where code in (${AREA}, 'E12000001', 'E92000001') or (type = 'local-authority' and nation = 'england' and code like 'E08%') order by code`,
  )) as unknown as { rows: { id: number; code: string }[] };
  const id = (code: string) => rows.rows.find((r) => r.code === code)!.id;
  const peers = rows.rows.filter((r) => r.code.startsWith("E08")).slice(0, PEER_VALUES.length);
  expect(peers).toHaveLength(PEER_VALUES.length);
  const [batch, embargoed] = await db
    .insert(importBatches)
    .values([
      { kind: "test", fileName: "overview.csv", sha256: "0".repeat(64), sizeBytes: 0, actorLabel: "test" },
      {
        kind: "test",
        fileName: "later.csv",
        sha256: "1".repeat(64),
        sizeBytes: 0,
        actorLabel: "test",
        embargoUntil: new Date(Date.now() + 86_400_000),
      },
    ])
    .returning();
  const [p1, p2] = await db
    .insert(periods)
    .values([
      {
        code: "2023/24",
        kind: "financial-year",
        label: "2023 to 2024",
        startDate: "2023-04-01",
        endDate: "2024-03-31",
        sortKey: 202300,
      },
      {
        code: "2024/25",
        kind: "financial-year",
        label: "2024 to 2025",
        startDate: "2024-04-01",
        endDate: "2025-03-31",
        sortKey: 202400,
      },
    ])
    .onConflictDoUpdate({ target: periods.code, set: { label: sql`excluded.label` } })
    .returning();
  const define = async (
    values: Partial<typeof indicators.$inferInsert> & { slug: string; title: string; unit: string },
  ) =>
    (
      await db
        .insert(indicators)
        .values({ publisher: "Fictional Statistics Office", dataset: "Overview fixture", ...values })
        .returning()
    )[0]!;
  const pct = await define({
    slug: "ov-low-income",
    title: "Children in low income families (fictional)",
    unit: "percentage",
    polarity: "higher-is-worse",
    tags: { topics: ["income"] },
  });
  const rate = await define({
    slug: "ov-school-ready",
    title: "School readiness (fictional)",
    unit: "rate",
    ratePer: 1000,
    polarity: "higher-is-better",
    tags: { topics: ["education"] },
  });
  const hidden = await define({
    slug: "ov-suppressed",
    title: "Children in temporary accommodation (fictional)",
    unit: "percentage",
    polarity: "higher-is-worse",
    tags: { topics: ["income"] },
  });
  const restricted = await define({
    slug: "ov-restricted",
    title: "Pupils missing education (restricted fixture)",
    unit: "percentage",
    polarity: "higher-is-worse",
    partnershipId: owner,
    disclosureRule: "small-count",
    accessTier: "restricted",
    tags: { topics: ["education"] },
  });
  await db.insert(indicatorReaders).values({ indicatorId: restricted.id, userId: namedUserId });
  // The partnership's own data under the small-count rule, readable by all its members.
  const smallPct = await define({
    slug: "ov-small-pct",
    title: "Children referred for crisis support (small-count fixture)",
    unit: "percentage",
    polarity: "higher-is-worse",
    partnershipId: owner,
    disclosureRule: "small-count",
    tags: { topics: ["income"] },
  });
  const smallCount = await define({
    slug: "ov-small-count",
    title: "Families in emergency housing (small-count fixture)",
    unit: "count",
    polarity: "higher-is-worse",
    partnershipId: owner,
    disclosureRule: "small-count",
    tags: { topics: ["income"] },
  });
  const obs = (
    indicatorId: number,
    areaId: number,
    value: number | null,
    extra: Partial<typeof observations.$inferInsert> = {},
  ) => ({
    indicatorId,
    periodId: p1!.id,
    breakdownId: 0,
    areaId,
    value,
    flags: value === null ? FLAG.missing : 0,
    batchId: batch!.id,
    ...extra,
  });
  await db.insert(observations).values([
    // The area: 300 of 1,000 children (30%), so a Wilson interval of about 27.2–33.0 excludes the nation's 24.
    obs(pct.id, id(AREA), 30, { numerator: 300, denominator: 1000 }),
    obs(pct.id, id("E12000001"), regionValue),
    obs(pct.id, id("E92000001"), nationValue),
    ...peers.map((p, i) =>
      obs(pct.id, p.id, PEER_VALUES[i]!, PEER_VALUES[i] === null && i === 8 ? { flags: FLAG.suppressed } : {}),
    ),
    // A newer period still under embargo: never shown, so the overview stays on 2023/24.
    obs(pct.id, id(AREA), 99, { periodId: p2!.id, batchId: embargoed!.id }),
    // Confidence limits published with the rate: 640 (610–670) against the nation's 600 is better (higher is better).
    obs(rate.id, id(AREA), 640, { ciLower: 610, ciUpper: 670, flags: FLAG.provisional }),
    obs(rate.id, id("E92000001"), 600),
    ...peers.map((p, i) => obs(rate.id, p.id, 500 + i * 20)),
    // The area's figure suppressed: labelled, not compared, and never 0.
    obs(hidden.id, id(AREA), null, { flags: FLAG.suppressed }),
    obs(hidden.id, id("E92000001"), 2.5),
    obs(restricted.id, id(AREA), 4.2, { numerator: 42, denominator: 1000 }),
    obs(restricted.id, id("E92000001"), 3.1),
    // 6 of 10 children: 60% with a Wilson interval (about 31–83%) above the nation's 24%, "worse" if it were judged;
    // its numerator is a small count, so it is withheld and never judged.
    obs(smallPct.id, id(AREA), 60, { numerator: 6, denominator: 10 }),
    obs(smallPct.id, id("E92000001"), nationValue),
    obs(smallCount.id, id(AREA), 7),
  ]);
}

/** R's type 7 percentile, written out here so the code's own is not used to check itself. */
function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  partnershipId = (await fixtures.partnership("Darlington Partnership", "england", AREA, "Darlington")).id;
  await fixtures.user("viewer@overview.example", org.id, { roles: [[partnershipId, "viewer"]] });
  const namedUser = await fixtures.user("named@overview.example", org.id, { roles: [[partnershipId, "viewer"]] });
  await seed(db, partnershipId, namedUser.id);
  viewer = await signIn("viewer@overview.example");
  named = await signIn("named@overview.example");
}, 120_000);

test("the spread and the comparison with the nation agree with a direct computation", async ({ db }) => {
  const overview = await loadAreaOverview(db, AREA, await listIndicators(db, partnershipId));
  expect(overview.region?.code).toBe("E12000001");
  expect(overview.nation?.code).toBe("E92000001");
  const rows = overview.groups.flatMap((g) => g.rows);
  const pct = rows.find((r) => r.indicator.slug === "ov-low-income")!;
  expect(pct.periodCode).toBe("2023/24");
  expect(pct.area.value).toBe(30);
  expect(pct.region?.value).toBe(regionValue);
  expect(pct.nation?.value).toBe(nationValue);
  // The area is one of the comparable authorities; the suppressed peer is left out, not read as 0.
  const values = [30, ...PEER_VALUES.filter((v): v is number => v !== null)].sort((a, b) => a - b);
  expect(pct.spread).toEqual({
    areas: values.length,
    withoutValue: 1,
    min: values[0],
    q1: percentile(values, 0.25),
    median: percentile(values, 0.5),
    q3: percentile(values, 0.75),
    max: values.at(-1),
  });
  expect(pct.spread!.median).toBeCloseTo(25.75, 10);
  // Wilson 95% interval for 300/1000, by hand: its lower limit is above the nation's 24%, and higher is worse.
  const [n, p, z] = [1000, 0.3, 1.959964];
  const lower =
    ((p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n)) * 100;
  expect(lower).toBeGreaterThan(nationValue);
  expect(pct.comparison).toMatchObject({ result: "worse", method: "Wilson score interval" });

  const rate = rows.find((r) => r.indicator.slug === "ov-school-ready")!;
  expect(rate.comparison).toMatchObject({ result: "better", method: "confidence intervals" });
  expect(rate.region).toBeNull();
  const hidden = rows.find((r) => r.indicator.slug === "ov-suppressed")!;
  expect(hidden.area.value).toBeNull();
  expect(hidden.spread).toBeNull();
  expect(hidden.comparison.result).toBe("not compared");
  // Grouped by the catalogue's topic, in order.
  expect(overview.groups.map((g) => g.name)).toEqual(["Education", "Income"]);
});

test("the page lists the rows, labels the suppressed value and hides the restricted indicator from who may not read it", async ({
  app,
}) => {
  const page = await viewer.get(`/partnerships/${partnershipId}/indicators-overview`);
  expect(page.statusCode).toBe(200);
  const html = page.body;
  expect(html).toContain("Indicators overview: Darlington");
  expect(html).toContain("Children in low income families (fictional)");
  expect(html).toContain("School readiness (fictional)");
  expect(html).not.toContain("ov-low-income");
  // The embargoed newer period is not shown.
  expect(html).not.toContain("2024/25");
  expect(html).not.toContain(">99");
  // The suppressed row: labelled [c], and not compared, with the reason.
  const suppressedRow = html.slice(html.indexOf("Children in temporary accommodation (fictional)</th>"));
  expect(suppressedRow.slice(0, 600)).toContain("[c] suppressed");
  expect(suppressedRow.slice(0, 1200)).toContain("Not compared: the area has no value for this period");
  // Comparison words in the table, marker shapes in the chart (role="img" with its title and description).
  expect(html).toMatch(
    /<tr class="govuk-table__row" data-result="worse">\s*<th scope="row" class="govuk-table__header">Children in low income families/,
  );
  expect(html).toContain("Worse (Wilson score interval)");
  expect(html).toContain("Better (confidence intervals)");
  expect(html).toContain("640.0 per 1,000 (p)");
  expect(html).toContain('role="img"');
  expect(html).toContain("<desc id=");
  expect(html).toContain("North East (region)");
  // A viewer who is not a named reader never sees the restricted indicator; the named reader does.
  expect(html).not.toContain("Pupils missing education");
  const namedPage = await named.get(`/partnerships/${partnershipId}/indicators-overview`);
  expect(namedPage.body).toContain("Pupils missing education (restricted fixture)");
  // And the viewer's page, built after the named reader's, still does not show it (the cache key holds the indicators).
  expect((await viewer.get(`/partnerships/${partnershipId}/indicators-overview`)).body).not.toContain(
    "Pupils missing education",
  );
  // Anonymous: sent to sign in, nothing shown.
  const anonymous = await app.inject({ method: "GET", url: `/partnerships/${partnershipId}/indicators-overview` });
  expect(anonymous.statusCode).not.toBe(200);
  expect(anonymous.body).not.toContain("Pupils missing education");
  expect(anonymous.body).not.toContain("Children in low income families");
  // The profile links to it.
  expect((await viewer.get(`/partnerships/${partnershipId}/profile`)).body).toContain(
    `/partnerships/${partnershipId}/indicators-overview`,
  );
});

test("the CSV has every row, the markers instead of blanks, and is formula-safe", async ({ app }) => {
  const response = await viewer.get(`/partnerships/${partnershipId}/indicators-overview.csv`);
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("text/csv");
  expect(response.headers["content-disposition"]).toContain("indicators-overview-darlington.csv");
  const lines = response.body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Group,Indicator,Unit,Direction,Period,Area,Area value/);
  expect(lines).toHaveLength(6);
  const low = lines.find((l) => l.includes("Children in low income families"))!;
  expect(low).toContain(",2023/24,Darlington,30,no,North East,31.5,England,24,10,12,");
  expect(low).toContain(",worse,Wilson score interval,");
  expect(lines.find((l) => l.includes("temporary accommodation"))).toContain(",Darlington,[c],no,");
  expect(response.body).not.toContain("Pupils missing education");
  expect((await named.get(`/partnerships/${partnershipId}/indicators-overview.csv`)).body).toContain(
    "Pupils missing education",
  );
  const anonymous = await app.inject({ method: "GET", url: `/partnerships/${partnershipId}/indicators-overview.csv` });
  expect(anonymous.statusCode).not.toBe(200);
});

test("small counts follow the profile's rule: [c], never compared, drawn or coloured better or worse", async ({
  db,
}) => {
  const overview = await loadAreaOverview(db, AREA, await listIndicators(db, partnershipId));
  const rows = overview.groups.flatMap((g) => g.rows);
  const pct = rows.find((r) => r.indicator.slug === "ov-small-pct")!;
  expect(pct.area.value).toBeNull();
  expect(pct.area.numerator).toBeNull();
  expect(pct.area.flags & FLAG.suppressed).not.toBe(0);
  expect(pct.comparison.result).toBe("not compared");
  expect(rows.find((r) => r.indicator.slug === "ov-small-count")!.area.value).toBeNull();

  const html = (await viewer.get(`/partnerships/${partnershipId}/indicators-overview`)).body;
  const row = (title: string) => html.slice(html.indexOf(`${title}</th>`) - 200, html.indexOf(`${title}</th>`) + 1200);
  for (const title of [
    "Children referred for crisis support (small-count fixture)",
    "Families in emergency housing (small-count fixture)",
  ]) {
    expect(row(title)).toContain('data-result="not compared"');
    expect(row(title)).toContain("[c] suppressed");
  }
  expect(row("Children referred for crisis support (small-count fixture)")).not.toContain("60.0%");
  expect(html).toContain("data-disclosure-note>Disclosure control: counts from 1 to 9 are shown as [c]");
  const csv = (await viewer.get(`/partnerships/${partnershipId}/indicators-overview.csv`)).body;
  expect(csv.split("\r\n").find((l) => l.includes("crisis support"))).toContain(",Darlington,[c],no,");
  expect(csv.split("\r\n").find((l) => l.includes("emergency housing"))).toContain(",Darlington,[c],no,");
});

test("another partnership's person and a malformed id get a 404, the anonymous a sign-in", async ({
  fixtures,
  signIn,
  client,
}) => {
  const other = await fixtures.organisation("Hartlepool Borough Council");
  await fixtures.user("outsider@overview.example", other.id);
  const outsider = await signIn("outsider@overview.example");
  for (const url of [
    `/partnerships/${partnershipId}/indicators-overview`,
    `/partnerships/${partnershipId}/indicators-overview.csv`,
  ]) {
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await client().get(url)).statusCode).toBe(303);
  }
  expect((await viewer.get("/partnerships/not-a-uuid/indicators-overview")).statusCode).toBe(404);
});

test("the cached page is rebuilt when the data changes", async ({ db }) => {
  const url = `/partnerships/${partnershipId}/indicators-overview`;
  const result = (html: string) =>
    /data-result="([a-z ]+)">\s*<th scope="row" class="govuk-table__header">Children in low income families/.exec(
      html,
    )?.[1];
  expect(result((await viewer.get(url)).body)).toBe("worse");
  // The nation's figure revised to 30%: inside the area's Wilson interval, so now similar.
  await db.execute(sql`update observations o set value = 30 from areas a, indicators i
    where a.id = o.area_id and a.code = 'E92000001' and i.id = o.indicator_id and i.slug = 'ov-low-income'`);
  const after = (await viewer.get(url)).body;
  expect(result(after)).toBe("similar");
  expect(after).toContain("Similar (Wilson score interval)");
  expect(after).not.toContain("Worse (Wilson score interval)");
});
