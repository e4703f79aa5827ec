// The dates of a series' calls: every `cadenceDays` days, on its weekday when it has one. Dates are
// calendar days ("YYYY-MM-DD", no time), computed in UTC arithmetic so no time zone shifts them.
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Cadence {
  cadenceDays: number;
  /** 0 (Sunday) … 6, or null. */
  weekday: number | null;
}

/**
 * The next call's date: the latest call plus the cadence (moved on to the series' weekday), stepped
 * on by the cadence until it is today or later, so a series whose last call is long past (an
 * imported archive) gets its next call ahead, not in the past. Without any call yet: the first
 * weekday of the series from today on (today itself when it has no weekday).
 */
export function nextCallDate(cadence: Cadence, latestCall: string | null, today: string): string {
  const step = Math.max(1, Math.trunc(cadence.cadenceDays));
  const todayTime = toTime(today);
  if (latestCall === null) return fromTime(onWeekday(todayTime, cadence.weekday));
  let next = onWeekday(toTime(latestCall) + step * DAY_MS, cadence.weekday);
  if (next < todayTime) next += Math.ceil((todayTime - next) / (step * DAY_MS)) * step * DAY_MS;
  return fromTime(next);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** Today's date in a time zone (the series' own: a call on Thursday in Berlin). */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function weekdayOf(date: string): number {
  return new Date(toTime(date)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

function onWeekday(time: number, weekday: number | null): number {
  if (weekday === null) return time;
  const shift = (weekday - new Date(time).getUTCDay() + 7) % 7;
  return time + shift * DAY_MS;
}

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
