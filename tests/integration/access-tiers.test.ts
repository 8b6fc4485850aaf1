/**
 * Access tiers and embargo (issue 15): a restricted indicator is read only by its named readers —
 * not another partnership, not the public, not the API without the right token — every read and
 * every refused request audited; an embargoed import is not found until its release time passes.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { areaTypeOfCode, nationOfCode, tiersOfCode, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport } from "../../src/data/imports/index.ts";
import { sourceFromBytes } from "../../src/data/imports/index.ts";
import { findIndicator, importBatches, valuesForArea } from "../../src/data/indicators/index.ts";
import { indicatorReaders } from "../../src/data/indicators/tables.ts";
import { sharingAgreements } from "../../src/data/sharing/index.ts";
import { createTokenAs } from "../helpers/api-data.ts";
import { apiTest } from "../helpers/app-test.ts";
import type { TestClient } from "../helpers/test-app.ts";

const RESTRICTED = "tiers-restricted-count";
const EMBARGOED = "tiers-embargoed-count";
let p1: string;
let p2: string;
let readerOrgId: string;
let namedId: string;
let ownAgreementId: string;
let otherAgreementId: string;
const clients: Record<string, TestClient> = {};
const tokens: Record<string, string> = {};

async function importTidy(db: Db, slug: string, owner: string) {
  const csv = `area_code,period,indicator,value,measure\nE06000005,2023/24,${slug},37,count\nE06000005,2024/25,${slug},41,count\n`;
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(`${slug}.csv`, Buffer.from(csv)),
    options: { disclosure: "small-count", publisher: "Test publisher" },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "tiers-test" },
    partnershipId: owner,
  });
  expect(report.errors, slug).toEqual([]);
}

const test = apiTest;

const darlington = (body: unknown) =>
  (body as { data: { area: { code: string } }[] }).data.filter((row) => row.area.code === "E06000005");

const audits = async (db: Db, action: string, who?: string) =>
  (
    await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, RESTRICTED)))
  ).filter((row) => who === undefined || row.actorLabel === who);

/** An agreement row as the register stores it (the register's own tests cover its forms). */
async function agreement(db: Db, partnershipId: string, title: string, parties: string[]): Promise<string> {
  const [row] = await db
    .insert(sharingAgreements)
    .values({
      partnershipId,
      title,
      partyOrganisationIds: parties,
      externalParties: [],
      purpose: "Test",
      lawfulBasis: "e",
      dataItems: "Items",
      level: "aggregate",
      frequency: "annually",
      volume: "small",
      dpiaStatus: "completed",
      startDate: "2026-01-01",
      reviewDate: "2027-01-01",
      status: "agreed",
      riskLevel: "low",
      riskTotal: 1,
      riskReasons: [],
      riskRule: "test",
      principlesVersion: 1,
    })
    .returning({ id: sharingAgreements.id });
  return row!.id;
}

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const council = await fixtures.organisation("Darlington Borough Council");
  const trust = await fixtures.organisation("Tees Health Trust");
  const other = await fixtures.organisation("Hartlepool Borough Council");
  readerOrgId = trust.id;
  p1 = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  p2 = (await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool")).id;
  await fixtures.user("lead@darlington.example", council.id, { roles: [[p1, "lead"]] });
  namedId = (await fixtures.user("named@darlington.example", council.id, { roles: [[p1, "viewer"]] })).id;
  await fixtures.user("viewer@darlington.example", council.id, { roles: [[p1, "viewer"]] });
  await fixtures.user("analyst@trust.example", trust.id, { roles: [[p1, "viewer"]] });
  await fixtures.user("lead@hartlepool.example", other.id, { roles: [[p2, "lead"]] });
  ownAgreementId = await agreement(db, p1, "Pupil data agreement", [trust.id]);
  otherAgreementId = await agreement(db, p2, "Hartlepool agreement", [other.id]);
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
  await importTidy(db, RESTRICTED, p1);
  await importTidy(db, EMBARGOED, p1);
  for (const email of [
    "lead@darlington.example",
    "named@darlington.example",
    "viewer@darlington.example",
    "analyst@trust.example",
    "lead@hartlepool.example",
  ]) {
    clients[email] = await signIn(email);
    tokens[email] = await createTokenAs(clients[email]!, "Script");
  }
}, 120_000);

describe("access tiers", () => {
  test("the lead sets the tier and named readers, with GOV.UK errors for what cannot be saved", async ({ db }) => {
    const lead = clients["lead@darlington.example"]!;
    const url = `/partnerships/${p1}/data/access/indicators/${RESTRICTED}`;
    const form = await lead.get(url);
    expect(form.statusCode).toBe(200);
    // Restricted with nobody named: refused, field named, nothing saved.
    const empty = await lead.post(url, { tier: "restricted" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Name at least one person or organisation");
    // A forged reader id (not offered on the form) is refused.
    const forged = await lead.post(url, { tier: "restricted", userIds: "00000000-0000-4000-8000-000000000000" });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("Choose people from the list");
    const badAgreement = await lead.post(url, { tier: "restricted", userIds: namedId, agreementId: "DSA-1" });
    expect(badAgreement.statusCode).toBe(400);
    // Another partnership's agreement is not on the list: refused, field named.
    const theirs = await lead.post(url, { tier: "restricted", userIds: namedId, agreementId: otherAgreementId });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.body).toContain("Choose an agreement from the list");
    expect((await findIndicator(db, RESTRICTED))!.accessTier).toBeNull();
    // A viewer may not change it.
    expect(
      (await clients["viewer@darlington.example"]!.post(url, { tier: "public" })).statusCode,
    ).toBeGreaterThanOrEqual(403);
    // The agreement's parties (the trust) become readers: no organisation ticked by hand.
    expect((await lead.get(url)).body).toContain("Pupil data agreement");
    const saved = await lead.post(url, { tier: "restricted", userIds: namedId, agreementId: ownAgreementId });
    expect(saved.statusCode).toBe(303);
    const readers = await db.select().from(indicatorReaders);
    expect(readers.filter((r) => r.organisationId === readerOrgId && r.agreementId === ownAgreementId)).toHaveLength(1);
    expect((await findIndicator(db, RESTRICTED))!.accessTier).toBe("restricted");
    expect(await audits(db, "indicator.access-changed")).toHaveLength(1);
    const list = await lead.get(`/partnerships/${p1}/data/access`);
    expect(list.body).toContain("Restricted");
  });

  test("named people and the people of a named organisation read it, each read audited", async ({ api, db }) => {
    for (const email of ["named@darlington.example", "analyst@trust.example"]) {
      const before = (await audits(db, "indicator.read-restricted", email)).length;
      const response = await api(`/api/v1/indicators/${RESTRICTED}/data`, tokens[email]!);
      expect(response.statusCode, email).toBe(200);
      expect(darlington(response.json())).toHaveLength(2);
      const page = await clients[email]!.get(`/partnerships/${p1}/profile`);
      expect(page.body.includes(`id="${RESTRICTED}"`), email).toBe(true);
      const after = await audits(db, "indicator.read-restricted", email);
      expect(after.length, email).toBeGreaterThanOrEqual(before + 2);
      expect(after.at(-1)!.at).toBeInstanceOf(Date);
    }
  });

  test("a page view audits each restricted read once, however many of its parts read the catalogue", async ({ db }) => {
    const named = clients["named@darlington.example"]!;
    // Monitoring reads the catalogue for its measures and for "worse and worsening"; the profile
    // for its panels and their areas. One view is one read of the restricted indicator.
    for (const page of [`/partnerships/${p1}/monitoring`, `/partnerships/${p1}/profile`]) {
      const before = (await audits(db, "indicator.read-restricted", "named@darlington.example")).length;
      expect((await named.get(page)).statusCode, page).toBe(200);
      const after = (await audits(db, "indicator.read-restricted", "named@darlington.example")).length;
      expect(after - before, page).toBe(1);
    }
  });

  test("nobody else sees it: not the lead, not another partnership, not the public, not the API without the right token", async ({
    api,
    db,
  }) => {
    for (const email of ["lead@darlington.example", "viewer@darlington.example", "lead@hartlepool.example"]) {
      const before = (await audits(db, "indicator.read-refused", email)).length;
      const response = await api(`/api/v1/indicators/${RESTRICTED}/data`, tokens[email]!);
      expect(response.statusCode, email).toBe(404);
      expect((response.json() as { error: { code: string } }).error.code).toBe("NOT_FOUND");
      expect((await api(`/api/v1/indicators/${RESTRICTED}`, tokens[email]!)).statusCode, email).toBe(404);
      const listed = (await api("/api/v1/indicators", tokens[email]!)).json() as { data: { id: string }[] };
      expect(listed.data.map((row) => row.id)).not.toContain(RESTRICTED);
      expect((await audits(db, "indicator.read-refused", email)).length, email).toBe(before + 2);
    }
    const page = await clients["viewer@darlington.example"]!.get(`/partnerships/${p1}/profile`);
    expect(page.body.includes(`id="${RESTRICTED}"`)).toBe(false);
    // Without a token: 404 too (a restricted indicator is never confirmed to exist), audited as anonymous.
    const anonymous = await api(`/api/v1/indicators/${RESTRICTED}/data`);
    expect(anonymous.statusCode).toBe(404);
    expect(await audits(db, "indicator.read-refused", "anonymous")).toHaveLength(1);
    const open = (await api("/api/v1/indicators")).json() as { data: { id: string }[] };
    expect(open.data.map((row) => row.id)).not.toContain(RESTRICTED);
  });
});

describe("embargo", () => {
  test("an embargoed import is not found until its release time, then appears with no job run", async ({ api, db }) => {
    const lead = clients["lead@darlington.example"]!;
    const indicator = (await findIndicator(db, EMBARGOED))!;
    const [batch] = await db
      .select()
      .from(importBatches)
      .where(eq(importBatches.fileName, `${EMBARGOED}.csv`));
    const url = `/partnerships/${p1}/data/access/batches/${batch!.id}`;
    expect((await lead.get(url)).statusCode).toBe(200);
    // Wrong input: a time without a date, a time that is not one; nothing saved.
    const noDate = await lead.post(url, { releaseDate: "", releaseTime: "09:30" });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain("Enter the release date");
    const badTime = await lead.post(url, { releaseDate: "31/03/2099", releaseTime: "25:00" });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toContain("24-hour UK time");
    // A date in the far future, UK time.
    expect((await lead.post(url, { releaseDate: "1/7/2099", releaseTime: "09:30" })).statusCode).toBe(303);
    const [saved] = await db.select().from(importBatches).where(eq(importBatches.id, batch!.id));
    expect(saved!.embargoUntil!.toISOString()).toBe("2099-07-01T08:30:00.000Z");
    const area = (await db.execute(sql`select id from areas where code = 'E06000005'`)) as unknown as {
      rows: { id: number }[];
    };
    const areaId = Number(area.rows[0]!.id);
    expect(await valuesForArea(db, areaId, [EMBARGOED])).toEqual([]);
    const early = (await api(`/api/v1/indicators/${EMBARGOED}/data`, tokens["lead@darlington.example"]!)).json() as {
      data: unknown[];
    };
    expect(early.data).toEqual([]);
    const page = await lead.get(`/partnerships/${p1}/profile`);
    expect(page.body).not.toMatch(new RegExp(`id="${EMBARGOED}"[\\s\\S]{0,2000}>41<`));
    // The release time passes (set just behind the database's clock): the values appear on the next read.
    await db.execute(
      sql`update import_batches set embargo_until = now() - interval '1 second' where id = ${batch!.id}`,
    );
    expect(await valuesForArea(db, areaId, [EMBARGOED])).toHaveLength(2);
    const later = (await api(`/api/v1/indicators/${EMBARGOED}/data`, tokens["lead@darlington.example"]!)).json();
    expect(darlington(later)).toHaveLength(2);
    expect(indicator.slug).toBe(EMBARGOED);
  });
});
