/**
 * Who may see an indicator is decided once (indicators' visibleIndicators) and pages and API
 * answer alike: open data for anyone, a partnership's own data for its readers, small-count
 * data no partnership owns for platform administrators only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areaTypeOfCode, nationOfCode, tiersOfCode, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { bearer, createTokenAs } from "../helpers/api-data.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

let t: TestApp;
let partnershipId: string;
let lead: TestClient;
let admin: TestClient;
let leadToken: string;
let adminToken: string;

const OPEN = "visibility-open-count";
const NATIONAL_RESTRICTED = "visibility-national-small-count";
const OWN = "visibility-own-small-count";

async function importTidy(slug: string, disclosure: "none" | "small-count", owner?: string) {
  const csv = `area_code,period,indicator,value,measure\nE06000005,2023/24,${slug},37,count\nE06000005,2024/25,${slug},41,count\n`;
  const report = await runImport(t.database.db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(`${slug}.csv`, Buffer.from(csv)),
    options: { disclosure, publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "visibility-test" },
    ...(owner ? { partnershipId: owner } : {}),
  });
  expect(report.errors, slug).toEqual([]);
}

const api = (url: string, token: string) => t.app.inject({ method: "GET", url, headers: bearer(token) });

beforeAll(async () => {
  t = await createTestApp();
  const org = await fixtures.organisation(t.database, "Darlington Borough Council");
  partnershipId = (
    await fixtures.partnership(t.database, "Darlington Partnership", "england", "E06000005", "Darlington")
  ).id;
  await fixtures.user(t.database, "lead@darlington.example", org.id, { roles: [[partnershipId, "lead"]] });
  await fixtures.user(t.database, "admin@service.example", org.id, { admin: true });
  await upsertAreas(t.database.db, [
    {
      code: "E06000005",
      name: "Darlington",
      type: areaTypeOfCode("E06000005")!,
      nation: nationOfCode("E06000005"),
      ...tiersOfCode("E06000005"),
      startYear: null,
      endYear: null,
    },
  ]);
  await importTidy(OPEN, "none");
  // Small-count data loaded for the whole service from the command line: no partnership owns it.
  await importTidy(NATIONAL_RESTRICTED, "small-count");
  await importTidy(OWN, "small-count", partnershipId);
  lead = t.client();
  await lead.signIn("lead@darlington.example");
  admin = t.client();
  await admin.signIn("admin@service.example");
  leadToken = await createTokenAs(lead, "Lead script");
  adminToken = await createTokenAs(admin, "Admin script");
}, 120_000);
afterAll(() => t?.close());

const shows = (html: string, slug: string) => html.includes(`id="${slug}"`);

describe("indicator visibility, pages and API alike", () => {
  it("hides small-count data no partnership owns from a partnership's reader, on the profile page as in the API", async () => {
    expect((await api(`/api/v1/indicators/${NATIONAL_RESTRICTED}`, leadToken)).statusCode).toBe(404);
    const apiProfile = (await api("/api/v1/areas/E06000005/profile", leadToken)).json() as {
      indicators: { indicator: { id: string } }[];
    };
    const apiSlugs = apiProfile.indicators.map((row) => row.indicator.id);
    expect(apiSlugs).toEqual(expect.arrayContaining([OPEN, OWN]));
    expect(apiSlugs).not.toContain(NATIONAL_RESTRICTED);

    const page = await lead.get(`/partnerships/${partnershipId}/profile`);
    expect(page.statusCode).toBe(200);
    expect(shows(page.body, OPEN)).toBe(true);
    expect(shows(page.body, OWN)).toBe(true);
    // The web profile showed it while the API refused it (issue 10).
    expect(shows(page.body, NATIONAL_RESTRICTED)).toBe(false);
  });

  it("shows it to a platform administrator in both", async () => {
    expect((await api(`/api/v1/indicators/${NATIONAL_RESTRICTED}`, adminToken)).statusCode).toBe(200);
    const page = await admin.get(`/partnerships/${partnershipId}/profile`);
    expect(page.statusCode).toBe(200);
    expect(shows(page.body, NATIONAL_RESTRICTED)).toBe(true);
    expect(shows(page.body, OWN)).toBe(true);
  });

  it("lists the same indicators in the API catalogue as the reader's pages may show", async () => {
    const listed = (await api("/api/v1/indicators", leadToken)).json() as { data: { id: string }[] };
    const ids = listed.data.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([OPEN, OWN]));
    expect(ids).not.toContain(NATIONAL_RESTRICTED);
  });
});
