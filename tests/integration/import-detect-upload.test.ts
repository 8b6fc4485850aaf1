/**
 * The upload page works out what a file is when asked to ("Work it out from the file"), reads
 * it in the encoding it was published in, says both in the preview, and refuses — naming what
 * it saw — a file it cannot tell or a kind the person may not load.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { appTest } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";
import { describeWithSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const DZ_LOOKUP = path.join(SHARED_DATA_DIR, "geography", "scotland-dz2011-lookup.csv");
let partnershipId: string;

const test = appTest;

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  const partnership = await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington");
  partnershipId = partnership.id;
  await fixtures.user("lead@detect.example", org.id, { roles: [[partnership.id, "lead"]] });
  await fixtures.user("admin@detect.example", org.id, { admin: true, roles: [[partnership.id, "lead"]] });
  await upsertAreas(db, areaInputs("E06000005:Darlington"));
});

describe("working out the kind of an upload", () => {
  test("offers to work it out, first and chosen by default", async ({ signIn }) => {
    const lead = await signIn("lead@detect.example");
    const page = await lead.get(`/partnerships/${partnershipId}/data/import`);
    expect(page.body).toMatch(/value="detect" checked/);
    expect(page.body).toContain("Work it out from the file");
  });

  test("recognises a tidy file for a lead and says so in the preview, with the kind's name, not its slug", async ({
    signIn,
  }) => {
    const lead = await signIn("lead@detect.example");
    const content = "area_code,period,indicator,value\nE06000005,2023/24,local-measure,12.5\n";
    const preview = await upload(lead, partnershipId, { kind: "detect" }, { name: "mine.csv", content });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Recognised from the file as");
    expect(preview.body).toContain("tidy long table: area_code, period, indicator, value columns");
    expect(preview.body).toContain("Tidy long CSV (area_code, period, indicator, value …)");
    expect(preview.body).toContain("plain ASCII text, read as UTF-8");
  });

  test("refuses a file it cannot tell, naming its first row, and one the person may not load", async ({
    db,
    signIn,
  }) => {
    const lead = await signIn("lead@detect.example");
    const batches = async () =>
      (
        (await db.execute(sql`select count(*)::int as n from import_batches`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await batches();
    const odd = await upload(
      lead,
      partnershipId,
      { kind: "detect" },
      { name: "notes.csv", content: "colour,shape\nred,round\n" },
    );
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain(
      "The kind of notes.csv could not be worked out: it is a table whose first row is: colour, shape",
    );
    const lookup = "ltlacd,ltlanm,rgncd,rgnnm\nE06000005,Darlington,E12000001,North East\n";
    const geography = await upload(lead, partnershipId, { kind: "detect" }, { name: "lookup.csv", content: lookup });
    expect(geography.statusCode).toBe(400);
    expect(geography.body).toContain("Geography files are loaded by a service administrator");
    expect(geography.body).toContain("ltlacd, rgncd columns");
    expect(await batches()).toBe(before);
  });
});

describeWithSharedData(DZ_LOOKUP)("the Scottish data-zone lookup through the web page", () => {
  test("is recognised and read as Windows-1252, names intact, for an administrator", async ({ db, signIn }) => {
    const admin = await signIn("admin@detect.example");
    const content = readFileSync(DZ_LOOKUP);
    const preview = await upload(
      admin,
      partnershipId,
      { kind: "detect" },
      { name: "scotland-dz2011-lookup.csv", content },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Scottish data zone lookup: DZ2011_Code");
    expect(preview.body).toContain("Windows-1252: not valid UTF-8");
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    expect((await confirmImport(admin, action)).status).toBe("done");
    // The Gaelic ward name has a right single quote (0x92) and accented letters: as written, not
    // as ISO-8859-1's invisible control character.
    const ward = await db.execute(sql`select name from areas where code = 'S13003138'`);
    expect((ward as unknown as { rows: { name: string }[] }).rows[0]?.name).toBe("Sgìr’ Ùige agus Càrlabhagh");
  });
});
