import type { Importer } from "./importer.ts";
import { lsoaBoundariesImporter, msoaBoundariesImporter } from "./importers/boundaries.ts";
import { codeChangesImporter } from "./importers/code-changes.ts";
import { comparisonGroupImporter } from "./importers/comparison-group.ts";
import { iodImporter, simdImporter, wimdImporter } from "./importers/deprivation.ts";
import { dzLookupImporter, lsoaLookupImporter, ltlaLookupImporter } from "./importers/geography-lookups.ts";
import { geographyTopologyImporter } from "./importers/geography-topology.ts";
import { nimdmImporter } from "./importers/nimdm.ts";
import { neighboursImporter } from "./importers/neighbours.ts";
import { lsoaChangesImporter } from "./importers/small-area-changes.ts";
import { statxploreImporter } from "./importers/statxplore.ts";
import { tidyImporter } from "./importers/tidy.ts";
import { wideImporter } from "./importers/wide.ts";

/** Every import kind, by the name used on the CLI and the upload page. */
export const importers: ReadonlyMap<string, Importer> = new Map(
  (
    [
      geographyTopologyImporter,
      ltlaLookupImporter,
      codeChangesImporter,
      lsoaLookupImporter,
      dzLookupImporter,
      lsoaChangesImporter,
      lsoaBoundariesImporter,
      msoaBoundariesImporter,
      neighboursImporter,
      comparisonGroupImporter,
      statxploreImporter,
      iodImporter,
      simdImporter,
      wimdImporter,
      nimdmImporter,
      tidyImporter,
      wideImporter,
    ] as Importer[]
  ).map((importer) => [importer.kind, importer]),
);

export function importerFor(kind: string): Importer | undefined {
  return importers.get(kind);
}
