/**
 * Profiles are built once per data version (src/kernel/db/data-version.ts): these show a cached
 * profile changes when the data does (import, revision, catalogue edit, on any path that writes
 * the tables), never shows one partnership's own indicators to another partnership on the same
 * area, and that a rolled-back change leaves no version behind.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { editIndicator, indicators } from "../../src/data/indicators/index.ts";
import { readDataVersion } from "../../src/kernel/db/data-version.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

const AREA = "E06000001";
const SLUG = "local-measure-a";
let t: TestApp;
let partnershipA: string;
let partnershipB: string;
let readerA: TestClient;
let readerB: TestClient;

async function importFor(partnershipId: string, rows: [string, number][]) {
  const csv = ["area_code,period,indicator,value,measure", ...rows.map(([p, v]) => `${AREA},${p},${SLUG},${v},count`)];
  const report = await runImport(t.database.db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes("local.csv", Buffer.from(`${csv.join("\n")}\n`)),
    options: { disclosure: "none" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "cache-test" },
    partnershipId,
  });
  expect(report.errors).toEqual([]);
}

async function profileOf(client: TestClient, partnershipId: string): Promise<string> {
  const response = await client.get(`/partnerships/${partnershipId}/profile`);
  expect(response.statusCode).toBe(200);
  return response.body;
}

beforeAll(async () => {
  t = await createTestApp();
  await upsertAreas(t.database.db, [
    {
      code: AREA,
      name: "Hartlepool",
      type: "local-authority",
      nation: "england",
      upperTier: true,
      lowerTier: true,
      startYear: null,
      endYear: null,
    },
  ]);
  const org = await fixtures.organisation(t.database, "Council");
  // Two partnerships over the same area: what one imports for itself the other must never see.
  partnershipA = (await fixtures.partnership(t.database, "Partnership A", "england", AREA, "Hartlepool")).id;
  partnershipB = (await fixtures.partnership(t.database, "Partnership B", "england", AREA, "Hartlepool")).id;
  await fixtures.user(t.database, "a@example.org", org.id, { roles: [[partnershipA, "viewer"]] });
  await fixtures.user(t.database, "b@example.org", org.id, { roles: [[partnershipB, "viewer"]] });
  readerA = t.client();
  readerB = t.client();
  expect((await readerA.signIn("a@example.org")).statusCode).toBe(303);
  expect((await readerB.signIn("b@example.org")).statusCode).toBe(303);
});
afterAll(() => t?.close());

describe("profiles cached by data version", () => {
  it("show an import at once, and only to the partnership that owns the data", async () => {
    // Both cached before any data, then A imports its own indicator.
    expect(await profileOf(readerA, partnershipA)).not.toContain(SLUG);
    expect(await profileOf(readerB, partnershipB)).not.toContain(SLUG);
    await importFor(partnershipA, [
      ["2021", 1234],
      ["2022", 5678],
    ]);
    expect(await profileOf(readerA, partnershipA)).toContain("5,678");
    // B's profile of the same area, built from the same data version, still lacks A's indicator.
    const b = await profileOf(readerB, partnershipB);
    expect(b).not.toContain(SLUG);
    expect(b).not.toContain("5,678");
    // And a reader of A cannot open B's page at all (authorization is before the cache).
    expect((await readerA.get(`/partnerships/${partnershipB}/profile`)).statusCode).toBe(404);
  });

  it("show a revised value after a new release", async () => {
    expect(await profileOf(readerA, partnershipA)).toContain("5,678");
    await importFor(partnershipA, [
      ["2021", 1234],
      ["2022", 9876],
    ]);
    const page = await profileOf(readerA, partnershipA);
    expect(page).toContain("9,876");
    expect(page).not.toContain("5,678");
  });

  it("show a catalogue edit", async () => {
    expect(await profileOf(readerA, partnershipA)).not.toContain("Renamed local measure");
    await editIndicator(t.database.db, { actorUserId: null, actorLabel: "cache-test" }, SLUG, {
      title: "Renamed local measure",
    });
    expect(await profileOf(readerA, partnershipA)).toContain("Renamed local measure");
  });

  it("a change written by any path moves the version; one rolled back leaves none behind", async () => {
    const before = await readDataVersion(t.database.db);
    await t.database.db
      .transaction(async (tx) => {
        await tx.update(indicators).set({ title: "Never committed" }).where(sql`slug = ${SLUG}`);
        expect(await readDataVersion(tx)).not.toBe(before);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await readDataVersion(t.database.db)).toBe(before);
    expect(await profileOf(readerA, partnershipA)).not.toContain("Never committed");

    await t.database.db.execute(sql`update indicators set title = 'Written by hand' where slug = ${SLUG}`);
    const after = await readDataVersion(t.database.db);
    expect(after).not.toBe(before);
    expect(await profileOf(readerA, partnershipA)).toContain("Written by hand");
    // Reading changes nothing.
    await profileOf(readerA, partnershipA);
    expect(await readDataVersion(t.database.db)).toBe(after);
  });
});
