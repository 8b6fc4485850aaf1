import { readdir } from "node:fs/promises";
import path from "node:path";

/** One step of loading a folder laid out like ../shared/data. */
export interface ImportStep {
  kind: string;
  file: string;
  options: Record<string, unknown>;
}

/**
 * The order matters: areas before lookups, code changes before neighbours (which use new
 * codes), geography before any data. Files that are absent are skipped by the caller.
 */
export async function sharedDataSteps(dir: string): Promise<ImportStep[]> {
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const steps: ImportStep[] = [
    { kind: "geography-topology", file: at("geography", "uk-local-authorities-topo.json"), options: {} },
    { kind: "ltla-lookup", file: at("geography", "ltla14-lookup.csv"), options: {} },
    { kind: "code-changes", file: at("geography", "ltla-changes.csv"), options: {} },
    { kind: "lsoa-lookup", file: at("geography", "lsoa11-ward19-lad19-lookup.csv"), options: {} },
    // Published by National Records of Scotland in Windows-1252 (Gaelic names with accents).
    { kind: "dz-lookup", file: at("geography", "scotland-dz2011-lookup.csv"), options: { encoding: "windows-1252" } },
    { kind: "neighbours", file: at("geography", "lad21-geographic-neighbours.json"), options: {} },
    {
      kind: "comparison-group",
      file: at("geography", "trafford-cipfa-nearest-neighbours-2021.csv"),
      options: { name: "Trafford CIPFA nearest neighbours (2021)", kind: "cipfa", subject: "E08000009" },
    },
  ];
  for (const [kind, folder] of [
    ["lsoa-boundaries", "lsoa11-topojson-by-lad"],
    ["msoa-boundaries", "msoa11-topojson-by-lad"],
  ] as const) {
    let files: string[] = [];
    try {
      files = (await readdir(at("geography", folder))).filter((f) => f.endsWith(".json")).sort();
    } catch {
      files = [];
    }
    for (const file of files) steps.push({ kind, file: at("geography", folder, file), options: {} });
  }
  steps.push(
    {
      kind: "statxplore",
      file: at("cilif", "statxplore-children-relative-low-income-ltla-2014-2022.csv"),
      options: {
        indicator: "cilif-relative-children-count",
        title: "Children in relative low income families (under 16s), count",
      },
    },
    {
      kind: "tidy",
      file: at("cilif", "trafford-neighbours-children-low-income-tidy.csv"),
      options: {
        publisher: "Department for Work and Pensions",
        dataset: "Children in low income families",
        disclosure: "none",
      },
    },
    { kind: "iod", file: at("deprivation", "iod2019-file3-idaci-idaopi-lsoa11.csv"), options: {} },
    { kind: "iod", file: at("deprivation", "iod2019-file6-population-denominators-lsoa11.csv"), options: {} },
    { kind: "iod", file: at("deprivation", "iod2019-indicators-lsoa11.csv"), options: {} },
    { kind: "wimd", file: at("deprivation", "wimd2019-scores-lsoa11.csv"), options: {} },
    { kind: "simd", file: at("deprivation", "simd2020v2-ranks-dz11.csv"), options: {} },
    { kind: "simd", file: at("deprivation", "simd2020-indicators-dz11.csv"), options: {} },
  );
  return steps;
}
