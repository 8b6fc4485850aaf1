/**
 * Who may see an indicator is decided once (indicators' visibleIndicators) and pages and API
 * answer alike: open data for anyone, a partnership's own data for its readers, small-count
 * data no partnership owns for platform administrators only.
 */
import { describe, expect } from "vitest";
import type { Db } from "../../src/kernel/db/database.ts";
import { areaTypeOfCode, nationOfCode, tiersOfCode, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { createTokenAs } from "../helpers/api-data.ts";
import { apiTest } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

let partnershipId: string;
let lead: TestClient;
let admin: TestClient;
let leadToken: string;
let adminToken: string;

const OPEN = "visibility-open-count";
const NATIONAL_RESTRICTED = "visibility-national-small-count";
const OWN = "visibility-own-small-count";

async function importTidy(db: Db, slug: string, disclosure: "none" | "small-count", owner?: string) {
  const csv = `area_code,period,indicator,value,measure\nE06000005,2023/24,${slug},37,count\nE06000005,2024/25,${slug},41,count\n`;
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(`${slug}.csv`, Buffer.from(csv)),
    options: { disclosure, publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "visibility-test" },
    ...(owner ? { partnershipId: owner } : {}),
  });
  expect(report.errors, slug).toEqual([]);
}

const test = apiTest;

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  partnershipId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  await fixtures.user("lead@darlington.example", org.id, { roles: [[partnershipId, "lead"]] });
  await fixtures.user("admin@service.example", org.id, { admin: true });
  await upsertAreas(db, [
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
  await importTidy(db, OPEN, "none");
  // Small-count data loaded for the whole service from the command line: no partnership owns it.
  await importTidy(db, NATIONAL_RESTRICTED, "small-count");
  await importTidy(db, OWN, "small-count", partnershipId);
  lead = await signIn("lead@darlington.example");
  admin = await signIn("admin@service.example");
  leadToken = await createTokenAs(lead, "Lead script");
  adminToken = await createTokenAs(admin, "Admin script");
}, 120_000);

const shows = (html: string, slug: string) => html.includes(`id="${slug}"`);

describe("indicator visibility, pages and API alike", () => {
  test("hides small-count data no partnership owns from a partnership's reader, on the profile page as in the API", async ({
    api,
  }) => {
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

  test("shows it to a platform administrator in both", async ({ api }) => {
    expect((await api(`/api/v1/indicators/${NATIONAL_RESTRICTED}`, adminToken)).statusCode).toBe(200);
    const page = await admin.get(`/partnerships/${partnershipId}/profile`);
    expect(page.statusCode).toBe(200);
    expect(shows(page.body, NATIONAL_RESTRICTED)).toBe(true);
    expect(shows(page.body, OWN)).toBe(true);
  });

  test("lists the same indicators in the API catalogue as the reader's pages may show", async ({ api }) => {
    const listed = (await api("/api/v1/indicators", leadToken)).json() as { data: { id: string }[] };
    const ids = listed.data.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([OPEN, OWN]));
    expect(ids).not.toContain(NATIONAL_RESTRICTED);
  });
});
