/**
 * Rendered charts and maps keyed by a hash of everything drawn, so a page seen again does not
 * re-render (ECharts and d3-geo take ~10 ms each, on the event loop). Same input, same SVG, so a
 * stale entry is impossible; new data changes the key. Bounded, least recently used out first.
 */
import { createHash } from "node:crypto";

const MAX_ENTRIES = 2_000;
const cache = new Map<string, unknown>();

export function renderCached<T>(kind: string, parts: readonly string[], render: () => T): T {
  const hash = createHash("sha1").update(kind);
  for (const part of parts) hash.update("\u0000").update(part);
  const key = hash.digest("base64");
  if (cache.has(key)) {
    const found = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const result = render();
  cache.set(key, result);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}
