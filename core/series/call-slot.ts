// When a call's slot ends: its date (a day, no time), the series' start time on that day in the
// series' time zone, plus its duration. A series may lock each call's deck some minutes after
// that (Series.lockAfterMinutes). Wall-clock times are turned into instants with Intl alone, so
// daylight-saving changes come out right without a time-zone library.

export interface CallSlotSettings {
  /** "15:05" in `timeZone`; null: the call has no set time, its slot is the whole day. */
  startTime: string | null;
  timeZone: string;
  durationMinutes: number;
}

export interface CallSlot {
  start: Date;
  end: Date;
}

export class CallSlotError extends Error {
  override name = "CallSlotError";
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

/** `callDate`: "2024-07-18", or a Date whose UTC day is the call's day (how PostgreSQL DATE columns arrive). */
export function callSlot(callDate: string | Date, settings: CallSlotSettings): CallSlot {
  const { year, month, day } = dayOf(callDate);
  if (settings.startTime === null) {
    const start = zonedTimeToInstant(year, month, day, 0, 0, settings.timeZone);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    const end = zonedTimeToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, settings.timeZone);
    return { start, end };
  }
  const time = TIME.exec(settings.startTime.trim());
  if (!time) throw new CallSlotError(`"${settings.startTime}" is not a time of day (HH:MM).`);
  const start = zonedTimeToInstant(year, month, day, Number(time[1]), Number(time[2]), settings.timeZone);
  return { start, end: new Date(start.getTime() + Math.max(0, settings.durationMinutes) * MINUTE_MS) };
}

/** When the deck of this call is to be locked: `lockAfterMinutes` after its slot ends. */
export function callLockTime(callDate: string | Date, settings: CallSlotSettings & { lockAfterMinutes: number }): Date {
  return new Date(callSlot(callDate, settings).end.getTime() + Math.max(0, settings.lockAfterMinutes) * MINUTE_MS);
}

function dayOf(callDate: string | Date): { year: number; month: number; day: number } {
  if (callDate instanceof Date) {
    if (Number.isNaN(callDate.getTime())) throw new CallSlotError("The call has no valid date.");
    return { year: callDate.getUTCFullYear(), month: callDate.getUTCMonth() + 1, day: callDate.getUTCDate() };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(callDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3])) throw new CallSlotError(`"${callDate}" is not a date (YYYY-MM-DD).`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * The instant at which clocks in `timeZone` show this wall time. A time skipped by a
 * daylight-saving change comes out as the same clock time after the change.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two rounds: the offset at the first guess may differ from the offset at the answer.
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** How far `timeZone`'s clocks are ahead of UTC at this instant. */
function offsetMs(instant: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    throw new CallSlotError(`"${timeZone}" is not a time zone.`);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}
