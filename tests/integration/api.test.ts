/**
 * The read-only API on real data from ../shared/data, imported through the real importers:
 * the local-authority geography and lookup, the Stat-Xplore export (open data), and the
 * Trafford neighbours tidy file's authority rows, loaded as a partnership's own small-count
 * data (restricted). Values are checked against the raw files.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { apiTokens, hashToken } from "../../src/domains/api/index.ts";
import { areaDetailSchema, areasPageSchema, dataPageSchema, errorSchema, indicatorListSchema, profileSchema } from "../../src/domains/api/schemas.ts";
import { importerFor, readSourceFile, runImport, sourceFromBytes } from "../../src/domains/imports/index.ts";
import { indicators } from "../../src/domains/indicators/index.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

const dataDir = path.resolve(process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"));
const file = (...parts: string[]) => path.join(dataDir, ...parts);
const statxplore = file("cilif", "statxplore-children-relative-low-income-ltla-2014-2022.csv");
const tidy = file("cilif", "trafford-neighbours-children-low-income-tidy.csv");
const lookup = file("geography", "ltla14-lookup.csv");
const lsoaLookup = file("geography", "lsoa11-ward19-lad19-lookup.csv");
const iodDeciles = file("deprivation", "iod2019-file3-idaci-idaopi-lsoa11.csv");
const iodPopulation = file("deprivation", "iod2019-file6-population-denominators-lsoa11.csv");
const available = [statxplore, tidy, lookup, lsoaLookup, iodDeciles, iodPopulation].every((f) => existsSync(f));

/** The header and Darlington's rows of a small-area file, as text lines. */
function darlingtonRows(name: string): string[] {
  return readFileSync(name, "utf8")
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || line.includes(",E06000005,"));
}
const OPEN = "cilif-relative-children-count";

let t: TestApp;
let member: TestClient;
let outsider: TestClient;
let restrictedSlug: string;
let memberToken: string;
let outsiderToken: string;

const csvRows = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });

function api(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: "GET", url, headers });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a token through the account page and reads the secret shown once. */
async function createTokenAs(client: TestClient, name: string, days = "30"): Promise<string> {
  const response = await client.post("/account/api-tokens", { name, days });
  expect(response.statusCode).toBe(200);
  const match = /value="(cpah_[A-Za-z0-9_-]+)"[^>]*data-new-token/.exec(response.body);
  expect(match, "token shown once on the page").not.toBeNull();
  return match![1]!;
}

/** Stat-Xplore figures by authority name for one period column (e.g. "2021/22 (p)"). */
function statxploreColumn(label: string): Map<string, number> {
  const rows = csvRows(readFileSync(statxplore, "utf8"));
  const header = rows.find((r) => r[0] === "Year")!;
  const column = header.indexOf(label);
  expect(column).toBeGreaterThan(0);
  const out = new Map<string, number>();
  for (const row of rows) if (row[column] && /^\d+$/.test(row[column]!)) out.set(row[0]!, Number(row[column]));
  return out;
}

describe.skipIf(!available)("read-only API", () => {
  beforeAll(async () => {
    t = await createTestApp();
    const audit = { actorUserId: null, actorLabel: "api-test" };
    const org = await fixtures.organisation(t.database, "Trafford Council");
    const trafford = await fixtures.partnership(t.database, "Trafford Child Poverty Partnership", "england", "E08000009", "Trafford");
    const steps: { kind: string; source: Awaited<ReturnType<typeof readSourceFile>>; options: Record<string, unknown>; partnershipId?: string }[] = [
      { kind: "geography-topology", source: await readSourceFile(file("geography", "uk-local-authorities-topo.json")), options: {} },
      { kind: "ltla-lookup", source: await readSourceFile(lookup), options: {} },
      { kind: "code-changes", source: await readSourceFile(file("geography", "ltla-changes.csv")), options: {} },
      { kind: "statxplore", source: await readSourceFile(statxplore), options: { indicator: OPEN, title: "Children in relative low income families (under 16s), count", skipUnmatched: true } },
    ];
    // Tewkesbury is named only in the small-area lookup (left out): skipped and reported, not guessed.
    // The tidy file's authority rows (its ward rows need the small-area lookup, left out to keep this quick).
    const lines = readFileSync(tidy, "utf8").split(/\r?\n/).filter((line, i) => i === 0 || (line !== "" && !line.startsWith("E05")));
    steps.push({ kind: "tidy", source: sourceFromBytes("trafford-neighbours-la.csv", Buffer.from(lines.join("\n"))), options: { publisher: "Trafford Council", disclosure: "small-count" }, partnershipId: trafford.id });
    // Darlington's small areas only: its rows of the LSOA lookup and of IoD2019 files 3 (deciles) and 6 (children).
    for (const [kind, name] of [["lsoa-lookup", lsoaLookup], ["iod", iodDeciles], ["iod", iodPopulation]] as const) {
      steps.push({ kind, source: sourceFromBytes(path.basename(name), Buffer.from(darlingtonRows(name).join("\n"))), options: {} });
    }
    for (const step of steps) {
      const report = await runImport(t.database.db, { importer: importerFor(step.kind)!, file: step.source, options: step.options, dryRun: false, audit, partnershipId: step.partnershipId ?? null });
      expect(report.errors, step.kind).toEqual([]);
    }
    const own = await t.database.db.select().from(indicators).where(eq(indicators.partnershipId, trafford.id));
    restrictedSlug = own.find((row) => row.slug.includes("relative"))!.slug;
    await fixtures.user(t.database, "member@trafford.example", org.id, { roles: [[trafford.id, "viewer"]] });
    await fixtures.user(t.database, "outsider@elsewhere.example", org.id);
    member = t.client();
    outsider = t.client();
    await member.signIn("member@trafford.example");
    await outsider.signIn("outsider@elsewhere.example");
    memberToken = await createTokenAs(member, "Member script");
    outsiderToken = await createTokenAs(outsider, "Outsider script");
  }, 300_000);
  afterAll(() => t?.close());

  it("lists every /api/v1 route in the OpenAPI document", async () => {
    const { app, routes } = await buildApp({ config: t.config, database: t.database, logger: false });
    await app.close();
    const apiRoutes = routes.filter((r) => r.method === "GET" && r.url.startsWith("/api/v1/"));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);
    const response = await api("/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, { get?: unknown }> };
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.keys(document.paths).filter((p) => document.paths[p]!.get).sort();
    expect(documented).toEqual([...new Set(apiRoutes.map((r) => r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")))].sort());
  });

  it("pages through areas filtered by type and parent, matching the lookup file", async () => {
    const expected = csvRows(readFileSync(lookup, "utf8")).filter((r) => r[8] === "E12000001").map((r) => r[0]!);
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

  it("serves open values without a token, equal to the Stat-Xplore file, with period, source and flags", async () => {
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
    const first = dataPageSchema.parse((await api(`/api/v1/indicators/${OPEN}/data?parent=E06000005&period=2014/15`)).json());
    expect(first.data).toEqual([]); // the parent filter is about children of Darlington: none at authority level
    const one = dataPageSchema.parse((await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&period=2014/15&pageSize=1000`)).json());
    const darlington2014 = one.data.find((v) => v.area.code === "E06000005")!;
    expect(darlington2014.value).toBe(statxploreColumn("2014/15").get("Darlington"));
    expect(darlington2014.flags.provisional).toBe(false);
  });

  it("pages through values with the next links: every value once, in the same order as one big page", async () => {
    const whole = dataPageSchema.parse((await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&pageSize=1000`)).json());
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

  it("answers in CSV on Accept: text/csv with the same figures", async () => {
    const response = await api(`/api/v1/indicators/${OPEN}/data?areaType=local-authority&period=2021/22&pageSize=1000`, { accept: "text/csv" });
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
    const total = rows.slice(1).reduce((sum, r) => sum + (latest.has(r[at("area_name")]!) ? Number(r[at("value")]) : 0), 0);
    const rawTotal = rows.slice(1).reduce((sum, r) => sum + (latest.get(r[at("area_name")]!) ?? 0), 0);
    expect(total).toBe(rawTotal);
  });

  it("escapes formulas in CSV cells", async () => {
    await t.database.db.update(indicators).set({ title: "=HYPERLINK(\"http://evil.example\")" }).where(eq(indicators.slug, OPEN));
    try {
      const response = await api(`/api/v1/indicators/${OPEN}`, { accept: "text/csv" });
      const rows = csvRows(response.body);
      expect(rows[1]![rows[0]!.indexOf("title")]).toBe("'=HYPERLINK(\"http://evil.example\")");
    } finally {
      await t.database.db.update(indicators).set({ title: "Children in relative low income families (under 16s), count" }).where(eq(indicators.slug, OPEN));
    }
  });

  it("rejects bad query strings with 400 JSON naming the parameter", async () => {
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
      expect(body.error.fields.map((f) => f.field), url).toContain(field);
      expect(response.body).not.toMatch(/<html|at .*\.ts:\d+/);
    }
  });

  it("answers unknown areas, indicators and endpoints with 404 JSON", async () => {
    for (const url of ["/api/v1/areas/E06999999", "/api/v1/areas/not-a-code", "/api/v1/indicators/no-such-thing", "/api/v1/indicators/NOPE!", "/api/v1/nothing-here"]) {
      const response = await api(url);
      expect(response.statusCode, url).toBe(404);
      expect(errorSchema.parse(response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("keeps restricted data behind a token its user may use", async () => {
    const url = `/api/v1/indicators/${restrictedSlug}/data?pageSize=1000`;
    const catalogue = (headers = {}) => api("/api/v1/indicators", headers).then((r) => indicatorListSchema.parse(r.json()).data.map((i) => i.id));
    expect(await catalogue()).toContain(OPEN);
    expect(await catalogue()).not.toContain(restrictedSlug);
    expect(await catalogue(bearer(outsiderToken))).not.toContain(restrictedSlug);
    expect(await catalogue(bearer(memberToken))).toContain(restrictedSlug);

    const none = await api(url);
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    expect((await api(url, bearer("cpah_not-a-real-token"))).statusCode).toBe(401);
    expect((await api(url, { authorization: "Basic abc" })).statusCode).toBe(401);
    // A bad token is refused even where no token is needed.
    expect((await api("/api/v1/areas", bearer("cpah_not-a-real-token"))).statusCode).toBe(401);
    expect((await api(url, bearer(outsiderToken))).statusCode).toBe(404);

    const ok = await api(url, bearer(memberToken));
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["cache-control"]).toContain("no-store");
    const body = dataPageSchema.parse(ok.json());
    expect(body.indicator.access).toBe("restricted");
    const raw = csvRows(readFileSync(tidy, "utf8")).filter((r) => r[3] === "Children in relative low income families (under 16s)" && r[0] === "E08000009");
    expect(raw.length).toBeGreaterThan(0);
    for (const row of raw) {
      const value = body.data.find((v) => v.area.code === "E08000009" && v.period.code === row[2]);
      expect(value?.value, row[2]).toBe(Number(row[6]));
      expect(value?.source.publisher).toBe("Trafford Council");
    }
  });

  it("stores only a hash, audits create and revoke, and refuses revoked and expired tokens", async () => {
    const secret = await createTokenAs(member, "Short-lived");
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(secret)));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const url = `/api/v1/indicators/${restrictedSlug}`;
    expect((await api(url, bearer(secret))).statusCode).toBe(200);

    // Shown once: the list page never shows the secret again.
    const list = await member.get("/account/api-tokens");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Short-lived");
    expect(list.body).not.toContain(secret);

    // Someone else cannot revoke it.
    expect((await outsider.post(`/account/api-tokens/${row!.id}/revoke`)).statusCode).toBe(404);
    expect((await api(url, bearer(secret))).statusCode).toBe(200);

    const revoked = await member.post(`/account/api-tokens/${row!.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    const refused = await api(url, bearer(secret));
    expect(refused.statusCode).toBe(401);
    expect(errorSchema.parse(refused.json()).error.message).toMatch(/revoked/);

    const audit = await t.database.db.execute(sql`select action from audit_log where entity_id = ${row!.id} order by id`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual(["api-token.created", "api-token.revoked"]);

    const expiring = await createTokenAs(member, "Expiring");
    expect((await api(url, bearer(expiring))).statusCode).toBe(200);
    await t.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.tokenHash, hashToken(expiring)));
    const expired = await api(url, bearer(expiring));
    expect(expired.statusCode).toBe(401);
    expect(errorSchema.parse(expired.json()).error.message).toMatch(/expired/);
  });

  it("validates the token form and needs sign-in", async () => {
    const before = await t.database.db.select().from(apiTokens);
    const bad = await member.post("/account/api-tokens", { name: "", days: "9999" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a name for the token");
    expect(bad.body).toContain("Choose when the token expires");
    expect(await t.database.db.select().from(apiTokens)).toHaveLength(before.length);
    // At most 20 live tokens each: the 21st is refused with the reason, and nothing is saved.
    const busy = t.client();
    await busy.signIn("outsider@elsewhere.example");
    const [first] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(outsiderToken)));
    const live = (await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, first!.userId))).length;
    for (let i = live; i < 20; i++) await createTokenAs(busy, `Script ${i}`);
    const refused = await busy.post("/account/api-tokens", { name: "One too many", days: "7" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("You have 20 active tokens");
    expect(refused.body).toContain('value="One too many"');
    const anonymous = await t.client().get("/account/api-tokens");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
  });

  it("gives the area profile with latest value, trend and comparisons, in JSON and CSV", async () => {
    const response = await api("/api/v1/areas/E06000005/profile");
    expect(response.statusCode).toBe(200);
    const body = profileSchema.parse(response.json());
    const cilif = body.indicators.find((p) => p.indicator.id === OPEN)!;
    expect(cilif.latest).toMatchObject({ value: 6070, period: { code: "2021/22", label: "2021/22" } });
    expect(cilif.latest!.flags.provisional).toBe(true);
    expect(cilif.values).toHaveLength(8);
    expect(cilif.trend.sinceFirst).toMatchObject({ from: "2014/15", to: "2021/22", direction: "increasing" });
    expect(cilif.rank?.of).toBeGreaterThan(100);
    // Darlington's profile never shows Trafford's own data, whoever asks.
    expect(body.indicators.every((p) => p.indicator.access === "open")).toBe(true);
    const lsoas = dataPageSchema.parse((await api("/api/v1/indicators/iod2019-idaci-decile/data?parent=E06000005&areaType=lsoa&pageSize=1000")).json());
    expect(lsoas.data).toHaveLength(65);

    const trafford = profileSchema.parse((await api("/api/v1/areas/E08000009/profile", bearer(memberToken))).json());
    expect(trafford.indicators.map((p) => p.indicator.id)).toContain(restrictedSlug);
    const anonymousTrafford = profileSchema.parse((await api("/api/v1/areas/E08000009/profile")).json());
    expect(anonymousTrafford.indicators.map((p) => p.indicator.id)).not.toContain(restrictedSlug);

    // Small areas: Darlington's 65 LSOAs by IDACI decile, and children in the most deprived 10%, as in IoD2019 files 3 and 6.
    const raw = csvRows(darlingtonRows(iodDeciles).join("\n")).slice(1);
    const children = new Map(csvRows(darlingtonRows(iodPopulation).join("\n")).slice(1).map((r) => [r[0]!, Number(r[5])]));
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
