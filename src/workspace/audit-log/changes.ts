/** Turns audit before/after snapshots into rows a person can read: field, old value, new value. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const NONE = "(none)";

export function humanise(key: string): string {
  const words = key
    .replace(/[._]/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return NONE;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(", ") : NONE;
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${humanise(key)}: ${formatValue(inner)}`)
      .join("; ");
  }
  return String(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === null || value === undefined ? {} : { value };
}

/**
 * Every field that differs, in first-seen order. Fields that did not change are left out,
 * except identifying ones ("person", "organisation", "name") so a row says whose record it is.
 */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before);
  const next = asRecord(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const identifying = new Set(["person", "organisation", "name"]);
  return keys
    .filter((key) => identifying.has(key) || JSON.stringify(old[key] ?? null) !== JSON.stringify(next[key] ?? null))
    .map((key) => ({
      field: humanise(key),
      before: key in old ? formatValue(old[key]) : NONE,
      after: key in next ? formatValue(next[key]) : NONE,
    }));
}

export function actionLabel(action: string): string {
  return humanise(action);
}
