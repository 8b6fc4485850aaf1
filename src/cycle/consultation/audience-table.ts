/**
 * Responses by audience and version, from the daily counts, under the disclosure rule of the
 * published consultation ("small-count": 1 to 9 as [c], others rounded to 5, and secondary
 * suppression along every row and column so no withheld cell can be worked out from a total).
 * People who were not asked, or did not say, and those who preferred not to say have rows of
 * their own: they are never dropped and never shared out among the audiences.
 */
import { applyDisclosure, type DisclosureCell, type DisclosureGroup } from "../../data/indicators/index.ts";
import { NOT_ASKED_LABEL, surveyAudienceLabels, surveyAudiences } from "./audience-question.ts";
import { type Version, versions } from "./survey-model.ts";

const NOT_ASKED = "not-asked";
const TOTAL = "total";
const columns = [...versions, TOTAL] as const;
type Column = (typeof columns)[number];

export interface AudienceRow {
  key: string;
  label: string;
  /** Each cell as shown: a rounded count or "[c]". */
  cells: Record<Column, string>;
}

export interface AudienceTable {
  rows: AudienceRow[];
  total: AudienceRow;
  /** First and last day with a response: the period the counts cover. */
  period: { from: string; to: string } | null;
}

export function audienceTable(
  days: { day: string; version: string; audience: string | null; count: number }[],
): AudienceTable {
  const rowKeys = [...surveyAudiences, NOT_ASKED];
  const counts = new Map<string, number>();
  const add = (row: string, column: Column, n: number) =>
    counts.set(`${row}|${column}`, (counts.get(`${row}|${column}`) ?? 0) + n);
  for (const row of days) {
    const key =
      row.audience && (surveyAudiences as readonly string[]).includes(row.audience) ? row.audience : NOT_ASKED;
    const version: Version = row.version === "young" ? "young" : "standard";
    for (const [r, c] of [
      [key, version],
      [key, TOTAL],
      [TOTAL, version],
      [TOTAL, TOTAL],
    ] as const)
      add(r, c, row.count);
  }
  const allRows = [...rowKeys, TOTAL];
  const cells: DisclosureCell[] = allRows.flatMap((row) =>
    columns.map((column) => ({ key: `${row}|${column}`, count: counts.get(`${row}|${column}`) ?? 0 })),
  );
  const groups: DisclosureGroup[] = [
    ...allRows.map((row) => ({ total: `${row}|${TOTAL}`, parts: versions.map((v) => `${row}|${v}`) })),
    ...columns.map((column) => ({ total: `${TOTAL}|${column}`, parts: rowKeys.map((row) => `${row}|${column}`) })),
  ];
  const result = applyDisclosure("small-count", cells, groups);
  const shown = (key: string) => {
    const cell = result.get(key);
    return !cell || cell.suppressed ? "[c]" : String(cell.shown ?? 0);
  };
  const rowOf = (key: string, label: string): AudienceRow => ({
    key,
    label,
    cells: Object.fromEntries(columns.map((column) => [column, shown(`${key}|${column}`)])) as Record<Column, string>,
  });
  const sortedDays = days.map((row) => row.day).sort();
  return {
    rows: [
      ...surveyAudiences.map((audience) => rowOf(audience, surveyAudienceLabels[audience])),
      rowOf(NOT_ASKED, NOT_ASKED_LABEL),
    ],
    total: rowOf(TOTAL, "All responses"),
    period: sortedDays.length ? { from: sortedDays[0]!, to: sortedDays.at(-1)! } : null,
  };
}
