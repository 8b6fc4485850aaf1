import type { Importer } from "./importer.ts";
import { sampleFile } from "./file-sample.ts";
import { RECOGNISERS } from "./recognisers.ts";
import { importers } from "./registry.ts";
import type { SourceFile } from "./source-file.ts";

export interface Recognition {
  importer: Importer;
  /** Why, in plain words: "English indices of deprivation 2019: LSOA code (2011) with 12 measure columns". */
  reason: string;
}

/**
 * Every kind the file could be, most particular first (recognisers.ts), among `allowed` (the
 * kinds this person may load) — or all of them. The first is the one an import without a kind
 * uses; the others are offered as alternatives. Empty when nothing recognises the file.
 */
export async function recogniseFile(file: SourceFile, allowed?: readonly Importer[]): Promise<Recognition[]> {
  const sample = await sampleFile(file);
  const found: Recognition[] = [];
  for (const [kind, recognise] of RECOGNISERS) {
    const importer = importers.get(kind);
    if (!importer || (allowed && !allowed.includes(importer))) continue;
    const reason = recognise(sample);
    if (reason) found.push({ importer, reason });
  }
  return found;
}

/** What a file that nothing recognised looked like, for the message that asks for its kind. */
export async function unrecognisedText(file: SourceFile): Promise<string> {
  const sample = await sampleFile(file);
  if (sample.format === "json") return "a JSON file that is not a boundary or neighbours file this service knows";
  if (sample.format === "unknown") return "not a CSV, Excel (.xlsx or .xls) or JSON file this service can read";
  const header = sample.table.header.filter(Boolean);
  return header.length === 0
    ? "a file with no header row"
    : `a table whose first row is: ${header.slice(0, 8).join(", ")}${header.length > 8 ? ", …" : ""}`;
}
