/**
 * Generates the built-in reference geography, src/data/geography/reference/uk-geography.json,
 * from the official files (ONS, NRS) — the raw files are never committed, this compact file is.
 *
 *   npx tsx scripts/reference-geography.ts [dir] [--lookup more.csv …] [--check]
 *
 * dir (default ../shared/data/geography) holds uk-local-authorities-topo.json, ltla14-lookup.csv,
 * ltla-changes.csv, lsoa11-ward19-lad19-lookup.csv (authority names of 2019) and
 * scotland-dz2011-lookup.csv (councils → health boards). --lookup adds any ONS lookup from
 * authorities to a higher geography (e.g. LAD → Welsh local health board, LAD → ICB).
 * --check exits 1 when the committed file differs from what the files give.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import {
  buildReferenceGeography,
  type ReferenceGeography,
  type TopologyInput,
} from "../src/data/geography/reference/build-reference.ts";
import { serialiseReference } from "../src/data/geography/reference/reference-file.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const extra = args.flatMap((arg, i) => (args[i - 1] === "--lookup" ? [arg] : []));
const dir = path.resolve(
  args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--lookup") ??
    path.join(root, "..", "shared", "data", "geography"),
);
const output = path.join(root, "src/data/geography/reference/uk-geography.json");

/** UTF-8 when valid (BOM dropped), else Windows-1252 as NRS publishes. */
function text(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const sources: ReferenceGeography["sources"] = [];
function read(file: string, what: string): string | null {
  const full = path.isAbsolute(file) ? file : path.join(dir, file);
  if (!existsSync(full)) return null;
  const bytes = readFileSync(full);
  sources.push({ file: path.basename(full), sha256: createHash("sha256").update(bytes).digest("hex"), what });
  return text(bytes);
}
const csv = (content: string | null) =>
  content === null
    ? undefined
    : (parse(content, { columns: true, skip_empty_lines: true }) as Record<string, string>[]);

const topology = read("uk-local-authorities-topo.json", "ONS local authority boundaries (names, validity, tiers)");
if (!topology) {
  process.stderr.write(`reference-geography: ${path.join(dir, "uk-local-authorities-topo.json")} not found\n`);
  process.exit(2);
}
const built = buildReferenceGeography({
  topology: JSON.parse(topology) as TopologyInput,
  ltlaLookup: csv(read("ltla14-lookup.csv", "ONS local authority → county, combined authority, region, country")),
  changes: csv(read("ltla-changes.csv", "ONS code changes")),
  lookups: [
    csv(read("lsoa11-ward19-lad19-lookup.csv", "ONS LSOA → ward → local authority (2019): authority names of 2019")),
    csv(read("scotland-dz2011-lookup.csv", "NRS data zone lookup: council → health board")),
    ...extra.map((file) => csv(read(file, "authority → higher geography lookup"))),
  ].filter((rows): rows is Record<string, string>[] => rows !== undefined),
});
const content = serialiseReference(built, sources);
if (check) {
  const committed = existsSync(output) ? readFileSync(output, "utf8") : "";
  if (committed !== content) {
    process.stderr.write(`reference-geography: ${path.relative(root, output)} is not what the files in ${dir} give\n`);
    process.exit(1);
  }
  process.stdout.write("reference-geography: up to date\n");
} else {
  writeFileSync(output, content);
  process.stdout.write(
    `reference-geography: ${built.areas.length} areas, ${built.parents.length} parent links, ${built.changes.length} code changes, ${built.formerNames.length} former names → ${path.relative(root, output)} (${(content.length / 1024).toFixed(0)} KB)\n`,
  );
}
