/**
 * Embargo: a batch of values (one import, one release) may carry a release time before which no
 * output shows its values — pages, reports, exports and the API alike answer as if they did not
 * exist, and a value the batch revises is shown as it was before. It is a condition on the
 * database's now(), evaluated in every read, not a job that "releases" them: every node of the
 * service sees the same thing at the same moment, and nothing has to run for the values to appear.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { readDataVersionWith } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { importBatches } from "./tables.ts";

/** The batches under embargo now: worked out once per statement (an init plan over the partial index on embargo_until). */
const EMBARGOED = sql`array(select id from import_batches where embargo_until > now())`;

const VALUE_COLUMNS = ["value", "numerator", "denominator", "ci_lower", "ci_upper", "flags", "batch_id"] as const;

/**
 * The values a reader may see now, as a table expression to read in place of `observations`
 * (`from ${releasedObservations} o`): every released value; and where the stored value is a
 * batch's under embargo that revised an earlier one, the newest released version before it —
 * kept in observation_history by the import — with its own markers, until the release time,
 * after which the new value takes its place with no write. One row per stored row, read in the
 * same order (a read's conditions and its primary-key order reach the scan of observations, so
 * the API's keyset pages stay index range scans); the history is probed only for a row of a
 * batch under embargo (a one-time filter per row), so without one a read costs what it did. The
 * newest released version is found with "no newer one" rather than ORDER BY: a sort there would
 * cost the API's reads (enable_sort = off) an estimate big enough to set off JIT compilation.
 */
export const releasedObservations: SQL = sql`(
  select o.indicator_id, o.period_id, o.breakdown_id, o.area_id,
    ${sql.raw(VALUE_COLUMNS.map((c) => `case when h.batch_id is null then o.${c} else h.${c} end as ${c}`).join(", "))}
  from observations o
  left join lateral (
    select h.* from observation_history h
    where o.batch_id = any(${EMBARGOED}) and h.indicator_id = o.indicator_id and h.area_id = o.area_id
      and h.period_id = o.period_id and h.breakdown_id = o.breakdown_id and h.batch_id <> all(${EMBARGOED})
      and not exists (select 1 from observation_history n where n.indicator_id = h.indicator_id and n.area_id = h.area_id
        and n.period_id = h.period_id and n.breakdown_id = h.breakdown_id and n.batch_id > h.batch_id
        and n.batch_id <> all(${EMBARGOED}))
    limit 1
  ) h on true
  where o.batch_id <> all(${EMBARGOED}) or h.batch_id is not null
)`;

/**
 * The data version pages are cached by (kernel/db/data-version.ts), with the batches still under
 * embargo: an embargo ends with the clock, not a write, so the version alone would keep serving
 * a page built before the release time. Setting or lifting one changes it too.
 */
export async function dataVersionNow(db: Executor): Promise<string> {
  return (await versionsNow(db)).dataVersion;
}

/**
 * The data version (as dataVersionNow), the access version (who may do what) and the content
 * version (what partnerships wrote about their work), read in one statement: a request with an API
 * token checks its cached caller and finds its cached pages with it; a page whose whole view model
 * is kept finds it with all three.
 */
export async function versionsNow(
  db: Executor,
): Promise<{ dataVersion: string; accessVersion: string; contentVersion: string }> {
  const { version, access, content, also: ids } = await readDataVersionWith(db, EMBARGOED_IDS);
  return { dataVersion: ids ? `${version}:${ids}` : version, accessVersion: access, contentVersion: content };
}

/** The batches under embargo now, as one text read with the data version (one statement). */
const EMBARGOED_IDS = sql`select coalesce(string_agg(id::text, ',' order by id), '') from import_batches where embargo_until > now()`;

/**
 * Sets (or clears, with null) a batch's release time. Every import since import_batch_pairs
 * records its (indicator, period) pairs; a batch written before then that was never under embargo
 * has none (migration 0022 filled in only those already held back), so its pairs are found from
 * its values here, once, before its stored peer ranks would be shown too early.
 */
export async function setEmbargo(db: Executor, batchId: number, until: Date | null): Promise<void> {
  await db.update(importBatches).set({ embargoUntil: until }).where(eq(importBatches.id, batchId));
  if (until)
    await db.execute(sql`insert into import_batch_pairs (batch_id, indicator_id, period_id)
      select distinct o.batch_id, o.indicator_id, o.period_id from observations o
      where o.batch_id = ${batchId} and o.breakdown_id = 0
        and not exists (select 1 from import_batch_pairs p where p.batch_id = ${batchId})
      on conflict do nothing`);
}

/**
 * A release time typed as a date and a time in the UK (Europe/London, so 09:30 in July is 08:30
 * UTC) as an instant, or null when the date or time is not real. A time that does not exist on a
 * day the clocks go forward (01:30 on the last Sunday of March) is null too.
 */
export function londonInstant(isoDate: string, time: string): Date | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  const [year, month, day] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // Date.UTC rolls 2099-13-01 over to January 2100: a date that does not exist is not one.
  const date = new Date(wall);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  // The UK is UTC or UTC+1: try both offsets and keep the one whose London wall clock matches.
  for (const offsetHours of [0, 1]) {
    const instant = new Date(wall - offsetHours * 3_600_000);
    if (londonWallClock(instant) === wall) return instant;
  }
  return null;
}

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function londonWallClock(instant: Date): number {
  const get = (type: string) => Number(parts.formatToParts(instant).find((part) => part.type === type)!.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
}
