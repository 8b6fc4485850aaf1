import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * ADR 0015: every package installed from the lockfile runs on the oldest Node the project
 * declares. `engine-strict` makes `npm ci` fail on the running Node; this checks the floor, which
 * no machine running a newer Node would notice.
 */
const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: unknown }>;
};

describe("the Node runtime", () => {
  it("declares a Node 20 floor and enforces engines at install", () => {
    const floor = semver.minVersion(manifest.engines.node);
    expect(floor?.major).toBe(20);
    expect(readFileSync(path.join(root, ".npmrc"), "utf8")).toMatch(/^engine-strict=true$/m);
  });

  it("installs no package that needs a newer Node than the declared floor", () => {
    const floor = semver.minVersion(manifest.engines.node)!.version;
    const tooNew: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (location === "") continue;
      // Optional packages for other platforms (native bindings) are listed but never installed.
      if (entry.optional && !existsSync(path.join(root, location))) continue;
      const engines = entry.engines;
      const node =
        engines && typeof engines === "object" && !Array.isArray(engines)
          ? (engines as { node?: unknown }).node
          : undefined;
      if (typeof node !== "string") continue;
      if (!semver.satisfies(floor, node))
        tooNew.push(`${location.replace(/^node_modules\//, "")}@${entry.version} needs node ${node}`);
    }
    expect(tooNew, `declared floor ${floor}`).toEqual([]);
  });
});
