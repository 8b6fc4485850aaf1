/**
 * Scheduled releases (issue 15): from where imports are done, the imports still under embargo
 * with their indicators, areas and periods, release time in UK time and who imported them; and
 * moving a release (a time in the past refused with the field named, nothing changed; audited).
 * National releases are the administrators'.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { areaTypeOfCode, nationOfCode, tiersOfCode, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { importBatches } from "../../src/data/indicators/index.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { appTest } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

const AREA = "E06000005";
let p1: string;
let p2: string;
let local: number;
let national: number;
const clients: Record<string, TestClient> = {};

async function importTidy(db: Db, slug: string, owner: string | null): Promise<number> {
  const csv = `area_code,period,indicator,value,measure\n${AREA},2023/24,${slug},37,count\n${AREA},2024/25,${slug},41,count\n`;
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(`${slug}.csv`, Buffer.from(csv)),
    options: { disclosure: "small-count", publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "Release Tester" },
    ...(owner ? { partnershipId: owner } : {}),
  });
  expect(report.errors, slug).toEqual([]);
  return report.batchId!;
}

const test = appTest;

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const council = await fixtures.organisation("Darlington Borough Council");
  p1 = (await fixtures.partnership("Darlington Partnership", "england", AREA, "Darlington")).id;
  p2 = (await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool")).id;
  await fixtures.user("editor@darlington.example", council.id, { roles: [[p1, "editor"]] });
  await fixtures.user("viewer@darlington.example", council.id, { roles: [[p1, "viewer"]] });
  await fixtures.user("editor@hartlepool.example", council.id, { roles: [[p2, "editor"]] });
  await fixtures.user("admin@hub.example", council.id, { admin: true });
  await upsertAreas(db, [
    {
      code: AREA,
      name: "Darlington",
      type: areaTypeOfCode(AREA)!,
      nation: nationOfCode(AREA),
      ...tiersOfCode(AREA),
      startYear: null,
      endYear: null,
    },
  ]);
  local = await importTidy(db, "release-local-count", p1);
  national = await importTidy(db, "release-national-count", null);
  // 1 July 2099 09:30 UK time (BST) and 15 January 2099 09:30 (GMT).
  await db.execute(sql`update import_batches set embargo_until = '2099-07-01T08:30:00Z' where id = ${local}`);
  await db.execute(sql`update import_batches set embargo_until = '2099-01-15T09:30:00Z' where id = ${national}`);
  for (const email of [
    "editor@darlington.example",
    "viewer@darlington.example",
    "editor@hartlepool.example",
    "admin@hub.example",
  ])
    clients[email] = await signIn(email);
});

describe("scheduled releases", () => {
  test("are listed from the import page for those who import, with UK times", async ({ query }) => {
    const editor = clients["editor@darlington.example"]!;
    const importPage = await editor.get(`/partnerships/${p1}/data/import`);
    expect(importPage.body).toContain(`/partnerships/${p1}/data/import/releases`);
    const page = await editor.get(`/partnerships/${p1}/data/import/releases`);
    expect(page.statusCode).toBe(200);
    const rows = page.body.split("data-release").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("release-local-count.csv");
    expect(rows[0]).toContain("1 July 2099 at 09:30");
    expect(rows[0]).toContain("Release Tester");
    // The areas the batch wrote (Darlington and the parent totals worked out at import), two periods.
    const [counted] = await query<{ n: number }>(
      sql`select count(distinct area_id)::int as n from observations where batch_id = ${local}`,
    );
    const n = counted!.n;
    expect(n).toBeGreaterThan(0);
    expect(rows[0]).toMatch(new RegExp(`numeric">${n}</td>\\s*<td[^>]*numeric">2<`));
    expect(page.body).not.toContain("release-national-count");
    // The administrator also sees the national load, soonest first.
    const admin = await clients["admin@hub.example"]!.get(`/partnerships/${p1}/data/import/releases`);
    const adminRows = admin.body.split("data-release").slice(1);
    expect(adminRows.map((row) => /release-\w+-count\.csv/.exec(row)?.[0])).toEqual([
      "release-national-count.csv",
      "release-local-count.csv",
    ]);
    expect(adminRows[0]).toContain("15 January 2099 at 09:30");
    // Not for a viewer, nor for another partnership's editor.
    expect(
      (await clients["viewer@darlington.example"]!.get(`/partnerships/${p1}/data/import/releases`)).statusCode,
    ).toBe(403);
    expect([403, 404]).toContain(
      (await clients["editor@hartlepool.example"]!.get(`/partnerships/${p1}/data/import/releases`)).statusCode,
    );
  });

  test("are moved forward or back, never into the past, and each move is audited", async ({ db }) => {
    const editor = clients["editor@darlington.example"]!;
    const url = `/partnerships/${p1}/data/import/releases/${local}`;
    expect((await editor.get(url)).statusCode).toBe(200);
    const past = await editor.post(url, { releaseDate: "1/1/2020", releaseTime: "09:30" });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('href="#releaseDate"');
    expect(past.body).toContain("must be in the future");
    const badTime = await editor.post(url, { releaseDate: "1/1/2098", releaseTime: "9.30" });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toContain('href="#releaseTime"');
    const [unchanged] = await db.select().from(importBatches).where(eq(importBatches.id, local));
    expect(unchanged!.embargoUntil!.toISOString()).toBe("2099-07-01T08:30:00.000Z");
    // Brought forward to 2 March 2098, 07:00 UK time (GMT).
    const moved = await editor.post(url, { releaseDate: "2/3/2098", releaseTime: "07:00" });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/partnerships/${p1}/data/import/releases`);
    const [saved] = await db.select().from(importBatches).where(eq(importBatches.id, local));
    expect(saved!.embargoUntil!.toISOString()).toBe("2098-03-02T07:00:00.000Z");
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "import-batch.embargo-changed"), eq(auditLog.entityId, String(local))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLabel).toBe("editor@darlington.example");
    const list = await editor.get(`/partnerships/${p1}/data/import/releases`);
    expect(list.body).toContain("has been changed");
    expect(list.body).toContain("2 March 2098 at 07:00");
  });

  test("of national data are moved by administrators only; released ones are not held back again", async ({ db }) => {
    const nationalUrl = `/partnerships/${p1}/data/import/releases/${national}`;
    expect((await clients["editor@darlington.example"]!.get(nationalUrl)).statusCode).toBe(404);
    expect(
      (await clients["editor@darlington.example"]!.post(nationalUrl, { releaseDate: "1/1/2098", releaseTime: "09:30" }))
        .statusCode,
    ).toBe(404);
    const admin = clients["admin@hub.example"]!;
    expect((await admin.post(nationalUrl, { releaseDate: "1/1/2098", releaseTime: "09:30" })).statusCode).toBe(303);
    // Another partnership's editor cannot reach this partnership's release through their own.
    expect(
      (await clients["editor@hartlepool.example"]!.get(`/partnerships/${p2}/data/import/releases/${local}`)).statusCode,
    ).toBe(404);
    // Once released, an import leaves the list; its page says so, and it is not held back again.
    await db.execute(sql`update import_batches set embargo_until = now() - interval '1 second' where id = ${local}`);
    const editor = clients["editor@darlington.example"]!;
    expect((await editor.get(`/partnerships/${p1}/data/import/releases`)).body).not.toContain(
      "release-local-count.csv",
    );
    const released = await editor.get(`/partnerships/${p1}/data/import/releases/${local}`);
    expect(released.statusCode).toBe(200);
    expect(released.body).toContain("was released on");
    const again = await editor.post(`/partnerships/${p1}/data/import/releases/${local}`, {
      releaseDate: "1/1/2098",
      releaseTime: "09:30",
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("cannot be held back again");
    const [kept] = await db.select().from(importBatches).where(eq(importBatches.id, local));
    expect(kept!.embargoUntil!.getTime()).toBeLessThan(Date.now());
    // Released at once (the release time cleared on the data access page): the same.
    await db.execute(sql`update import_batches set embargo_until = null where id = ${local}`);
    const cleared = await editor.get(`/partnerships/${p1}/data/import/releases/${local}`);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.body).toContain("was released");
    expect(
      (await clients["editor@darlington.example"]!.get(`/partnerships/${p1}/data/import/releases/999999`)).statusCode,
    ).toBe(404);
  });
});
