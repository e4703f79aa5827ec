import { describe, expect, it } from "vitest";
import { callLockTime, callSlot, CallSlotError } from "./call-slot";

describe("callSlot", () => {
  it("starts at the series' time in its time zone, daylight saving included", () => {
    // Thursdays 15:05 in Berlin: CEST (UTC+2) in July, CET (UTC+1) in January.
    const summer = callSlot("2024-07-18", { startTime: "15:05", timeZone: "Europe/Berlin", durationMinutes: 55 });
    expect(summer.start.toISOString()).toBe("2024-07-18T13:05:00.000Z");
    expect(summer.end.toISOString()).toBe("2024-07-18T14:00:00.000Z");
    const winter = callSlot("2024-01-18", { startTime: "15:05", timeZone: "Europe/Berlin", durationMinutes: 60 });
    expect(winter.start.toISOString()).toBe("2024-01-18T14:05:00.000Z");
  });

  it("takes a DATE column's Date (its UTC day), and other zones", () => {
    const slot = callSlot(new Date("2024-03-10T00:00:00Z"), { startTime: "09:30", timeZone: "America/New_York", durationMinutes: 30 });
    // The day DST starts in New York: 09:30 EDT (UTC-4).
    expect(slot.start.toISOString()).toBe("2024-03-10T13:30:00.000Z");
    expect(callSlot("2024-07-18", { startTime: "23:30", timeZone: "UTC", durationMinutes: 60 }).end.toISOString()).toBe("2024-07-19T00:30:00.000Z");
  });

  it("without a start time the slot is the whole day", () => {
    const slot = callSlot("2024-07-18", { startTime: null, timeZone: "Europe/Berlin", durationMinutes: 60 });
    expect(slot.start.toISOString()).toBe("2024-07-17T22:00:00.000Z");
    expect(slot.end.toISOString()).toBe("2024-07-18T22:00:00.000Z");
  });

  it("locks lockAfterMinutes after the slot ends", () => {
    const lock = callLockTime("2024-07-18", { startTime: "15:05", timeZone: "Europe/Berlin", durationMinutes: 55, lockAfterMinutes: 30 });
    expect(lock.toISOString()).toBe("2024-07-18T14:30:00.000Z");
  });

  it("refuses nonsense with a clear error", () => {
    const settings = { startTime: "15:05", timeZone: "UTC", durationMinutes: 60 };
    expect(() => callSlot("2024-02-30", settings)).toThrow(CallSlotError);
    expect(() => callSlot("next thursday", settings)).toThrow('"next thursday" is not a date');
    expect(() => callSlot("2024-07-18", { ...settings, startTime: "25:00" })).toThrow(CallSlotError);
    expect(() => callSlot("2024-07-18", { ...settings, timeZone: "Mars/Olympus" })).toThrow('"Mars/Olympus" is not a time zone');
  });
});
