import { type Actor, coordinatedNations, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { driverLabel, familyTypeLabel } from "../../cycle/actions/index.ts";
import { supportTypeLabel } from "../support-offer/index.ts";
import type { EntryRow } from "./repository.ts";
import type { SearchHit } from "./search.ts";
import { entryStatusLabels, type EntryStatus, evidenceLevelName, evidenceLevels, practiceLabel } from "./vocabulary.ts";

/** The nations whose entries the actor keeps: coordinators' nations, every nation for administrators. */
export const managedNations = coordinatedNations;

export function canManageEntry(actor: Actor | null, entry: { nation: string }): boolean {
  return managedNations(actor).includes(entry.nation as Nation);
}

const list = (codes: string[], label: (code: string) => string) => codes.map(label).join("; ");

/** Every label an entry's page shows. */
export function entryLabels(entry: EntryRow) {
  return {
    kind: practiceLabel(entry.kind),
    status: entryStatusLabels[entry.status as EntryStatus] ?? entry.status,
    level: evidenceLevelName(entry.evidenceLevel),
    levelDefinition: evidenceLevels.find((item) => item.level === entry.evidenceLevel)?.definition ?? "",
    cost: practiceLabel(entry.costBand),
    nation: nationLabels[entry.nation as Nation] ?? entry.nation,
    drivers: list(entry.drivers, driverLabel),
    blocks: list(entry.buildingBlocks, driverLabel),
    families: list(entry.familyTypes, familyTypeLabel),
    types: list(entry.supportTypes, supportTypeLabel),
    settings: list(entry.settings, practiceLabel),
    visibility: practiceLabel(entry.visibility),
  };
}

/** A search result with its labels and its tags in one line. */
export function hitView(hit: SearchHit) {
  return {
    ...hit,
    kindLabel: practiceLabel(hit.kind),
    nationLabel: nationLabels[hit.nation as Nation] ?? hit.nation,
    levelName: evidenceLevelName(hit.evidenceLevel),
    costLabel: practiceLabel(hit.costBand).split(":")[0],
    tags: [
      ...hit.drivers.map(driverLabel),
      ...hit.buildingBlocks.map(driverLabel),
      ...hit.familyTypes.map(familyTypeLabel),
      ...hit.supportTypes.map(supportTypeLabel),
      ...hit.settings.map(practiceLabel),
    ],
  };
}
