/**
 * Embargo: a batch of values (one import, one release) may carry a release time before which no
 * output shows its values — pages, reports, exports and the API alike answer as if they did not
 * exist, and a value the batch revises is shown as it was before. It is a condition on the
 * database's now(), evaluated in every read, not a job that "releases" them: every node of the
 * service sees the same thing at the same moment, and nothing has to run for the values to appear.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { readDataVersion } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { importBatches } from "./tables.ts";

/** The batches under embargo now: worked out once per statement (an init plan over the partial index on embargo_until). */
const EMBARGOED = sql`array(select id from import_batches where embargo_until > now())`;

/**
 * The values a reader may see now, as a table expression to read in place of `observations`
 * (`from ${releasedObservations} o`): every released value; and where a batch under embargo has
 * replaced (revised) a value, the newest version before it that is released — kept in
 * observation_history by the import — with its own markers, until the release time, after which
 * the new value takes its place with no write. PostgreSQL pushes a read's conditions into both
 * branches (primary-key and history-index probes); the history branch runs only while some batch
 * is under embargo (a one-time filter), so without one a read costs what it did.
 */
export const releasedObservations: SQL = sql`(
  select o.indicator_id, o.period_id, o.breakdown_id, o.area_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper,
    o.flags, o.batch_id
  from observations o where o.batch_id <> all(${EMBARGOED})
  union all
  select h.indicator_id, h.period_id, h.breakdown_id, h.area_id, h.value, h.numerator, h.denominator, h.ci_lower, h.ci_upper,
    h.flags, h.batch_id
  from observation_history h
  where exists (select 1 from import_batches where embargo_until > now())
    and h.superseded_by_batch_id = any(${EMBARGOED}) and h.batch_id <> all(${EMBARGOED})
    and not exists (select 1 from observations c where c.indicator_id = h.indicator_id and c.period_id = h.period_id
      and c.breakdown_id = h.breakdown_id and c.area_id = h.area_id and c.batch_id <> all(${EMBARGOED}))
    and not exists (select 1 from observation_history n where n.indicator_id = h.indicator_id and n.area_id = h.area_id
      and n.period_id = h.period_id and n.breakdown_id = h.breakdown_id and n.batch_id > h.batch_id
      and n.batch_id <> all(${EMBARGOED}))
)`;

/**
 * The data version pages are cached by (kernel/db/data-version.ts), with the batches still under
 * embargo: an embargo ends with the clock, not a write, so the version alone would keep serving
 * a page built before the release time. Setting or lifting one changes it too.
 */
export async function dataVersionNow(db: Executor): Promise<string> {
  const version = await readDataVersion(db);
  const result = await db.execute(
    sql`select coalesce(string_agg(id::text, ',' order by id), '') as ids from import_batches where embargo_until > now()`,
  );
  const ids = (result as unknown as { rows: { ids: string }[] }).rows[0]?.ids ?? "";
  return ids ? `${version}:${ids}` : version;
}

/** Sets (or clears, with null) a batch's release time. */
export async function setEmbargo(db: Executor, batchId: number, until: Date | null): Promise<void> {
  await db.update(importBatches).set({ embargoUntil: until }).where(eq(importBatches.id, batchId));
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
  const wall = Date.UTC(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
    hours,
    minutes,
  );
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
