/**
 * The geography page's facts: which small-area and ward geographies are loaded (by code prefix
 * and edition), what each lets the hub do, and the latest geography imports. Authorities and
 * everything above them are built in (reference geography), so only these are listed.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { countAreasByPrefix } from "../geography/index.ts";
import { latestBatchesOfKinds } from "../indicators/index.ts";
import { importers } from "./registry.ts";

interface Geography {
  prefix: string;
  label: string;
  loadedBy: string;
  unlocks: string;
}

const GEOGRAPHIES: readonly Geography[] = [
  {
    prefix: "E01",
    label: "LSOAs in England",
    loadedBy: "ONS LSOA lookup (LSOA11CD or LSOA21CD with LAD…CD), or LSOA boundaries by authority",
    unlocks: "English indices of deprivation, LSOA files, small-area maps and localities in England",
  },
  {
    prefix: "W01",
    label: "LSOAs in Wales",
    loadedBy: "ONS LSOA lookup, or LSOA boundaries by authority",
    unlocks: "Welsh Index of Multiple Deprivation, LSOA files, small-area maps and localities in Wales",
  },
  {
    prefix: "S01",
    label: "Data zones in Scotland",
    loadedBy: "NRS data zone lookup (DZ2011_Code or DataZone2022)",
    unlocks: "Scottish Index of Multiple Deprivation, data zone files, small-area maps and localities in Scotland",
  },
  {
    // NISRA's super output area codes are 95, the 1992 district and the ward (95AA01S1): counted together.
    prefix: "95",
    label: "Super output areas in Northern Ireland",
    loadedBy:
      "the NIMDM 2017 SOA results file itself (an official import editors and leads may make): each SOA is added in the district it gives",
    unlocks: "the NIMDM panel on Northern Ireland district profiles",
  },
  {
    prefix: "N00",
    label: "Small areas in Northern Ireland",
    loadedBy: "the NIMDM 2017 Small Area results file itself",
    unlocks: "NIMDM figures by small area",
  },
  {
    prefix: "E02",
    label: "MSOAs in England",
    loadedBy: "ONS lookup with MSOA columns, or MSOA boundaries by authority",
    unlocks: "MSOA Stat-Xplore exports and MSOA maps in England",
  },
  {
    prefix: "W02",
    label: "MSOAs in Wales",
    loadedBy: "ONS lookup with MSOA columns, or MSOA boundaries by authority",
    unlocks: "MSOA Stat-Xplore exports and MSOA maps in Wales",
  },
  {
    prefix: "S02",
    label: "Intermediate zones in Scotland",
    loadedBy: "NRS data zone lookup",
    unlocks: "intermediate zone Stat-Xplore exports in Scotland",
  },
  {
    prefix: "E05",
    label: "Electoral wards in England",
    loadedBy: "ONS lookup with ward columns (WD…CD)",
    unlocks: "ward Stat-Xplore exports in England",
  },
  {
    prefix: "W05",
    label: "Electoral wards in Wales",
    loadedBy: "ONS lookup with ward columns (WD…CD)",
    unlocks: "ward Stat-Xplore exports in Wales",
  },
  {
    prefix: "S13",
    label: "Multi-member wards in Scotland",
    loadedBy: "NRS data zone lookup (MMWard_Code)",
    unlocks: "ward Stat-Xplore exports in Scotland",
  },
];

const count = (n: number) => n.toLocaleString("en-GB");

export async function geographyCoverage(db: Executor) {
  const counts = await countAreasByPrefix(db, ["lsoa", "msoa", "ward", "small-area"]);
  const nationalKinds = [...importers.values()].filter((i) => i.scope === "national").map((i) => i.kind);
  const batches = await latestBatchesOfKinds(db, nationalKinds);
  const rows = GEOGRAPHIES.map((geography) => {
    const editions = counts.filter((c) => c.prefix === geography.prefix);
    const total = editions.reduce((sum, c) => sum + c.count, 0);
    return {
      ...geography,
      loaded: total > 0,
      editions:
        editions
          .map((c) => `${count(c.count)} ${c.vintage ? `(${c.vintage} edition)` : "(edition not recorded)"}`)
          .join(", ") || "None",
    };
  });
  return {
    rows,
    missing: rows.filter((row) => !row.loaded).length,
    imports: batches
      .sort((a, b) => b.id - a.id)
      .map((batch) => ({
        kind: importers.get(batch.kind)?.label ?? batch.kind,
        fileName: batch.fileName,
        by: batch.actorLabel,
        at: batch.completedAt ?? batch.startedAt,
      })),
  };
}
