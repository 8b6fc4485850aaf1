import { FLAG } from "../indicators/index.ts";

/**
 * Reads one cell as a number. Markers used by UK statistical publishers become NULL with a
 * flag: suppressed ("*", "[c]", "c", "~") or missing ("", "NA", "..", "-", ":", "[x]", "[z]").
 * They are never read as zero.
 */
export type Cell = { ok: true; value: number | null; flags: number } | { ok: false; message: string };

const SUPPRESSED = new Set(["*", "[c]", "c", "~", "[low]", "**", "[u]"]);
const MISSING = new Set(["", "na", "n/a", "..", ".", "-", "–", ":", "[x]", "x", "[z]", "z", "null", "#n/a"]);
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The start of a long cell, for a message: never the whole of a 200 KB cell. */
export function excerpt(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * A number the database can store: the syntax allows "1e309" or 5 million digits, which are
 * Infinity as a double. The dry run must refuse what the write would (same row, same column).
 */
function finite(value: number, text: string): Cell {
  if (Number.isFinite(value)) return { ok: true, value, flags: 0 };
  return {
    ok: false,
    message: `"${excerpt(text)}" is too large a number to store (the largest is about 1.8e308)`,
  };
}

export function readNumberCell(raw: string | undefined): Cell {
  // Fast path for the common case: a plain number exactly as written.
  if (raw !== undefined && NUMBER.test(raw)) return finite(Number(raw), raw);
  const text = (raw ?? "").trim();
  const lower = text.toLowerCase();
  if (MISSING.has(lower)) return { ok: true, value: null, flags: FLAG.missing };
  if (SUPPRESSED.has(lower)) return { ok: true, value: null, flags: FLAG.suppressed };
  // Thousands separators ("6,070") and a trailing percent sign are common in exports.
  const cleaned = text.replace(/(\d),(?=\d{3}\b)/g, "$1").replace(/%$/, "");
  if (!NUMBER.test(cleaned))
    return {
      ok: false,
      message: `"${excerpt(text)}" is not a number or a known missing-value marker (NA, *, .., [c])`,
    };
  return finite(Number(cleaned), text);
}

/** "2021/22 (p)" → provisional; "(r)" → revised; "(e)" → estimated. */
export function periodMarkers(label: string): { text: string; flags: number } {
  let flags = 0;
  const text = label
    .replace(/\s*\((p|provisional)\)\s*$/i, () => {
      flags |= FLAG.provisional;
      return "";
    })
    .replace(/\s*\((r|revised)\)\s*$/i, () => {
      flags |= FLAG.revised;
      return "";
    })
    .replace(/\s*\((e|estimated?)\)\s*$/i, () => {
      flags |= FLAG.estimated;
      return "";
    })
    .trim();
  return { text, flags };
}

export function slugify(text: string): string {
  return boundedSlug(
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-"),
  );
}

/**
 * A slug made of parts (`iod2019-${name}-rank`) as the indicator schema takes it: at most 80
 * characters, no empty part (a doubled hyphen) and no hyphen at either end, wherever the cut
 * falls. An odd header otherwise made a slug the schema refuses, and the import crashed.
 */
export function boundedSlug(slug: string): string {
  return slug.replace(/-{2,}/g, "-").replace(/^-+/, "").slice(0, 80).replace(/-+$/, "");
}
