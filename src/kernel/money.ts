/**
 * Pounds and pence. Minimal: the two functions the form kit needs, moved out of the strategy
 * domain with it (issue 10); the shared money module of branch i10-utils supersedes this file.
 */

/** "£1,234.56", "1234.5" or "1234" to pence; null when not money. */
export function parsePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, "").replace(/,/g, "").trim();
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pence = ""] = cleaned.split(".");
  return Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
}

// One formatter: toLocaleString builds a new one on every call, which is slow in loops.
const poundsFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatPounds(pence: number | null | undefined, options: { symbol?: boolean } = {}): string {
  if (pence === null || pence === undefined) return "";
  const text = poundsFormat.format(pence / 100);
  return options.symbol === false ? text : `£${text}`;
}
