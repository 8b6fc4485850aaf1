import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Lower layers first: a domain may import domains of its own layer or an earlier one. */
export const layers = ["lib", "workspace", "data", "cycle", "national", "demo"] as const;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [full] : [];
  });
}
