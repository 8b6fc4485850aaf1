/**
 * A lead uploads NISRA's NIMDM 2017 SOA results through the browser without choosing a kind:
 * the preview says what was recognised, and the confirmed import adds the areas and values.
 */
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { appTest } from "../helpers/app-test.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";
import { nimdmCsv, nimdmRows } from "../helpers/nimdm-files.ts";

let partnershipId: string;
const test = appTest;

test.beforeAll(async ({ fixtures }) => {
  const org = await fixtures.organisation("Darlington Borough Council");
  const partnership = await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington");
  partnershipId = partnership.id;
  await fixtures.user("lead@nimdm.example", org.id, { roles: [[partnership.id, "lead"]] });
});

describe("NIMDM through the upload page", () => {
  test("is recognised from the file and imported on confirmation", async ({ db, signIn }) => {
    const lead = await signIn("lead@nimdm.example");
    const rows = nimdmRows("soa", 12);
    const preview = await upload(
      lead,
      partnershipId,
      { kind: "detect" },
      { name: "nimdm2017-soa.csv", content: nimdmCsv("soa", rows) },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Recognised from the file as");
    expect(preview.body).toContain("Northern Ireland Multiple Deprivation Measure by Super Output Areas (2001)");
    expect(preview.body).toContain("12 of the 890 areas NISRA ranks");
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    expect((await confirmImport(lead, action)).status).toBe("done");
    const stored = (await db.execute(sql`select a.code, o.value from observations o
      join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
      where i.slug = 'nimdm2017-mdm-rank'`)) as unknown as { rows: { code: string; value: number }[] };
    expect(new Map(stored.rows.map((r) => [r.code, Number(r.value)]))).toEqual(
      new Map(rows.map((r) => [r.code, r.ranks[0]])),
    );
  });
});
