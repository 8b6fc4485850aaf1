import type { SharingPrinciplesRow } from "./repository.ts";
import type { SharingCriteria } from "./risk.ts";
import { statusOf } from "./agreement-view.ts";
import { dataLevelLabels, dataLevels, type RiskLevel, riskLevels, volumeLabels, volumes } from "./vocabulary.ts";

interface AgreementRisk {
  partnershipId: string;
  riskLevel: string;
  status: string;
  endDate: string | null;
}

/**
 * Agreements by risk level per partnership: those not ended and not expired (drafts included,
 * since they are about to be in force). Every partnership of the nation gets a row, with zeros.
 */
export function riskCounts(
  partnerships: { id: string; name: string; areaName: string }[],
  rows: AgreementRisk[],
  today: string,
) {
  const counted = rows.filter((row) => statusOf(row, today) !== "expired" && row.status !== "ended");
  const byArea = partnerships.map((partnership) => {
    const own = counted.filter((row) => row.partnershipId === partnership.id);
    const counts = Object.fromEntries(
      riskLevels.map((level) => [level, own.filter((row) => row.riskLevel === level).length]),
    ) as Record<RiskLevel, number>;
    return { ...partnership, counts, total: own.length };
  });
  const totals = Object.fromEntries(
    riskLevels.map((level) => [level, byArea.reduce((sum, row) => sum + row.counts[level], 0)]),
  ) as Record<RiskLevel, number>;
  return { rows: byArea, totals, total: counted.length };
}

/** The principles as a table: each criterion, the answer it applies to, and its points. */
export function criteriaRows(criteria: SharingCriteria) {
  return [
    ...dataLevels.map((level) => ({
      criterion: "Identifiability",
      when: dataLevelLabels[level],
      points: criteria.level[level],
    })),
    { criterion: "Sensitivity", when: "Special category data is shared", points: criteria.specialCategory },
    { criterion: "Children's data", when: "Data about children is shared", points: criteria.childrenData },
    ...volumes.map((volume) => ({ criterion: "Volume", when: volumeLabels[volume], points: criteria.volume[volume] })),
    { criterion: "Onward sharing", when: "Recipients may share the data onwards", points: criteria.onwardSharing },
  ];
}

/** One version of the principles for the page that shows it, with every version linked. */
export function principlesPage(
  versions: SharingPrinciplesRow[],
  shown: SharingPrinciplesRow | undefined,
  versionHref: (version: number) => string,
) {
  const latest = versions[0];
  return {
    shown: shown ? { ...shown, rows: criteriaRows(shown.criteria), isLatest: shown.version === latest?.version } : null,
    versions: versions.map((row) => ({
      version: row.version,
      createdAt: row.createdAt,
      savedByName: row.savedByName,
      note: row.note,
      href: versionHref(row.version),
      current: row.version === shown?.version,
    })),
  };
}
