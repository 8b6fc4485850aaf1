/**
 * "31 March 2026". Until the kernel's shared time module (branch i10-utils) lands, this domain
 * formats its own dates; switch to kernel/time.ts formatDate then.
 */
const format = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

export function formatDate(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return format.format(date);
}
