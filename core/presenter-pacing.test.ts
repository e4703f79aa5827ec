import { describe, expect, it } from "vitest";
import { callPace, formatDuration, parseTiming, sectionBudgets } from "./presenter-pacing";

describe("sectionBudgets", () => {
  it("takes the first slide's data-timing for the whole section", () => {
    expect(sectionBudgets([[300, null, 60]], 30)).toEqual([300]);
  });

  it("else sums the slides' timings, defaultTiming for slides without one", () => {
    expect(sectionBudgets([[null, 60, null]], 30)).toEqual([120]);
    expect(sectionBudgets([[null, 60]], null)).toEqual([60]);
  });

  it("leaves a section without any timing unbudgeted", () => {
    expect(sectionBudgets([[null, null]], null)).toEqual([null]);
  });
});

describe("parseTiming", () => {
  it("reads plain seconds and refuses anything else", () => {
    expect(parseTiming("300")).toBe(300);
    expect(parseTiming(" 2.5 ")).toBe(2.5);
    for (const value of ["-1", "5m", "", "1e3", "999999999", undefined]) expect(parseTiming(value)).toBeNull();
  });
});

describe("callPace", () => {
  it("counts the current section's overrun only once it is over, earlier sections in full", () => {
    // Section 0: 60 s budget, took 40 s (20 s ahead); section 1: 30 s budget, 10 s in (not over yet).
    expect(callPace([60, 30], { 0: 40_000, 1: 10_000 }, 1)).toEqual({
      current: { h: 1, usedMs: 10_000, budgetMs: 30_000, overMs: -20_000 },
      behindMs: -20_000,
      totalBudgetMs: 90_000,
    });
    // Section 1 runs to 50 s: 20 s over, which the 20 s gained before cancels out.
    expect(callPace([60, 30], { 0: 40_000, 1: 50_000 }, 1).behindMs).toBe(0);
  });

  it("counts unbudgeted sections as on time", () => {
    expect(callPace([null, 10], { 0: 99_000 }, 0)).toMatchObject({ behindMs: 0, totalBudgetMs: 10_000 });
  });
});

describe("formatDuration", () => {
  it("writes minutes and seconds, hours when needed", () => {
    expect(formatDuration(65_000)).toBe("1:05");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(-5_000)).toBe("−0:05");
  });
});
