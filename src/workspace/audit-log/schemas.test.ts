import { describe, expect, it } from "vitest";
import { auditQuery } from "./schemas.ts";

describe("audit query", () => {
  it("treats blank filters as absent and coerces the page", () => {
    expect(auditQuery.parse({ action: "", partnershipId: "", actor: " ", from: "", to: "", page: "2" })).toEqual({
      page: 2,
    });
  });

  it("rejects impossible dates, reversed ranges and bad pages", () => {
    const fields = (input: Record<string, string>) =>
      auditQuery.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(fields({ from: "2026-02-30" })).toEqual(["from"]);
    expect(fields({ to: "30/04/2026" })).toEqual(["to"]);
    expect(fields({ from: "2026-05-01", to: "2026-04-01" })).toEqual(["to"]);
    expect(fields({ page: "0" })).toEqual(["page"]);
    expect(fields({ page: "two" })).toEqual(["page"]);
  });
});
