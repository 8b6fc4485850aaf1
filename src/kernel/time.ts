/**
 * "Today" in the UK. Minimal: moved here from the meetings domain so that domains below it can
 * use it (issue 10); the shared time module of branch i10-utils supersedes this file.
 */
const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in the UK as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}
