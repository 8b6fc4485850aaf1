import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { indicators } from "../../src/data/indicators/index.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";
import { areaInputs } from "../helpers/areas.ts";
import { xlsxBomb } from "../helpers/zip-bomb.ts";

let partnershipId: string;
let otherPartnershipId: string;

/** Uploads an IoD file 3 and confirms it. */
async function confirmUpload(lead: TestClient, content: string) {
  const preview = await upload(lead, partnershipId, { kind: "iod" }, { name: "iod2019-file3.csv", content });
  const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
  return { preview, ...(await confirmImport(lead, action)) };
}

const test = appTest
  .extend(
    "observationCount",
    { scope: "file" },
    ({ db }) =>
      async function observationCount(): Promise<number> {
        const result = await db.execute(sql`select count(*)::int as n from observations where (flags & 32) = 0`);
        return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
      },
  )
  .extend("nationalValue", { scope: "file" }, ({ db }) => async (slug: string, code: string) => {
    const result =
      await db.execute(sql`select o.value, i.partnership_id as "owner" from observations o join indicators i on i.id = o.indicator_id
      join areas a on a.id = o.area_id where i.slug = ${slug} and a.code = ${code}`);
    return (result as unknown as { rows: { value: number; owner: string | null }[] }).rows;
  });

const STATX = `"Year","2020/21","2020/21 - Annotations","2021/22 (p)","2021/22 - Annotations",\n"National - Regional - LA - OAs"\n"Darlington",6989,,6070,,\n"Darlo",1,,2,,\n"Total",6990,,6072\n`;

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  const partnership = await fixtures.partnership(
    "Darlington Child Poverty Partnership",
    "england",
    "E06000005",
    "Darlington",
  );
  const other = await fixtures.partnership("Elsewhere Partnership", "england", "E06000001", "Hartlepool");
  partnershipId = partnership.id;
  otherPartnershipId = other.id;
  await fixtures.user("lead@darlington.example", org.id, { roles: [[partnership.id, "lead"]] });
  await fixtures.user("viewer@darlington.example", org.id, { roles: [[partnership.id, "viewer"]] });
  await upsertAreas(db, areaInputs("E06000005:Darlington", "E06000001:Hartlepool"));
});

describe("data import page", () => {
  test("shows the form to an editor or lead, 403 to a viewer, 404 for another partnership", async ({ signIn }) => {
    const lead = await signIn("lead@darlington.example");
    const page = await lead.get(`/partnerships/${partnershipId}/data/import`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Import data");
    expect(page.body).toContain('enctype="multipart/form-data"');
    // Official statistics may be uploaded by an editor; geography is the administrators' job.
    expect(page.body).toContain("English Indices of Deprivation");
    expect(page.body).not.toContain("ONS small-area lookup");
    expect((await lead.get(`/partnerships/${otherPartnershipId}/data/import`)).statusCode).toBe(404);
    const viewer = await signIn("viewer@darlington.example");
    expect((await viewer.get(`/partnerships/${partnershipId}/data/import`)).statusCode).toBe(403);
  });

  test("previews, asks for unmatched names, imports only on confirmation, and remembers the name", async ({
    db,
    signIn,
    observationCount,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const preview = await upload(
      lead,
      partnershipId,
      { kind: "statxplore", indicator: "cilif-relative", title: "Children in relative low income" },
      { name: "cilif.csv", content: STATX },
    );
    expect(preview.statusCode).toBe(400);
    expect(preview.body).toContain("Area names to match");
    expect(preview.body).toContain("“Darlo” (row 4)");
    expect(preview.body).not.toContain("Confirm import");
    expect(await observationCount()).toBe(0);
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    const checked = await lead.post(action, { aliasName: "Darlo", aliasCode: "E06000001", action: "check" });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain("Confirm import");
    expect(await observationCount()).toBe(0);
    const job = await confirmImport(lead, action, { aliasName: "Darlo", aliasCode: "E06000001" });
    expect(job.status).toBe("done");
    expect(await observationCount()).toBe(4);
    const banner = job.page;
    expect(banner.body).toContain("cilif.csv was imported");
    expect(banner.body).toMatch(/4 values written for 1 indicator \(2020\/21, 2021\/22\)/);
    // Another batch number (not this partnership's upload) shows nothing.
    expect((await lead.get(`/partnerships/${partnershipId}/data/import?imported=999`)).body).not.toContain(
      "was imported",
    );
    const again = await upload(
      lead,
      partnershipId,
      { kind: "statxplore", indicator: "cilif-relative" },
      { name: "cilif.csv", content: STATX },
    );
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain("Area names to match");
    const audit = await db.execute(
      sql`select count(*)::int as n from audit_log where action = 'import.completed' and partnership_id = ${partnershipId}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  test("rejects a missing file, a bad file and a forged form without importing", async ({
    signIn,
    observationCount,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const missing = await upload(lead, partnershipId, { kind: "tidy" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Choose a file to upload");
    const bad = await upload(
      lead,
      partnershipId,
      { kind: "tidy" },
      { name: "bad.csv", content: Buffer.from([0x61, 0x2c, 0x81, 0x0a]) },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("not UTF-8");
    expect(bad.body).not.toContain("Confirm import");
    const forged = await upload(
      lead,
      partnershipId,
      { _csrf: "forged", kind: "tidy" },
      { name: "x.csv", content: "a,b\n" },
    );
    expect(forged.statusCode).toBe(403);
    // Over 100 MB: refused while streaming, with the form and a message, never a 500.
    const huge = await upload(
      lead,
      partnershipId,
      { kind: "tidy" },
      { name: "huge.csv", content: Buffer.alloc(100 * 1024 * 1024 + 10, 0x61) },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain("100 MB");
    expect(huge.body).not.toContain("Confirm import");
    const national = await upload(
      lead,
      partnershipId,
      { kind: "lsoa-lookup" },
      { name: "lookup.csv", content: "LSOA11CD,x\n" },
    );
    expect(national.statusCode).toBe(400);
    expect(national.body).toContain("Choose what kind of file this is");
    expect(await observationCount()).toBe(4);
  });

  // Issue 11: a workbook that unpacks to ~400 MB stalled the server for 26 s, then failed with a TypeError.
  test("refuses a zip bomb with a message naming the file, and imports nothing", async ({
    signIn,
    observationCount,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const before = await observationCount();
    const bomb = await upload(lead, partnershipId, { kind: "tidy" }, { name: "figures.xlsx", content: xlsxBomb() });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.body).toContain("figures.xlsx");
    expect(bomb.body).toContain(
      "the workbook was refused: it says it unpacks to 400 MB, more than the 200 MB a workbook may unpack to",
    );
    expect(bomb.body).not.toContain("Confirm import");
    expect(await observationCount()).toBe(before);
  });
});

const IOD_HEADER =
  "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived),Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs),Income Deprivation Affecting Older People (IDAOPI) Rank (where 1 is most deprived),Income Deprivation Affecting Older People (IDAOPI) Decile (where 1 is most deprived 10% of LSOAs)";
const iodFile = (firstRank: string) =>
  `${IOD_HEADER}\nE01012310,Darlington 001A,E06000005,Darlington,${firstRank},3.00,2100.00,1.00,5000.00,2.00\nE01012311,Darlington 001B,E06000005,Darlington,20000.00,7.00,25000.00,8.00,30000.00,10.00\n`;

describe("comparison groups uploaded on the web", () => {
  test("keeps the kind of list the uploader chose (a CIPFA list stays CIPFA), owned by the partnership", async ({
    db,
    signIn,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const preview = await upload(
      lead,
      partnershipId,
      { kind: "comparison-group", name: "CIPFA nearest neighbours 2021", groupKind: "cipfa" },
      { name: "cipfa.csv", content: "area_code\nE06000001\n" },
    );
    expect(preview.statusCode).toBe(200);
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    expect((await lead.post(action, { action: "confirm" })).statusCode).toBe(303);
    const groups = await db.execute(
      sql`select kind, partnership_id as "owner" from comparison_groups where name = 'CIPFA nearest neighbours 2021'`,
    );
    expect((groups as unknown as { rows: { kind: string; owner: string }[] }).rows).toEqual([
      { kind: "cipfa", owner: partnershipId },
    ]);
  });
});

describe("official statistics uploaded by a partnership", () => {
  test("goes to the shared national store, and may add values but never change stored ones", async ({
    db,
    signIn,
    observationCount,
    nationalValue,
  }) => {
    await upsertAreas(
      db,
      ["E01012310", "E01012311"].map((code) => ({
        code,
        name: code,
        type: "lsoa",
        nation: "england",
        upperTier: false,
        lowerTier: false,
        startYear: null,
        endYear: null,
      })),
    );
    const lead = await signIn("lead@darlington.example");
    const before = await observationCount();
    const first = await confirmUpload(lead, iodFile("5000.00"));
    expect(first.preview.statusCode).toBe(200);
    expect(first.preview.body).toContain("shared national store");
    expect(first.status).toBe("done");
    expect(await nationalValue("iod2019-imd-rank", "E01012310")).toEqual([{ value: 5000, owner: null }]);
    const added = (await observationCount()) - before;
    expect(added).toBeGreaterThanOrEqual(12);

    // The same release again changes nothing and is accepted.
    const again = await confirmUpload(lead, iodFile("5000.00"));
    expect(again.status).toBe("done");
    expect(await observationCount()).toBe(before + added);

    // A file with a different value for a stored figure is refused whole: nothing changes.
    const changed = await confirmUpload(lead, iodFile("5001.00"));
    expect(changed.status).toBe("failed");
    expect(changed.page.body).toContain("would change 1 national values already in the store");
    expect(changed.page.body).toContain("Nothing was written");
    expect(await nationalValue("iod2019-imd-rank", "E01012310")).toEqual([{ value: 5000, owner: null }]);
    const history = await db.execute(sql`select count(*)::int as n from observation_history`);
    expect((history as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect(await observationCount()).toBe(before + added);
  });
});

describe("indicator catalogue editing", () => {
  test("lets a partnership's editor edit its own indicator, with validation and an audit entry", async ({
    db,
    signIn,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const page = await lead.get("/data/indicators/cilif-relative");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Edit indicator");
    const fields = {
      title: "Children in relative low income families",
      definition: "Under 16s, before housing costs",
      publisher: "DWP",
      dataset: "CiLIF",
      unit: "count",
      polarity: "higher-is-worse",
      disclosureRule: "none",
      releaseDate: "",
      nextReleaseDate: "2025-03-27",
      drivers: ["income-from-employment", "income-from-social-security"],
    };
    const bad = await lead.post("/data/indicators/cilif-relative", { ...fields, sourceUrl: "not a url" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a full web address");
    const saved = await lead.post("/data/indicators/cilif-relative", {
      ...fields,
      sourceUrl: "https://stat-xplore.dwp.gov.uk/",
    });
    expect(saved.statusCode).toBe(303);
    const row = await db.execute(
      sql`select title, next_release_date::text as next, tags from indicators where slug = 'cilif-relative'`,
    );
    expect(
      (row as unknown as { rows: { title: string; next: string; tags: { drivers: string[] } }[] }).rows[0],
    ).toMatchObject({
      title: "Children in relative low income families",
      next: "2025-03-27",
      tags: { drivers: ["income-from-employment", "income-from-social-security"] },
    });
    const audit = await db.execute(sql`select count(*)::int as n from audit_log where action = 'indicator.updated'`);
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    expect((await lead.get("/data/indicators")).statusCode).toBe(403);
    const viewer = await signIn("viewer@darlington.example");
    expect((await viewer.get("/data/indicators/cilif-relative")).statusCode).toBe(403);
    expect((await lead.get("/data/indicators/no-such-indicator")).statusCode).toBe(404);
  });

  test("lets only an administrator edit a national indicator: 403 for a partnership's lead, 404 for no such id", async ({
    db,
    fixtures,
    query,
    signIn,
  }) => {
    await db.insert(indicators).values({ slug: "national-child-poverty", title: "Child poverty", unit: "percentage" });
    const org = await fixtures.organisation("Platform team");
    await fixtures.user("admin@platform.example", org.id, { admin: true });
    const titleNow = async () =>
      (await query<{ title: string }>(sql`select title from indicators where slug = 'national-child-poverty'`))[0]!
        .title;
    const fields = {
      title: "Changed by a partnership",
      definition: "",
      publisher: "",
      dataset: "",
      releaseDate: "",
      nextReleaseDate: "",
      unit: "percentage",
      polarity: "higher-is-worse",
    };
    const lead = await signIn("lead@darlington.example");
    expect((await lead.get("/data/indicators/national-child-poverty")).statusCode).toBe(403);
    // Refused before the form is read: an invalid post gets the same 403, not a form error.
    expect((await lead.post("/data/indicators/national-child-poverty", { title: "" })).statusCode).toBe(403);
    const refused = await lead.post("/data/indicators/national-child-poverty", { ...fields, disclosureRule: "none" });
    expect(refused.statusCode).toBe(403);
    expect(await titleNow()).toBe("Child poverty");

    const admin = await signIn("admin@platform.example");
    const page = await admin.get("/data/indicators/national-child-poverty");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Who may read this indicator");
    expect((await admin.get("/data/indicators/no-such-indicator")).statusCode).toBe(404);
    expect((await admin.get("/data/indicators/Not_A_Slug")).statusCode).toBe(404);
    const saved = await admin.post("/data/indicators/national-child-poverty", {
      ...fields,
      title: "Children in poverty",
      disclosureRule: "none",
      sourceUrl: "",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/data/indicators");
    expect(await titleNow()).toBe("Children in poverty");
  });
  // As downloaded, a Stat-Xplore export does not say which indicator it counts: the preview asks
  // at its fields (never Zod's words), keeps the upload, and imports once the lead has said.
  test("asks which indicator a Stat-Xplore export counts, at its fields, then imports it", async ({
    db,
    signIn,
    observationCount,
  }) => {
    const lead = await signIn("lead@darlington.example");
    const before = await observationCount();
    const file = { name: "export.csv", content: STATX.replace('"Darlo",1,,2,,\n', "") };
    const preview = await upload(lead, partnershipId, { kind: "detect" }, file);
    expect(preview.statusCode).toBe(400);
    expect(preview.body).toContain("What the file counts");
    expect(preview.body).toContain('href="#option-indicator"');
    expect(preview.body).toContain("Give the identifier of the indicator this file counts");
    expect(preview.body).not.toMatch(/expected string|received undefined/);
    expect(preview.body).not.toContain("Confirm import");
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    const badSlug = await lead.post(action, { "option-indicator": "Children Poverty", action: "check" });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.body).toContain("lower-case words joined by hyphens");
    expect(badSlug.body).toContain('value="Children Poverty"');
    const noTitle = await lead.post(action, { "option-indicator": "export-children", action: "check" });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('href="#option-title"');
    expect(noTitle.body).toContain("is a new indicator: give it a title");
    const named = { "option-indicator": "export-children", "option-title": "Children in the export" };
    const checked = await lead.post(action, { ...named, action: "check" });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain("Children in the export (export-children)");
    // No title row names the dataset: asked for (optional), recorded as the figures' source.
    expect(checked.body).toContain('id="option-dataset"');
    expect(await observationCount()).toBe(before);
    const job = await confirmImport(lead, action, { "option-dataset": "Children in Low Income Families" });
    expect(job.status).toBe("done");
    expect(await observationCount()).toBe(before + 2);
    const [recorded] = await db
      .select({ dataset: indicators.dataset })
      .from(indicators)
      .where(eq(indicators.slug, "export-children"));
    expect(recorded?.dataset).toBe("Children in Low Income Families");
  });
});
