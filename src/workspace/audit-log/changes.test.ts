import { describe, expect, it } from "vitest";
import { actionLabel, describeChanges, formatValue, humanise } from "./changes.ts";

describe("audit changes", () => {
  it("lists only changed fields, plus the identifying ones", () => {
    const changes = describeChanges(
      { person: "a@example.org", role: "viewer", status: "active" },
      { person: "a@example.org", role: "lead", status: "active" },
    );
    expect(changes).toEqual([
      { field: "Person", before: "a@example.org", after: "a@example.org" },
      { field: "Role", before: "viewer", after: "lead" },
    ]);
  });

  it("shows created and removed records against (none)", () => {
    expect(describeChanges(null, { isPlatformAdmin: true, coordinatorFor: ["England", "Scotland"] })).toEqual([
      { field: "Is platform admin", before: "(none)", after: "Yes" },
      { field: "Coordinator for", before: "(none)", after: "England, Scotland" },
    ]);
    expect(describeChanges({ gssCode: null }, null)).toEqual([]);
  });

  it("formats values and names readably", () => {
    expect(formatValue({ a: 1, bC: false })).toBe("A: 1; B c: No");
    expect(formatValue([])).toBe("(none)");
    expect(humanise("areaCode")).toBe("Area code");
    expect(actionLabel("partnership_role.granted")).toBe("Partnership role granted");
  });
});
