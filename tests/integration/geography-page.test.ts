import { describe, expect } from "vitest";
import { appTest } from "../helpers/app-test.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";

let partnershipId: string;
const LOOKUP =
  "DZ2011_Code,DZ2011_Name,IZ2011_Code,IZ2011_Name,MMWard_Code,MMWard_Name,LA_Code,LA_Name,HB_Code,HB_Name\n" +
  "S01009027,South Lewis - 03,S02001690,South Lewis,S13003138,Sgìr Ùige agus Càrlabhagh,S12000013,Na h-Eileanan Siar,S08000028,Western Isles\n" +
  "S01009028,Northwest Lewis - 01,S02001691,Northwest Lewis,S13003138,Sgìr Ùige agus Càrlabhagh,S12000013,Na h-Eileanan Siar,S08000028,Western Isles\n";

const test = appTest;

test.beforeAll(async ({ fixtures }) => {
  const org = await fixtures.organisation("Comhairle nan Eilean Siar");
  const partnership = await fixtures.partnership(
    "Western Isles Partnership",
    "scotland",
    "S12000013",
    "Na h-Eileanan Siar",
  );
  partnershipId = partnership.id;
  await fixtures.user("admin@geo.example", org.id, { admin: true, roles: [[partnership.id, "lead"]] });
  await fixtures.user("lead@geo.example", org.id, { roles: [[partnership.id, "lead"]] });
});

describe("the geography page", () => {
  test("is for service administrators, linked from their menu", async ({ signIn, client }) => {
    const admin = await signIn("admin@geo.example");
    expect((await admin.get("/dashboard")).body).toContain('href="/admin/geography"');
    const lead = await signIn("lead@geo.example");
    expect((await lead.get("/dashboard")).body).not.toContain('href="/admin/geography"');
    expect((await lead.get("/admin/geography")).statusCode).toBe(403);
    expect((await client().get("/admin/geography")).statusCode).toBe(303);
  });

  test("says what is not loaded, then what a lookup loaded, in which edition and from which file", async ({
    signIn,
  }) => {
    const admin = await signIn("admin@geo.example");
    const before = await admin.get("/admin/geography");
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("Small areas and wards: 11 not loaded");
    expect(before.body).toContain("No geography file has been imported yet");
    const preview = await upload(admin, partnershipId, { kind: "detect" }, { name: "dz.csv", content: LOOKUP });
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(preview.body)![1]!;
    expect((await confirmImport(admin, action)).status).toBe("done");
    const after = (await admin.get("/admin/geography")).body;
    expect(after).toContain("Small areas and wards: 8 not loaded");
    const row = (label: string) =>
      new RegExp(`${label}</th>\\s*<td[^>]*>([\\s\\S]*?)</td>\\s*<td[^>]*>([^<]*)</td>`).exec(after);
    expect(row("Data zones in Scotland")?.[1]).toContain("Loaded");
    expect(row("Data zones in Scotland")?.[2]).toBe("2 (2011 edition)");
    expect(row("Intermediate zones in Scotland")?.[2]).toBe("2 (2011 edition)");
    expect(row("Multi-member wards in Scotland")?.[2]).toBe("1 (edition not recorded)");
    expect(row("LSOAs in England")?.[2]).toBe("None");
    expect(after).toContain("dz.csv");
    expect(after).toContain("Scottish data zone lookup");
  });
});
