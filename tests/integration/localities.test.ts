/**
 * Localities and comparison groups on the real geography (ONS TopoJSON, LSOA lookup,
 * neighbours) and the real IoD2019 population denominators from ../shared/data, plus a small
 * fictional tidy file with numerators and denominators to check rates are never averaged.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { comparisonGroups, localities, localityAreas, saveComparisonGroup } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { TestClient } from "../helpers/test-app.ts";
import { appTest } from "../helpers/app-test.ts";
import { confirmImport, uploadForImport as upload } from "../helpers/data-import.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const population = path.join(dataDir, "deprivation", "iod2019-file6-population-denominators-lsoa11.csv");
const audit = { actorUserId: null, actorLabel: "localities-test" };

let lead: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let darlingtonId: string;
let otherId: string;
/** Darlington's LSOAs with their children aged 0–15, from the source file. */
let children: Map<string, number>;

function decode(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

const test = appTest
  .extend(
    "auditActions",
    { scope: "file" },
    ({ db }) =>
      async function auditActions(entityId: string): Promise<string[]> {
        const rows = await db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityId, entityId))
          .orderBy(auditLog.id);
        return rows.map((row) => row.action);
      },
  )
  .extend(
    "countLocalities",
    { scope: "file" },
    ({ db }) =>
      async function countLocalities(): Promise<number> {
        const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(localities);
        return Number(row!.n);
      },
  );

describeWithSharedData(population)("localities and comparison groups", () => {
  test.beforeAll(async ({ db, signIn, fixtures }) => {
    const wanted = new Set(["geography-topology", "lsoa-lookup", "neighbours"]);
    const imported = await importSharedData(db, (s) => wanted.has(s.kind) || s.file === population, audit.actorLabel);
    for (const { step, report } of imported) expect(report.errors, step.file).toEqual([]);
    // Fictional numerators and denominators for two of Darlington's LSOAs: 10/20 and 90/100.
    // And for Darlington and its four bordering authorities: 30/100, then 10/50, 90/150, 20/100, 40/100.
    const tidy =
      "area_code,period,indicator,value,numerator,denominator,measure\nE01012304,2023,test-share-in-need,50,10,20,percentage\nE01012305,2023,test-share-in-need,90,90,100,percentage\n" +
      "E06000005,2023,test-la-share,30,30,100,percentage\nE06000047,2023,test-la-share,20,10,50,percentage\nE06000004,2023,test-la-share,60,90,150,percentage\n" +
      "E07000166,2023,test-la-share,20,20,100,percentage\nE07000164,2023,test-la-share,40,40,100,percentage\n";
    const report = await runImport(db, {
      importer: importerFor("tidy")!,
      file: sourceFromBytes("fictional-share.csv", Buffer.from(tidy)),
      options: { publisher: "Test publisher", dataset: "Fictional test data", disclosure: "none" },
      dryRun: false,
      audit,
    });
    expect(report.errors).toEqual([]);
    const rows: string[][] = parse(readFileSync(population, "utf8").replace(/^\uFEFF/, ""), { from_line: 2 });
    children = new Map(rows.filter((r) => r[2] === "E06000005").map((r) => [r[0]!, Number(r[5])]));
    const org = await fixtures.organisation("Darlington Borough Council");
    darlingtonId = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
    otherId = (await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool")).id;
    await fixtures.user("lead@example.org", org.id, { roles: [[darlingtonId, "lead"]] });
    await fixtures.user("viewer@example.org", org.id, { roles: [[darlingtonId, "viewer"]] });
    await fixtures.user("outsider@example.org", org.id, { roles: [[otherId, "lead"]] });
    lead = await signIn("lead@example.org");
    viewer = await signIn("viewer@example.org");
    outsider = await signIn("outsider@example.org");
  }, 300_000);

  test("creates a locality from pasted and ticked codes, summing counts and recomputing percentages from numerators and denominators", async ({
    db,
    auditActions,
  }) => {
    expect(children.size).toBe(65);
    const form = await lead.get(`/partnerships/${darlingtonId}/localities/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="E01012304"');
    const response = await lead.post(`/partnerships/${darlingtonId}/localities`, {
      name: "Town centre",
      description: "Regeneration area",
      codes: "e01012304,\nE01012305",
      areas: "E01012306",
    });
    expect(response.statusCode).toBe(303);
    const url = response.headers.location as string;
    expect(url).toMatch(/^\/partnerships\/[\w-]+\/localities\/[\w-]+$/);
    const page = await lead.get(url);
    expect(page.statusCode).toBe(200);
    const html = decode(page.body);
    expect(html).toContain('<h1 class="govuk-heading-l">Town centre</h1>');
    const expected = ["E01012304", "E01012305", "E01012306"].reduce((sum, code) => sum + children.get(code)!, 0);
    expect(html).toMatch(
      new RegExp(`data-figure="iod2019-population-dependent-children-aged-0-15">${expected.toLocaleString("en-GB")}<`),
    );
    // E01012306 has no value for the fictional share: the locality's figure is missing, never a partial sum.
    expect(html).toMatch(/data-figure="test-share-in-need">\[x\]</);
    expect(html).toContain("Not computed: 1 of 3 small areas have no value");
    const id = url.split("/")[4]!.split("?")[0]!;
    expect(await auditActions(id)).toEqual(["locality.created"]);

    // Two areas with values: 100 / 120 = 83.3%, not the 70% an average of 50% and 90% would give.
    const edit = await lead.post(`/partnerships/${darlingtonId}/localities/${id}`, {
      name: "Town centre core",
      description: "",
      codes: "E01012304 E01012305",
    });
    expect(edit.statusCode).toBe(303);
    const edited = decode((await lead.get(`/partnerships/${darlingtonId}/localities/${id}`)).body);
    expect(edited).toMatch(/data-figure="test-share-in-need">83\.3%</);
    expect(edited).toContain("Test publisher, Fictional test data");
    expect(edited).toContain("2023");
    const areas = await db.select().from(localityAreas).where(eq(localityAreas.localityId, id));
    expect(areas).toHaveLength(2);
    const [updated] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "locality.updated")));
    expect(updated!.before).toMatchObject({ name: "Town centre", areaCodes: ["E01012304", "E01012305", "E01012306"] });
    expect(updated!.after).toMatchObject({ name: "Town centre core", areaCodes: ["E01012304", "E01012305"] });
  });

  test("rejects codes outside the authority or not codes at all, naming each, keeping the values and saving nothing", async ({
    countLocalities,
  }) => {
    const before = await countLocalities();
    const response = await lead.post(`/partnerships/${darlingtonId}/localities`, {
      name: "Mixed",
      description: "kept",
      codes: "E01012304\nE01000001\nNOTACODE",
    });
    expect(response.statusCode).toBe(400);
    const html = decode(response.body);
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain("Not area codes: NOTACODE");
    expect(html).toContain("Not small areas of Darlington: E01000001");
    expect(html).toContain(">kept</textarea>");
    const empty = await lead.post(`/partnerships/${darlingtonId}/localities`, { name: "", codes: "" });
    expect(empty.statusCode).toBe(400);
    expect(decode(empty.body)).toContain("Enter a name for the locality");
    const none = await lead.post(`/partnerships/${darlingtonId}/localities`, { name: "Nothing", codes: "" });
    expect(decode(none.body)).toContain("Choose at least one small area");
    const duplicate = await lead.post(`/partnerships/${darlingtonId}/localities`, {
      name: "town centre core",
      codes: "E01012304",
    });
    expect(duplicate.statusCode).toBe(400);
    expect(decode(duplicate.body)).toContain("There is already a locality called town centre core");
    expect(await countLocalities()).toBe(before);
  });

  test("lets viewers read but not change, and hides localities from other partnerships", async ({ db }) => {
    const [locality] = await db.select().from(localities).where(eq(localities.partnershipId, darlingtonId));
    const page = await viewer.get(`/partnerships/${darlingtonId}/localities/${locality!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Delete the locality");
    expect((await viewer.get(`/partnerships/${darlingtonId}/localities`)).body).not.toContain("Add a locality");
    expect(
      (await viewer.post(`/partnerships/${darlingtonId}/localities`, { name: "X", codes: "E01012304" })).statusCode,
    ).toBe(403);
    expect((await viewer.post(`/partnerships/${darlingtonId}/localities/${locality!.id}/delete`, {})).statusCode).toBe(
      403,
    );
    expect((await outsider.get(`/partnerships/${darlingtonId}/localities/${locality!.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/partnerships/${otherId}/localities/${locality!.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/partnerships/${otherId}/localities/${locality!.id}/delete`, {})).statusCode).toBe(
      404,
    );
  });

  test("deletes a locality with an audit record of what it held", async ({ db, countLocalities }) => {
    const [locality] = await db.select().from(localities).where(eq(localities.partnershipId, darlingtonId));
    const url = `/partnerships/${darlingtonId}/localities/${locality!.id}/delete`;
    // Deleting asks first, naming the locality and what goes with it.
    expect((await lead.get(`/partnerships/${darlingtonId}/localities/${locality!.id}`)).body).toContain(
      `href="${url}"`,
    );
    const confirm = decode((await lead.get(url)).body);
    expect(confirm).toContain("Are you sure you want to delete the locality “Town centre core”?");
    expect(confirm).toContain("its list of 2 small areas");
    expect(await countLocalities()).toBe(1);
    const response = await lead.post(url, {});
    expect(response.headers.location).toBe(`/partnerships/${darlingtonId}/localities`);
    expect((await lead.get(response.headers.location as string)).body).toContain("The locality has been deleted");
    expect(await countLocalities()).toBe(0);
    expect((await lead.post(url, {})).statusCode).toBe(404);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, locality!.id), eq(auditLog.action, "locality.deleted")));
    expect(row!.before).toMatchObject({ name: "Town centre core", areaCodes: ["E01012304", "E01012305"] });
  });

  test("makes Darlington's geographic neighbours a comparison group, once, and deletes it; shared groups stay", async ({
    db,
    auditActions,
  }) => {
    const neighbours = JSON.parse(
      readFileSync(path.join(dataDir, "geography", "lad21-geographic-neighbours.json"), "utf8"),
    );
    expect(JSON.stringify(neighbours)).toContain("E06000005");
    for (let i = 0; i < 2; i++) {
      const made = await lead.post(`/partnerships/${darlingtonId}/comparison-groups/neighbours`, {});
      expect(made.statusCode).toBe(303);
    }
    const groups = await db.select().from(comparisonGroups).where(eq(comparisonGroups.partnershipId, darlingtonId));
    expect(groups.map((g) => g.name)).toEqual(["Geographic neighbours of Darlington"]);
    const page = decode((await viewer.get(`/partnerships/${darlingtonId}/comparison-groups/${groups[0]!.id}`)).body);
    expect(page).toContain("County Durham");
    expect(page).toContain("Geographic neighbours");
    expect(page).not.toContain("Delete the comparison group");
    expect((await outsider.get(`/partnerships/${otherId}/comparison-groups/${groups[0]!.id}`)).statusCode).toBe(404);

    const shared = await db.transaction((tx) =>
      saveComparisonGroup(tx, audit, {
        partnershipId: null,
        name: "Shared test group",
        kind: "cipfa",
        memberCodes: ["E06000001", "E06000004"],
      }),
    );
    expect(
      (await lead.post(`/partnerships/${darlingtonId}/comparison-groups/${shared.group.id}/delete`, {})).statusCode,
    ).toBe(403);
    expect(
      (await lead.get(`/partnerships/${darlingtonId}/comparison-groups/${shared.group.id}/delete`)).statusCode,
    ).toBe(403);
    expect(
      (await viewer.post(`/partnerships/${darlingtonId}/comparison-groups/${groups[0]!.id}/delete`, {})).statusCode,
    ).toBe(403);
    const removed = await lead.post(`/partnerships/${darlingtonId}/comparison-groups/${groups[0]!.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    const left = await db.select({ name: comparisonGroups.name }).from(comparisonGroups);
    expect(left.map((g) => g.name)).toEqual(["Shared test group"]);
    expect(await auditActions(groups[0]!.id)).toEqual([
      "comparison-group.created",
      "comparison-group.updated",
      "comparison-group.deleted",
    ]);
    const hub = decode((await lead.get(`/partnerships/${darlingtonId}/localities`)).body);
    expect(hub).toContain("Shared test group");
    expect(hub).toContain("Shared by every partnership");
  });

  test("compares the area with a chosen comparison group on the profile, pooling numerators and denominators", async ({
    db,
  }) => {
    const made = await lead.post(`/partnerships/${darlingtonId}/comparison-groups/neighbours`, {});
    const groupId = (made.headers.location as string).split("/").at(-1)!;
    const plain = decode((await viewer.get(`/partnerships/${darlingtonId}/profile`)).body);
    expect(plain).toContain("Compare with a comparison group");
    expect(plain).not.toContain("data-group");
    const page = await viewer.get(`/partnerships/${darlingtonId}/profile?group=${groupId}`);
    expect(page.statusCode).toBe(200);
    const html = decode(page.body);
    expect(html).toContain("Compared with Geographic neighbours of Darlington");
    const start = html.indexOf('id="test-la-share"');
    const section = html.slice(start, html.indexOf("</section>", start));
    // 160 / 400 = 40.0%, where an average of the members' percentages would be 35%.
    expect(section).toMatch(
      /Geographic neighbours of Darlington \(group, from summed numerators and denominators\)<\/th><td class="govuk-table__cell">40\.0%</,
    );
    expect(section).toMatch(
      /Stockton-on-Tees \(Geographic neighbours of Darlington\)<\/th><td class="govuk-table__cell">60\.0%</,
    );
    expect(section).toMatch(
      /County Durham \(Geographic neighbours of Darlington\)<\/th><td class="govuk-table__cell">20\.0%</,
    );
    const other = await db.transaction((tx) =>
      saveComparisonGroup(tx, audit, {
        partnershipId: otherId,
        name: "Hartlepool's own group",
        kind: "user",
        memberCodes: ["E06000004"],
      }),
    );
    expect((await viewer.get(`/partnerships/${darlingtonId}/profile?group=${other.group.id}`)).statusCode).toBe(404);
    expect((await viewer.get(`/partnerships/${darlingtonId}/profile?group=nonsense`)).statusCode).toBe(404);
    expect((await viewer.get(`/partnerships/${darlingtonId}/profile?group=`)).statusCode).toBe(200);
  });

  test("imports a CIPFA nearest-neighbour CSV all-or-nothing, with row and column errors, and lists the group", async ({
    db,
  }) => {
    const cipfa = readFileSync(path.join(dataDir, "geography", "trafford-cipfa-nearest-neighbours-2021.csv"), "utf8");
    const before = (await db.select().from(comparisonGroups)).length;
    const firstCode = cipfa.split(/\r?\n/)[1]!.split(",")[0]!;
    const bad = await upload(
      lead,
      darlingtonId,
      { kind: "comparison-group", name: "Trafford CIPFA" },
      { name: "cipfa.csv", content: `${cipfa.trimEnd()}\nE06000999,Nowhere\n${firstCode},Again\n` },
    );
    expect(bad.statusCode).toBe(400);
    const html = decode(bad.body);
    expect(html).toMatch(
      /<td class="govuk-table__cell">\d+<\/td><td class="govuk-table__cell">area_code<\/td><td class="govuk-table__cell">unknown area code "E06000999"<\/td>/,
    );
    expect(html).toContain(`duplicate row: "${firstCode}" is also on row 2`);
    expect((await db.select().from(comparisonGroups)).length).toBe(before);

    const good = await upload(
      lead,
      darlingtonId,
      { kind: "comparison-group", name: "Trafford CIPFA" },
      { name: "cipfa.csv", content: cipfa },
    );
    expect(good.statusCode).toBe(200);
    const action = /action="(\/partnerships\/[^"]+\/data\/import\/[A-Za-z0-9_-]{32})"/.exec(good.body)![1]!;
    expect((await confirmImport(lead, action)).status).toBe("done");
    const hub = decode((await viewer.get(`/partnerships/${darlingtonId}/localities`)).body);
    const rows = cipfa.trim().split(/\r?\n/).length - 1;
    expect(hub).toMatch(
      new RegExp(
        `>Trafford CIPFA</a></td>[\\s\\S]*?cipfa\\.csv</td>\\s*<td class="govuk-table__cell govuk-table__cell--numeric">${rows}</td>`,
      ),
    );
  });
});
