import type { IndicatorRow } from "./repository.ts";

/**
 * How the catalogue groups indicators for people: by the first topic it is tagged with, else by
 * its publisher. The indicator picker and the indicators overview use the same headings.
 */
export function catalogueGroupOf(indicator: Pick<IndicatorRow, "tags" | "publisher">): string {
  const topic = (indicator.tags as { topics?: string[] } | null)?.topics?.[0];
  if (topic) return topic.charAt(0).toUpperCase() + topic.slice(1);
  return indicator.publisher || "Other indicators";
}
