import { afterEach, describe, expect, it, vi } from "vitest";
import { idleThrottle } from "./idle-throttle";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("idleThrottle", () => {
  it("runs a burst of schedules once, after the interval, and again for the next burst", () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const throttle = idleThrottle(run, 100);
    for (let i = 0; i < 50; i++) throttle.schedule();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    throttle.schedule();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("waits for the browser's idle time, at most one more interval, and cancels cleanly", () => {
    vi.useFakeTimers();
    const idle: { callback: () => void; timeout: number }[] = [];
    vi.stubGlobal("requestIdleCallback", (callback: () => void, options: { timeout: number }) => idle.push({ callback, timeout: options.timeout }));
    vi.stubGlobal("cancelIdleCallback", vi.fn());
    const run = vi.fn();
    const throttle = idleThrottle(run, 100);
    throttle.schedule();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    expect(idle[0]!.timeout).toBe(100);
    throttle.schedule(); // already waiting for idle: not queued twice
    idle[0]!.callback();
    expect(run).toHaveBeenCalledTimes(1);

    throttle.schedule();
    throttle.cancel();
    vi.advanceTimersByTime(1_000);
    expect(idle).toHaveLength(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
