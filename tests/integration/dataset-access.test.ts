/**
 * Access tiers for a whole dataset (issue 15: "for every indicator and dataset"): the data access
 * page groups a partnership's own indicators by dataset; one form sets the tier and readers of
 * every indicator of the dataset together, all or nothing, each change audited; other datasets
 * are untouched; only the partnership's managers reach it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { findIndicator, tierOf } from "../../src/data/indicators/index.ts";
import { datasetKey } from "../../src/data/indicators/dataset-access-routes.ts";
import { indicatorReaders } from "../../src/data/indicators/tables.ts";
import { auditLog } from "../../src/kernel/audit/tables.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { areaInputs } from "../helpers/areas.ts";
import type { TestClient } from "../helpers/test-app.ts";

const DATASET = "School census extract / pupil level (2024)";
let p1: string;
let trustId: string;
const clients: Record<string, TestClient> = {};

async function importOwn(db: Db, dataset: string, slugs: string[]) {
  const rows = slugs.map((slug) => `E06000005,2023/24,${slug},42,count`);
  const report = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes(
      `${slugs[0]}.csv`,
      Buffer.from(`area_code,period,indicator,value,measure\n${rows.join("\n")}\n`),
    ),
    options: { disclosure: "small-count", publisher: "Darlington Borough Council", dataset },
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "dataset-access-test" },
    partnershipId: p1,
  });
  expect(report.errors).toEqual([]);
}

const tiers = async (db: Db, slugs: string[]) =>
  Promise.all(slugs.map(async (slug) => tierOf((await findIndicator(db, slug))!)));

test.beforeAll(async ({ db, fixtures, signIn }) => {
  const council = await fixtures.organisation("Darlington Borough Council");
  trustId = (await fixtures.organisation("Tees Valley Health Trust", "health")).id;
  p1 = (await fixtures.partnership("Darlington Partnership", "england", "E06000005", "Darlington")).id;
  const p2 = (await fixtures.partnership("Hartlepool Partnership", "england", "E06000001", "Hartlepool")).id;
  await fixtures.user("lead@dataset.example", council.id, { roles: [[p1, "lead"]] });
  await fixtures.user("viewer@dataset.example", council.id, { roles: [[p1, "viewer"]] });
  await fixtures.user("lead@other.example", council.id, { roles: [[p2, "lead"]] });
  await upsertAreas(db, areaInputs("E06000005:Darlington", "E06000001:Hartlepool"));
  await importOwn(db, DATASET, ["dataset-pupils-fsm", "dataset-pupils-sen"]);
  await importOwn(db, "Food bank referrals", ["dataset-foodbank"]);
  for (const email of ["lead@dataset.example", "viewer@dataset.example", "lead@other.example"])
    clients[email] = await signIn(email);
});

describe("access for a whole dataset", () => {
  const url = () => `/partnerships/${p1}/data/access/datasets/${datasetKey(DATASET)}`;
  const pupils = ["dataset-pupils-fsm", "dataset-pupils-sen"];

  test("is offered by dataset on the data access page, to managers only", async () => {
    const lead = clients["lead@dataset.example"]!;
    const list = await lead.get(`/partnerships/${p1}/data/access`);
    expect(list.body).toContain(url());
    expect(list.body).toContain("(2 indicators)");
    const page = await lead.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Who may read these 2 indicators");
    expect((await clients["viewer@dataset.example"]!.get(url())).statusCode).toBe(403);
    expect([403, 404]).toContain((await clients["lead@other.example"]!.get(url())).statusCode);
    expect((await lead.get(`/partnerships/${p1}/data/access/datasets/0123456789abcdef`)).statusCode).toBe(404);
  });

  test("refuses a restricted tier with nobody named, naming the field, and changes nothing", async ({ db }) => {
    const response = await clients["lead@dataset.example"]!.post(url(), { tier: "restricted" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#userIds"');
    expect(await tiers(db, pupils)).toEqual(["partnership", "partnership"]);
  });

  test("sets every indicator of the dataset together, audited each, and leaves other datasets alone", async ({
    db,
  }) => {
    const response = await clients["lead@dataset.example"]!.post(url(), {
      tier: "restricted",
      organisationIds: trustId,
    });
    expect(response.statusCode).toBe(303);
    expect(await tiers(db, pupils)).toEqual(["restricted", "restricted"]);
    expect(await tiers(db, ["dataset-foodbank"])).toEqual(["partnership"]);
    const ids = await Promise.all(pupils.map(async (slug) => (await findIndicator(db, slug))!.id));
    const readers = await db.select().from(indicatorReaders).where(inArray(indicatorReaders.indicatorId, ids));
    expect(readers.map((r) => r.organisationId)).toEqual([trustId, trustId]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "indicator.access-changed"), inArray(auditLog.entityId, pupils)));
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => (a.after as { setForDataset?: string }).setForDataset === DATASET)).toBe(true);
    // The form now shows the access the dataset's indicators share.
    const page = await clients["lead@dataset.example"]!.get(url());
    expect(page.body).toMatch(/value="restricted"[^>]*checked/);
  });
});
