/**
 * Every file in ../shared/data, as downloaded, is recognised as the kind `cpah import
 * all-shared` loads it as, with the encoding it was published in — without being told.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { readSourceFile, recogniseFile, sharedDataSteps } from "../../src/data/imports/index.ts";
import { detectEncoding } from "../../src/data/imports/source-file.ts";
import { describeWithSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

describeWithSharedData(path.join(SHARED_DATA_DIR, "README.md"))("recognising official files", () => {
  it("tells the kind of every shared file from its top, the kind all-shared imports it as", async () => {
    const steps = await sharedDataSteps(SHARED_DATA_DIR);
    // Boundary files are one per authority: a sample of each layer is enough.
    const sampled = steps.filter(
      (step, i) => !step.kind.endsWith("-boundaries") || steps.findIndex((s) => s.kind === step.kind) + 3 > i,
    );
    const wrong: string[] = [];
    for (const step of sampled) {
      const found = await recogniseFile(await readSourceFile(step.file));
      const kind = found[0]?.importer.kind;
      if (kind !== step.kind)
        wrong.push(`${path.relative(SHARED_DATA_DIR, step.file)}: ${kind ?? "nothing"} (expected ${step.kind})`);
      else expect(found[0]!.reason.length).toBeGreaterThan(10);
    }
    expect(wrong).toEqual([]);
    expect(new Set(sampled.map((step) => step.kind)).size).toBeGreaterThanOrEqual(14);
  });

  it("reads the Scottish data-zone lookup as Windows-1252 and every other CSV as UTF-8", async () => {
    const csvs = ["cilif", "deprivation", "geography"].flatMap((dir) =>
      readdirSync(path.join(SHARED_DATA_DIR, dir))
        .filter((name) => name.endsWith(".csv"))
        .map((name) => path.join(dir, name)),
    );
    const encodings = Object.fromEntries(
      await Promise.all(
        csvs.map(async (file) => [
          file,
          detectEncoding((await readSourceFile(path.join(SHARED_DATA_DIR, file))).bytes)?.encoding,
        ]),
      ),
    );
    for (const [file, encoding] of Object.entries(encodings))
      expect(encoding, file).toBe(file === "geography/scotland-dz2011-lookup.csv" ? "windows-1252" : "utf-8");
  });
});
