/** The kinds of report a partnership produces, and which fit its nation. */
export const reportTypes = ["lcpar", "progress", "strategic", "annual-update"] as const;
export type ReportType = (typeof reportTypes)[number];

export const reportTypeLabels: Record<ReportType, string> = {
  lcpar: "Local Child Poverty Action Report",
  progress: "Annual strategy progress report",
  strategic: "Strategic report (multi-year)",
  "annual-update": "Annual progress update (light, under a strategic report)",
};

export const reportTypeHints: Record<ReportType, string> = {
  lcpar:
    "Joint annual report of the council and each health board, covering the four elements of section 13 of the Child Poverty (Scotland) Act 2017.",
  progress: "Progress of the joint strategy in the year: by priority, by RAG status, spend, reach and indicators.",
  strategic:
    "The 3–4-yearly report on the whole strategy: vision, priorities and the evidence behind them, and progress so far.",
  "annual-update":
    "A shorter yearly update between strategic reports: status, income maximisation, indicators and case studies.",
};

/** Scotland reports through the statutory LCPAR; elsewhere the strategy progress report. */
export function reportTypesFor(nation: string): ReportType[] {
  return nation === "scotland" ? ["lcpar", "strategic", "annual-update"] : ["progress", "strategic", "annual-update"];
}

const YEAR = /^(\d{4})\/(\d{2})$/;

export function isReportingYear(text: string): boolean {
  const match = YEAR.exec(text);
  return !!match && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** 1 April – 31 March, and the label of the following year (for measures proposed). */
export function yearBounds(reportingYear: string): { start: string; end: string; next: string; startYear: number } {
  const match = YEAR.exec(reportingYear);
  if (!match || !isReportingYear(reportingYear)) throw new Error(`Not a reporting year: ${reportingYear}`);
  const startYear = Number(match[1]);
  return {
    startYear,
    start: `${startYear}-04-01`,
    end: `${startYear + 1}-03-31`,
    next: `${startYear + 1}/${String((startYear + 2) % 100).padStart(2, "0")}`,
  };
}

/** The reporting years offered: the current one (latest ended) and the two before and one after. */
export function selectableYears(current: string): string[] {
  const { startYear } = yearBounds(current);
  return [startYear + 1, startYear, startYear - 1, startYear - 2].map(
    (year) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
  );
}
