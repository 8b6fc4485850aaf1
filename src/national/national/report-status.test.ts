import { describe, expect, it } from "vitest";
import { currentReportingYear } from "../../kernel/time.ts";
import { reportDueDate, reportStatus } from "./report-status.ts";

describe("report due dates", () => {
  it("the current reporting year is the latest one that has ended on 31 March", () => {
    expect(currentReportingYear("2026-11-23")).toBe("2025/26");
    expect(currentReportingYear("2027-03-31")).toBe("2025/26");
    expect(currentReportingYear("2027-04-01")).toBe("2026/27");
    expect(currentReportingYear("2000-01-15")).toBe("1998/99");
    expect(currentReportingYear("2099-05-01")).toBe("2098/99");
  });

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
