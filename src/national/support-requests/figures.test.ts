import { describe, expect, it } from "vitest";
import { type FigureRequest, percentile, requestFigures, unmetKind } from "./figures.ts";

const day = (iso: string, hours = 0) => new Date(Date.parse(`${iso}T00:00:00Z`) + hours * 3_600_000);
const request = (overrides: Partial<FigureRequest>): FigureRequest => ({
  status: "new",
  supportType: "data",
  drivers: [],
  dueBy: "2026-03-01",
  assignedOrganisationId: null,
  assignedName: null,
  createdAt: day("2026-01-01"),
  firstResponseAt: null,
  ...overrides,
});

describe("support request figures", () => {
  const today = "2026-02-01";

  it("measures time to first response in days and counts who is still waiting", () => {
    const figures = requestFigures(
      [
        request({ status: "triaged", firstResponseAt: day("2026-01-01", 12) }),
        request({ status: "done", firstResponseAt: day("2026-01-03") }),
        request({ status: "closed", firstResponseAt: day("2026-01-11") }),
        request({ status: "new" }),
        request({ status: "declined", firstResponseAt: day("2026-01-02") }),
      ],
      today,
    );
    expect(figures.firstResponse).toEqual({ responded: 4, waiting: 1, medianDays: 1.5, p90Days: 10 });
  });

  it("says there is no response time rather than zero when nobody has answered", () => {
    const figures = requestFigures([request({})], today);
    expect(figures.firstResponse.medianDays).toBeNull();
    expect(figures.firstResponse.p90Days).toBeNull();
  });

  it("classifies unmet demand as declined, unassigned or overdue, and nothing else", () => {
    expect(unmetKind(request({ status: "declined" }), today)).toBe("declined");
    expect(unmetKind(request({ status: "new" }), today)).toBe("unassigned");
    expect(unmetKind(request({ status: "in-progress", dueBy: "2026-01-31" }), today)).toBe("overdue");
    expect(unmetKind(request({ status: "in-progress", dueBy: "2026-02-01" }), today)).toBeNull();
    expect(unmetKind(request({ status: "closed", dueBy: "2026-01-01" }), today)).toBeNull();
  });

  it("tallies unmet demand by all eleven support types and by top-level driver", () => {
    const figures = requestFigures(
      [
        request({
          status: "declined",
          supportType: "peer-review",
          drivers: ["costs:housing", "costs:debt", "employment"],
        }),
        request({ status: "new", supportType: "peer-review" }),
        request({ status: "triaged", supportType: "data", dueBy: "2026-01-15", drivers: ["costs"] }),
        request({ status: "done", supportType: "data", dueBy: "2026-01-15" }),
      ],
      today,
    );
    expect(figures.unmetByType).toHaveLength(11);
    expect(figures.unmetByType.find((row) => row.label === "Peer review")).toMatchObject({
      declined: 1,
      unassigned: 1,
      total: 2,
    });
    expect(figures.unmetByType.find((row) => row.label === "Data")).toMatchObject({ overdue: 1, total: 1 });
    expect(figures.unmetByDriver).toEqual([
      { label: "Costs of living", declined: 1, unassigned: 0, overdue: 1, total: 2 },
      { label: "Income from employment", declined: 1, unassigned: 0, overdue: 0, total: 1 },
      { label: "No driver given", declined: 0, unassigned: 1, overdue: 0, total: 1 },
    ]);
    expect(figures.unmetTotal).toMatchObject({ declined: 1, unassigned: 1, overdue: 1, total: 3 });
  });

  it("counts open requests by the body they are assigned to", () => {
    const a = { assignedOrganisationId: "a", assignedName: "Body A" };
    const figures = requestFigures(
      [
        request({ status: "triaged", ...a }),
        request({ status: "in-progress", ...a }),
        request({ status: "done", ...a }),
        request({ status: "closed", ...a }),
        request({ status: "in-progress", assignedOrganisationId: "b", assignedName: "Body B" }),
      ],
      today,
    );
    expect(figures.openByProvider).toEqual([
      { name: "Body A", assigned: 1, inProgress: 1, awaitingClose: 1, total: 3 },
      { name: "Body B", assigned: 0, inProgress: 1, awaitingClose: 0, total: 1 },
    ]);
  });

  it("takes the nearest-rank percentile", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([], 90)).toBeNull();
  });
});
