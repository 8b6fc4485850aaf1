/**
 * The area profile's JSON (profileSchema), written as text straight from the loaded profile. A
 * profile is ~40 indicators × ~12 periods, and two thirds of its ~230 KB are the same few
 * fragments again and again (a period, a set of flags, an indicator's header and source):
 * building ~2,500 objects to hand to JSON.stringify cost more CPU than the profile's own reads
 * on PostgreSQL (and as much garbage). Here each fragment is serialised once (a period per
 * catalogue, flags per bit pattern, a header per catalogue row) and joined; what is small or
 * rare (rank, trend changes, breakdowns, small areas, notes) still goes through JSON.stringify
 * of the same objects as before. The text is byte for byte what JSON.stringify gave of the
 * objects this module replaced (checked across areas, callers, suppressed and missing values):
 * the same keys in the same order, numbers through Number() (JSON's null for a non-number).
 */
import type { AreaProfile } from "../analyses/index.ts";
import type { IndicatorRow, PeriodRow } from "../indicators/index.ts";
import { areaOut, breakdownOut, flagsOf, indicatorOut, type Measured, periodOf } from "./present.ts";

type Periods = ReadonlyMap<string, PeriodRow>;

const text = JSON.stringify;

/** A number as JSON.stringify wrote the Number() of it: null stays null, and so does what is not a finite number. */
function num(v: number | string | null): string {
  if (v === null) return "null";
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : "null";
}

/** Flags by bit pattern: a handful of patterns in any store. */
const flagTexts = new Map<number, string>();

function flagsText(flags: number): string {
  const bits = Number(flags);
  let found = flagTexts.get(bits);
  if (found === undefined) {
    found = text(flagsOf(bits));
    flagTexts.set(bits, found);
  }
  return found;
}

/** Periods by code, per period catalogue (one per data version, the same Map on every read of it). */
const periodTexts = new WeakMap<Periods, Map<string, string>>();

function periodText(periods: Periods, code: string): string {
  let texts = periodTexts.get(periods);
  if (!texts) {
    texts = new Map();
    periodTexts.set(periods, texts);
  }
  let found = texts.get(code);
  if (found === undefined) {
    found = text(periodOf(periods.get(code), code));
    texts.set(code, found);
  }
  return found;
}

/** An indicator's header in the profile, per catalogue row (the catalogue is kept per data version). */
const headers = new WeakMap<IndicatorRow, string>();

function headerOf(indicator: IndicatorRow): string {
  let found = headers.get(indicator);
  if (found === undefined) {
    const full = indicatorOut(indicator);
    found = text({
      id: full.id,
      title: full.title,
      unit: full.unit,
      polarity: full.polarity,
      access: full.access,
      source: full.source,
    });
    headers.set(indicator, found);
  }
  return found;
}

function measures(v: Measured): string {
  return `"value":${num(v.value)},"numerator":${num(v.numerator)},"denominator":${num(v.denominator)},"ciLower":${num(v.ciLower)},"ciUpper":${num(v.ciUpper)},"flags":${flagsText(v.flags)}`;
}

function point(periods: Periods, v: (Measured & { periodCode: string }) | null): string {
  return v ? `{"period":${periodText(periods, v.periodCode)},${measures(v)}}` : "null";
}

function indicatorText(periods: Periods, p: AreaProfile["indicators"][number]): string {
  let values = "";
  for (const v of p.values) values += (values ? "," : "") + point(periods, v);
  let comparisons = "";
  for (const r of p.references) {
    const v = r.value;
    comparisons +=
      (comparisons ? "," : "") +
      `{"relation":${text(r.relation)},"area":{"code":${text(r.area.code)},"name":${text(r.area.name)},"type":${text(r.area.type)}}` +
      `,"period":${v ? periodText(periods, v.periodCode) : "null"},"value":${v ? num(v.value) : "null"}` +
      `,"flags":${v ? flagsText(v.flags) : "null"},"result":${text(r.benchmark.result)}` +
      `,"method":${text(r.benchmark.method)},"note":${text(r.benchmark.note)}}`;
  }
  const breakdowns = (p.breakdowns ?? []).map((set) =>
    text(breakdownOut(set, periodOf(periods.get(set.periodCode), set.periodCode))),
  );
  const { trend, benchmark } = p;
  return (
    `{"indicator":${headerOf(p.indicator)},"latest":${point(periods, p.latest.observation)}` +
    `,"newestPeriod":${point(periods, p.latest.newestPeriod)},"values":[${values}]` +
    `,"trend":{"sinceFirst":${text(trend.sinceFirst)},"sincePrevious":${text(trend.sincePrevious)},"provisional":${text(trend.provisional)}}` +
    `,"rank":${text(p.rank)},"comparisons":[${comparisons}]` +
    `,"benchmark":{"result":${text(benchmark.result)},"method":${text(benchmark.method)},"note":${text(benchmark.note)}}` +
    `,"breakdowns":[${breakdowns.join(",")}]}`
  );
}

/**
 * Text written into one buffer a piece at a time (an indicator, ~6 KB): joining the whole
 * profile into one string first and encoding that cost ten times more (flattening a string of
 * thousands of concatenated fragments).
 */
class Bytes {
  #buffer = Buffer.allocUnsafeSlow(1 << 18);
  #used = 0;

  write(piece: string): void {
    // A UTF-16 unit is at most 3 bytes in UTF-8.
    if (this.#used + piece.length * 3 > this.#buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.#buffer.length * 2, this.#used + piece.length * 3));
      this.#buffer.copy(bigger, 0, 0, this.#used);
      this.#buffer = bigger;
    }
    this.#used += this.#buffer.write(piece, this.#used, "utf8");
  }

  /** The bytes written, in a buffer of their own size (it is kept in a cache). */
  done(): Buffer {
    return Buffer.from(this.#buffer.subarray(0, this.#used));
  }
}

/** The profile of `profile.area` (which must be set) as the API's JSON, UTF-8. */
export function profileJson(profile: AreaProfile, periods: Periods, notes: readonly string[]): Buffer {
  const out = new Bytes();
  out.write(`{"area":${text(areaOut(profile.area!))},"indicators":[`);
  for (const [i, p] of profile.indicators.entries()) out.write((i ? "," : "") + indicatorText(periods, p));
  const smallAreas = profile.smallAreas.map((panel) => {
    const full = indicatorOut(panel.indicator);
    return {
      indicator: { id: full.id, title: full.title, access: full.access, source: full.source },
      period: periodOf(periods.get(panel.periodCode), panel.periodCode),
      distribution: panel.distribution,
      childrenPeriod: panel.populationPeriod,
      areas: panel.rows.map((row) => ({
        code: row.code,
        name: row.name,
        decile: row.decile === null ? null : Number(row.decile),
        flags: flagsOf(row.flags),
        children: row.children === null ? null : Number(row.children),
      })),
    };
  });
  out.write(`],"smallAreas":${text(smallAreas)},"notes":${text(notes)}}`);
  return out.done();
}
