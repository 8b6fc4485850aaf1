import { describe, expect, it } from "vitest";
import { canAssign, canClose, canDecline, canMerge, canReply, dueByFor, hubMoves, isOverdue } from "./lifecycle.ts";
import { requestStatuses } from "./vocabulary.ts";

describe("the support request life cycle", () => {
  it("lets the coordinator triage only what is not yet done", () => {
    expect(requestStatuses.filter(canAssign)).toEqual(["new", "triaged", "in-progress"]);
    expect(requestStatuses.filter(canDecline)).toEqual(["new", "triaged"]);
    expect(requestStatuses.filter(canMerge)).toEqual(["new", "triaged"]);
  });

  it("moves an assigned request forward, and back from done when more is needed", () => {
    expect(hubMoves("new")).toEqual([]);
    expect(hubMoves("triaged")).toEqual(["in-progress", "done"]);
    expect(hubMoves("in-progress")).toEqual(["done"]);
    expect(hubMoves("done")).toEqual(["in-progress"]);
    expect(hubMoves("closed")).toEqual([]);
  });

  it("is closed by the partnership only once done, and final states take no replies", () => {
    expect(requestStatuses.filter(canClose)).toEqual(["done"]);
    expect(requestStatuses.filter((status) => !canReply(status))).toEqual(["closed", "declined", "merged"]);
  });

  it("sets the due date from the urgency and counts open requests past it as overdue", () => {
    expect(dueByFor("2026-01-01", "urgent")).toBe("2026-01-15");
    expect(dueByFor("2026-01-01", "soon")).toBe("2026-02-12");
    expect(dueByFor("2026-01-01", "routine")).toBe("2026-04-02");
    expect(isOverdue({ status: "in-progress", dueBy: "2026-01-15" }, "2026-01-16")).toBe(true);
    expect(isOverdue({ status: "in-progress", dueBy: "2026-01-15" }, "2026-01-15")).toBe(false);
    expect(isOverdue({ status: "done", dueBy: "2026-01-15" }, "2026-03-01")).toBe(false);
    expect(isOverdue({ status: "declined", dueBy: "2026-01-15" }, "2026-03-01")).toBe(false);
  });
});
