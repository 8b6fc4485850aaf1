/**
 * Money, the one way: amounts are whole pence (integers, never floating-point pounds), read
 * from what people type and written for pages and exports.
 */

/** The largest amount read: £999,999,999,999.99 fits a bigint column and is exact as a JS number. */
const MAX_POUND_DIGITS = 12;

/**
 * "£12,500.50", "12500.5", "£ 1,000" or "1000" → pence, exactly. Commas are accepted only as
 * thousands separators in the right places ("12,50" and "1,2345" are refused, never guessed).
 * Null when the text is not an amount: empty, negative, more than two decimals, exponents.
 */
export function parsePounds(text: string): number | null {
  const value = text.trim().replace(/^£\s*/, "");
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const pounds = match[1]!.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  if (pounds.length > MAX_POUND_DIGITS) return null;
  return Number(pounds) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function parts(pence: number): { sign: string; pounds: string; pence: string } {
  const abs = Math.abs(Math.round(pence));
  return {
    sign: pence < 0 ? "-" : "",
    pounds: String(Math.floor(abs / 100)),
    pence: String(abs % 100).padStart(2, "0"),
  };
}

/**
 * Pence for people: 1250050 → "£12,500.50", -500 → "-£5.00"; `{ symbol: false }` → "12,500.50".
 * Missing is "", so callers label it ("Not recorded") rather than show zero.
 */
export function formatPounds(pence: number | null | undefined, options: { symbol?: boolean } = {}): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return "";
  const { sign, pounds, pence: fraction } = parts(pence);
  const grouped = pounds.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${options.symbol === false ? "" : "£"}${grouped}.${fraction}`;
}

/** Pence for exports, a plain decimal a spreadsheet reads as a number: 1250050 → "12500.50". */
export function penceToDecimal(pence: number): string {
  const { sign, pounds, pence: fraction } = parts(pence);
  return `${sign}${pounds}.${fraction}`;
}
