import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";
import { importerFor, readSourceFile, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { fixtures } from "../helpers/test-app.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const audit = { actorUserId: null, actorLabel: "official-values-test" };
let database: Database;
let partnershipId: string;

const EXPORT = `"Year","2020/21","2021/22 (p)",
"National - Regional - LA - OAs",
"Darlington",6989,6070,
"Hartlepool",6692,5870,
"Total",13681,11940,
`;

function importFile(kind: string, name: string, text: string, options: Record<string, unknown>, lead: boolean) {
  return runImport(database.db, {
    importer: importerFor(kind)!,
    file: sourceFromBytes(name, Buffer.from(text)),
    options,
    dryRun: false,
    audit,
    partnershipId,
    ...(lead ? { mayChangeNational: false } : {}),
  });
}

describeWithSharedData(path.join(dataDir, "README.md"))("official values and a partnership's own files", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const report = await runImport(database.db, {
      importer: importerFor("geography-topology")!,
      file: await readSourceFile(path.join(dataDir, "geography/uk-local-authorities-topo.json")),
      options: {},
      dryRun: false,
      audit,
    });
    expect(report.errors).toEqual([]);
    partnershipId = (await fixtures.partnership(database, "Darlington (fictional)", "england", "E06000005")).id;
    const statxplore = await importFile(
      "statxplore",
      "export.csv",
      EXPORT,
      {
        indicator: "our-children-count",
        title: "Children (fictional test)",
        dataset: "Children in Low Income Families",
      },
      true,
    );
    expect(statxplore.errors).toEqual([]);
  }, 120_000);
  afterAll(() => database?.close());

  it("refuses a lead's tidy file that would change a figure from the Stat-Xplore export, and changes nothing", async () => {
    const tidy = "area_code,period,indicator,value\nE06000005,2021/22,our-children-count,6100\n";
    const dry = await runImport(database.db, {
      importer: importerFor("tidy")!,
      file: sourceFromBytes("ours.csv", Buffer.from(tidy)),
      options: {},
      dryRun: true,
      audit,
      partnershipId,
      mayChangeNational: false,
    });
    expect(dry.ok).toBe(false);
    const refused = await importFile("tidy", "ours.csv", tidy, {}, true);
    expect(refused.ok).toBe(false);
    expect(refused.errors[0]!.message).toMatch(
      /would replace 1 values that came from published official statistics \(our-children-count 2021\/22 E06000005 from export.csv\)/,
    );
    expect(refused.batchId).toBeUndefined();
  });

  it("lets the lead add figures for another period, and an administrator correct the official one", async () => {
    const added = await importFile(
      "tidy",
      "later.csv",
      "area_code,period,indicator,value\nE06000005,2022/23,our-children-count,6200\n",
      {},
      true,
    );
    expect(added.errors).toEqual([]);
    const corrected = await importFile(
      "tidy",
      "correction.csv",
      "area_code,period,indicator,value\nE06000005,2021/22,our-children-count,6100\n",
      {},
      false,
    );
    expect(corrected.errors).toEqual([]);
    expect(corrected.valuesReplaced).toBe(1);
  });
});
