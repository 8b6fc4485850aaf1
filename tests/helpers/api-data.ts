/**
 * Real data for the API tests, from ../shared/data through the real importers: the local
 * authority geography and lookups, the Stat-Xplore export (open data), the Trafford
 * neighbours tidy file's authority rows as Trafford partnership's own small-count data
 * (restricted), and Darlington's small areas (LSOA lookup, IoD2019 files 3 and 6).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import {
  importerFor,
  readSourceFile,
  runImport,
  type SourceFile,
  sourceFromBytes,
} from "../../src/data/imports/index.ts";
import { indicators } from "../../src/data/indicators/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { SHARED_DATA_DIR } from "./shared-data-dir.ts";
import { fixtures, type TestClient } from "./test-app.ts";

const file = (...parts: string[]) => path.join(SHARED_DATA_DIR, ...parts);
export const files = {
  statxplore: file("cilif", "statxplore-children-relative-low-income-ltla-2014-2022.csv"),
  tidy: file("cilif", "trafford-neighbours-children-low-income-tidy.csv"),
  lookup: file("geography", "ltla14-lookup.csv"),
  lsoaLookup: file("geography", "lsoa11-ward19-lad19-lookup.csv"),
  iodDeciles: file("deprivation", "iod2019-file3-idaci-idaopi-lsoa11.csv"),
  iodPopulation: file("deprivation", "iod2019-file6-population-denominators-lsoa11.csv"),
};
export const OPEN = "cilif-relative-children-count";

export const csvRows = (text: string): string[][] =>
  parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The header and Darlington's rows of a small-area file, as text lines. */
export function darlingtonRows(name: string): string[] {
  return readFileSync(name, "utf8")
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || line.includes(",E06000005,"));
}

/** Stat-Xplore figures by authority name for one period column (e.g. "2021/22 (p)"). */
export function statxploreColumn(label: string): Map<string, number> {
  const rows = csvRows(readFileSync(files.statxplore, "utf8"));
  const header = rows.find((r) => r[0] === "Year")!;
  const column = header.indexOf(label);
  expect(column).toBeGreaterThan(0);
  const out = new Map<string, number>();
  for (const row of rows) if (row[column] && /^\d+$/.test(row[column]!)) out.set(row[0]!, Number(row[column]));
  return out;
}

/** Creates a token through the account page and reads the secret shown once. */
export async function createTokenAs(client: TestClient, name: string, days = "30"): Promise<string> {
  const response = await client.post("/account/api-tokens", { name, days });
  expect(response.statusCode).toBe(200);
  const match = /value="(cpah_[A-Za-z0-9_-]+)"[^>]*data-new-token/.exec(response.body);
  expect(match, "token shown once on the page").not.toBeNull();
  return match![1]!;
}

export interface ApiWorld {
  restrictedSlug: string;
  member: TestClient;
  outsider: TestClient;
  memberToken: string;
  outsiderToken: string;
}

/** Imports the data and makes a Trafford member and an outsider, each signed in with a token. */
export async function loadApiWorld({
  database,
  signIn,
}: {
  database: Database;
  signIn: (email: string) => Promise<TestClient>;
}): Promise<ApiWorld> {
  const audit = { actorUserId: null, actorLabel: "api-test" };
  const org = await fixtures.organisation(database, "Trafford Council");
  const trafford = await fixtures.partnership(
    database,
    "Trafford Child Poverty Partnership",
    "england",
    "E08000009",
    "Trafford",
  );
  const steps: { kind: string; source: SourceFile; options: Record<string, unknown>; partnershipId?: string }[] = [
    {
      kind: "geography-topology",
      source: await readSourceFile(file("geography", "uk-local-authorities-topo.json")),
      options: {},
    },
    { kind: "ltla-lookup", source: await readSourceFile(files.lookup), options: {} },
    { kind: "code-changes", source: await readSourceFile(file("geography", "ltla-changes.csv")), options: {} },
    // Tewkesbury is named only in the small-area lookup (mostly left out): skipped and reported, not guessed.
    {
      kind: "statxplore",
      source: await readSourceFile(files.statxplore),
      options: {
        indicator: OPEN,
        title: "Children in relative low income families (under 16s), count",
        skipUnmatched: true,
      },
    },
  ];
  // The tidy file's authority rows (its ward rows need the whole small-area lookup, left out to keep this quick).
  const lines = readFileSync(files.tidy, "utf8")
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || (line !== "" && !line.startsWith("E05")));
  steps.push({
    kind: "tidy",
    source: sourceFromBytes("trafford-neighbours-la.csv", Buffer.from(lines.join("\n"))),
    options: { publisher: "Trafford Council", disclosure: "small-count" },
    partnershipId: trafford.id,
  });
  // Darlington's small areas only: its rows of the LSOA lookup and of IoD2019 files 3 (deciles) and 6 (children).
  for (const [kind, name] of [
    ["lsoa-lookup", files.lsoaLookup],
    ["iod", files.iodDeciles],
    ["iod", files.iodPopulation],
  ] as const) {
    steps.push({
      kind,
      source: sourceFromBytes(path.basename(name), Buffer.from(darlingtonRows(name).join("\n"))),
      options: {},
    });
  }
  for (const step of steps) {
    const report = await runImport(database.db, {
      importer: importerFor(step.kind)!,
      file: step.source,
      options: step.options,
      dryRun: false,
      audit,
      partnershipId: step.partnershipId ?? null,
    });
    expect(report.errors, step.kind).toEqual([]);
  }
  const own = await database.db.select().from(indicators).where(eq(indicators.partnershipId, trafford.id));
  await fixtures.user(database, "member@trafford.example", org.id, { roles: [[trafford.id, "viewer"]] });
  await fixtures.user(database, "outsider@elsewhere.example", org.id);
  const member = await signIn("member@trafford.example");
  const outsider = await signIn("outsider@elsewhere.example");
  return {
    restrictedSlug: own.find((row) => row.slug.includes("relative"))!.slug,
    member,
    outsider,
    memberToken: await createTokenAs(member, "Member script"),
    outsiderToken: await createTokenAs(outsider, "Outsider script"),
  };
}
