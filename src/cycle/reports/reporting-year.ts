/**
 * The reporting year whose report is due now: the latest year (1 April – 31 March) that has
 * ended. On 23 November 2026 that is "2025/26"; it becomes "2026/27" on 1 April 2027.
 */
export function currentReportingYear(todayIso: string): string {
  const [year, month] = todayIso.split("-").map(Number) as [number, number];
  const start = month >= 4 ? year - 1 : year - 2;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
