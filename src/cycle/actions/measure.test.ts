import { describe, expect, it } from "vitest";
import { improvementDirection, type MeasurePlan, measureStatus, trajectoryAt } from "./measure.ts";

// Baseline 2021/22 (ends 31 March 2022) at 30%, target 20% by 31 March 2026: four years, -2.5 a year.
const plan: MeasurePlan = {
  baseline: 30,
  baselineEnd: "2022-03-31",
  target: 20,
  targetDate: "2026-03-31",
  polarity: "higher-is-worse",
};
const point = (periodCode: string, endDate: string, value: number | null) => ({ periodCode, endDate, value });

describe("trajectory from baseline to target", () => {
  it("is a straight line in time between the two", () => {
    expect(trajectoryAt(plan, "2022-03-31")).toBe(30);
    expect(trajectoryAt(plan, "2026-03-31")).toBe(20);
    // 31 March 2024 is 731 of the 1461 days: a leap day sits in the second half.
    expect(trajectoryAt(plan, "2024-03-31")).toBeCloseTo(30 - (731 / 1461) * 10, 10);
  });

  it("holds the baseline before it and the target after the target date", () => {
    expect(trajectoryAt(plan, "2020-03-31")).toBe(30);
    expect(trajectoryAt(plan, "2030-03-31")).toBe(20);
  });

  it("has no value without a target or with a target date not after the baseline", () => {
    expect(trajectoryAt({ ...plan, target: null }, "2024-03-31")).toBeNull();
    expect(trajectoryAt({ ...plan, targetDate: null }, "2024-03-31")).toBeNull();
    expect(trajectoryAt({ ...plan, targetDate: "2022-03-31" }, "2024-03-31")).toBeNull();
  });
});

describe("direction of improvement", () => {
  it("follows the indicator's polarity, whatever the target", () => {
    expect(improvementDirection(plan)).toBe(-1);
    expect(improvementDirection({ ...plan, target: 35 })).toBe(-1);
    expect(improvementDirection({ ...plan, polarity: "higher-is-better" })).toBe(1);
  });

  it("takes the target's direction when the indicator has none", () => {
    expect(improvementDirection({ ...plan, polarity: "neither" })).toBe(-1);
    expect(improvementDirection({ ...plan, polarity: "neither", target: 40 })).toBe(1);
    expect(improvementDirection({ ...plan, polarity: "neither", target: 30 })).toBe(0);
  });
});

describe("status against the trajectory", () => {
  it("is on track when the latest value is at or better than the trajectory at its period", () => {
    // Trajectory at 31 March 2024 ≈ 24.997: 24.9 is better (lower), 25.5 is worse.
    const onTrack = measureStatus(plan, [point("2022/23", "2023-03-31", 29), point("2023/24", "2024-03-31", 24.9)]);
    expect(onTrack.status).toBe("on-track");
    expect(onTrack.latest?.periodCode).toBe("2023/24");
    expect(onTrack.expected).toBeCloseTo(24.997, 2);
    expect(measureStatus(plan, [point("2023/24", "2024-03-31", 25.5)]).status).toBe("off-track");
  });

  it("counts exactly on the line as on track", () => {
    expect(measureStatus(plan, [point("2026", "2026-03-31", 20)]).status).toBe("on-track");
    expect(
      measureStatus({ ...plan, polarity: "higher-is-better", target: 40 }, [point("x", "2026-03-31", 40)]).status,
    ).toBe("on-track");
  });

  it("judges a higher-is-better indicator upwards", () => {
    const better = { ...plan, baseline: 60, target: 70, polarity: "higher-is-better" as const };
    expect(measureStatus(better, [point("2023/24", "2024-03-31", 66)]).status).toBe("on-track");
    expect(measureStatus(better, [point("2023/24", "2024-03-31", 63)]).status).toBe("off-track");
  });

  it("uses the newest period, not the order given, and skips missing or suppressed values", () => {
    const result = measureStatus(plan, [
      point("2024/25", "2025-03-31", null),
      point("2023/24", "2024-03-31", 26),
      point("2022/23", "2023-03-31", 27),
    ]);
    expect(result.latest?.periodCode).toBe("2023/24");
    expect(result.status).toBe("off-track");
  });

  it("says there is no new data when nothing is newer than the baseline period", () => {
    const result = measureStatus(plan, [point("2020/21", "2021-03-31", 31), point("2021/22", "2022-03-31", 30)]);
    expect(result.status).toBe("no-new-data");
    expect(result.latest).toBeNull();
    expect(measureStatus(plan, []).status).toBe("no-new-data");
  });

  it("does not judge without a target or a direction", () => {
    const values = [point("2023/24", "2024-03-31", 25)];
    expect(measureStatus({ ...plan, target: null, targetDate: null }, values).status).toBe("not-measured");
    expect(measureStatus({ ...plan, polarity: "neither", target: 30 }, values).status).toBe("not-measured");
  });
});
