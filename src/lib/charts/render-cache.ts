/**
 * Rendered charts and maps keyed by a hash of everything drawn, so a page seen again does not
 * re-render (ECharts and d3-geo take ~10 ms each, on the event loop). Same input, same SVG, so a
 * stale entry is impossible; new data changes the key. Bounded, least recently used out first.
 */
import { createHash } from "node:crypto";

const MAX_ENTRIES = 2_000;
const cache = new Map<string, unknown>();

function keyOf(kind: string, parts: readonly string[]): string {
  const hash = createHash("sha1").update(kind);
  for (const part of parts) hash.update("\u0000").update(part);
  return hash.digest("base64");
}

function keep(key: string, result: unknown): void {
  cache.set(key, result);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

export function isRenderCached(kind: string, parts: readonly string[]): boolean {
  return cache.has(keyOf(kind, parts));
}

/**
 * Keeps what was drawn elsewhere (the documents worker draws charts off the event loop) under the
 * key renderCached would look up, so the synchronous code that follows finds it.
 */
export function seedRenderCache(kind: string, parts: readonly string[], result: unknown): void {
  keep(keyOf(kind, parts), result);
}

export function renderCached<T>(kind: string, parts: readonly string[], render: () => T): T {
  const key = keyOf(kind, parts);
  if (cache.has(key)) {
    const found = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const result = render();
  keep(key, result);
  return result;
}
