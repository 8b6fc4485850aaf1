import { describe, expect, it } from "vitest";
import { OFFICIAL_KINDS } from "./official-kinds.ts";
import { RECOGNISERS } from "./recognisers.ts";
import { importers } from "./registry.ts";

describe("import registry", () => {
  it("lists as official exactly the kinds whose files are published official statistics", () => {
    const official = [...importers.values()]
      .filter((importer) => importer.scope === "official" || importer.officialStatistics)
      .map((importer) => importer.kind)
      .sort();
    expect([...OFFICIAL_KINDS].sort()).toEqual(official);
  });

  it("can recognise every kind from its file, once each", () => {
    const kinds = RECOGNISERS.map(([kind]) => kind);
    expect([...kinds].sort()).toEqual([...importers.keys()].sort());
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
