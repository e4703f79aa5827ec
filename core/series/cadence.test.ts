import { describe, expect, it } from "vitest";
import { daysBetween, nextCallDate, todayIn, weekdayOf } from "./cadence";

const weekly = { cadenceDays: 7, weekday: 4 };

describe("a series' next call", () => {
  it("is a cadence after the latest call, on the series' weekday", () => {
    expect(nextCallDate(weekly, "2026-11-26", "2026-11-30")).toBe("2026-12-03");
    expect(weekdayOf("2026-12-03")).toBe(4);
    // A call that was moved to a Wednesday: the next one is back on Thursday.
    expect(nextCallDate(weekly, "2026-11-25", "2026-11-30")).toBe("2026-12-03");
    expect(nextCallDate({ cadenceDays: 14, weekday: null }, "2026-11-26", "2026-11-27")).toBe("2026-12-10");
  });

  it("is never in the past: an archive's series steps on to today or later", () => {
    expect(nextCallDate(weekly, "2024-07-18", "2026-12-02")).toBe("2026-12-03");
    expect(nextCallDate(weekly, "2024-07-18", "2026-12-03")).toBe("2026-12-03");
    expect(nextCallDate({ cadenceDays: 7, weekday: null }, "2026-11-01", "2026-12-02")).toBe("2026-12-06");
  });

  it("without calls yet, is the series' next weekday from today on", () => {
    expect(nextCallDate(weekly, null, "2026-12-02")).toBe("2026-12-03");
    expect(nextCallDate(weekly, null, "2026-12-03")).toBe("2026-12-03");
    expect(nextCallDate({ cadenceDays: 7, weekday: null }, null, "2026-12-02")).toBe("2026-12-02");
  });

  it("counts days and knows today in the series' time zone", () => {
    expect(daysBetween("2026-12-02", "2026-12-03")).toBe(1);
    expect(daysBetween("2026-12-03", "2026-12-02")).toBe(-1);
    expect(todayIn("Europe/Berlin", new Date("2026-12-02T23:30:00Z"))).toBe("2026-12-03");
    expect(todayIn("Not/AZone", new Date("2026-12-02T23:30:00Z"))).toBe("2026-12-02");
  });
});
