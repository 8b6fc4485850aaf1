import { describe, expect, it } from "vitest";
import { reportDueDate, reportStatus } from "./report-status.ts";

// The current reporting year is kernel/time.ts's (its test has the cases that were here).
describe("report due dates", () => {
  it("Scotland's LCPAR is due on 30 June after the reporting year ends", () => {
    expect(reportDueDate("scotland", "2025/26")).toBe("2026-06-30");
    expect(reportDueDate("england", "2025/26")).toBeNull();
    expect(() => reportDueDate("scotland", "2025")).toThrow();
  });

  it("is overdue only after the due date, unless published", () => {
    const due = "2026-06-30";
    expect(reportStatus("not-started", due, "2026-06-30")).toBe("not-started");
    expect(reportStatus("draft", due, "2026-07-01")).toBe("overdue");
    expect(reportStatus("not-started", due, "2026-07-01")).toBe("overdue");
    expect(reportStatus("published", due, "2027-01-01")).toBe("published");
    expect(reportStatus("draft", null, "2030-01-01")).toBe("draft");
  });
});
