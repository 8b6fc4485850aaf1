import { describe, expect, it } from "vitest";
import { bestFitGroups } from "./best-fit.ts";

describe("bestFitGroups", () => {
  it("pairs unchanged areas, groups splits and mergers, and keeps redrawn areas together", () => {
    const groups = bestFitGroups([
      { oldCode: "E01000001", newCode: "E01000001", change: "U" },
      { oldCode: "E01000002", newCode: "E01035001", change: "S" },
      { oldCode: "E01000002", newCode: "E01035002", change: "S" },
      { oldCode: "E01000003", newCode: "E01035003", change: "M" },
      { oldCode: "E01000004", newCode: "E01035003", change: "M" },
      { oldCode: "E01000005", newCode: "E01035004", change: "X" },
      { oldCode: "E01000006", newCode: "E01035004", change: "X" },
      { oldCode: "E01000006", newCode: "E01035005", change: "X" },
    ]);
    expect(groups).toEqual([
      { old: ["E01000001"], new: ["E01000001"], changes: ["U"] },
      { old: ["E01000002"], new: ["E01035001", "E01035002"], changes: ["S"] },
      { old: ["E01000003", "E01000004"], new: ["E01035003"], changes: ["M"] },
      { old: ["E01000005", "E01000006"], new: ["E01035004", "E01035005"], changes: ["X"] },
    ]);
  });
});
