// The REST contract of series of calls (app/api/series/**), shared by the routes, the library UI
// and tests: the shapes, and the one check of a series' settings that both ends use.
import type { CreatedDeck } from "../api/decks";

/** What an editor sets. `prepareDaysAhead` (automatic preparation) only admins may set. */
export interface SeriesSettings {
  name: string;
  /** URL slug and minutes-repository folder: "community-call". */
  folder: string;
  cadenceDays: number;
  /** 0 (Sunday) … 6, or null. */
  weekday: number | null;
  /** "15:05" in timeZone, or null. */
  startTime: string | null;
  timeZone: string;
  durationMinutes: number;
  /** The deck the next call's deck is made from; null: the built-in community-call template. */
  templateDeckId: string | null;
  /** Prepare the next call's deck this many days ahead, automatically; null: only by hand. */
  prepareDaysAhead: number | null;
  /** Lock a call's deck this many minutes after its slot ends (server/sections/call-lock-scheduler.ts); null: only "End call". */
  lockAfterMinutes: number | null;
}

/** One call of a series: a deck with its date. */
export interface SeriesCall {
  id: string;
  url: string;
  title: string;
  /** YYYY-MM-DD */
  callDate: string;
  locked: boolean;
  updatedAt: string;
  /** "6 of 9 sections ready; Team Ops has no owner" (core/sections/readiness.ts); null: no tracked sections. */
  readiness: string | null;
}

export interface SeriesSummary extends SeriesSettings {
  id: string;
  /** The series page: /s/<folder>. */
  url: string;
  /** The date "Prepare next call" would prepare. */
  nextCallDate: string;
  /** The first call from today on that has a deck, if any. */
  upcoming: SeriesCall | null;
  /** The latest call before today, if any. */
  latest: SeriesCall | null;
  /** Calls (decks) of the series the caller may read. */
  callCount: number;
}

export interface SeriesDetail extends SeriesSummary {
  /** Today and later, soonest first. */
  upcomingCalls: SeriesCall[];
  /** Before today, latest first. */
  pastCalls: SeriesCall[];
  /** The caller may change its settings (its owner, or an admin). */
  canEdit: boolean;
}

/** GET /api/series */
export interface SeriesList {
  series: SeriesSummary[];
}

/** POST /api/series/:id/next-call → 201 */
export interface PreparedCall extends CreatedDeck {
  callDate: string;
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const SERIES_DEFAULTS: Omit<SeriesSettings, "name" | "folder"> = {
  cadenceDays: 7,
  weekday: null,
  startTime: null,
  timeZone: "UTC",
  durationMinutes: 60,
  templateDeckId: null,
  prepareDaysAhead: null,
  lockAfterMinutes: null,
};

export type SeriesInputCheck = { ok: true; value: Partial<SeriesSettings> } | { ok: false; message: string };

const FOLDER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DECK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Checks a JSON body of settings. `complete`: a new series, which needs a name and a folder; else
 * a change, where every field is optional. Unknown fields are refused, so a typo is not ignored.
 */
export function checkSeriesInput(body: unknown, complete: boolean): SeriesInputCheck {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return fail("The body must be a JSON object of the series' settings.");
  const input = body as Record<string, unknown>;
  const value: Partial<SeriesSettings> = {};
  for (const key of Object.keys(input)) {
    if (!(key in SERIES_DEFAULTS) && key !== "name" && key !== "folder") return fail(`Unknown setting "${key}".`);
  }
  if (complete || input.name !== undefined) {
    if (typeof input.name !== "string" || input.name.trim() === "" || input.name.trim().length > 120) return fail('"name" must be a text of 1 to 120 characters.');
    value.name = input.name.trim();
  }
  if (complete || input.folder !== undefined) {
    if (typeof input.folder !== "string" || input.folder.length > 64 || !FOLDER.test(input.folder)) {
      return fail('"folder" must be lower-case letters, digits and single dashes, like "community-call" (at most 64).');
    }
    value.folder = input.folder;
  }
  const integer = (key: keyof SeriesSettings, min: number, max: number, nullable: boolean): string | null => {
    const raw = input[key];
    if (raw === undefined) return null;
    if (raw === null && nullable) {
      (value as Record<string, unknown>)[key] = null;
      return null;
    }
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < min || raw > max) {
      return `"${key}" must be a whole number from ${min} to ${max}${nullable ? ", or null" : ""}.`;
    }
    (value as Record<string, unknown>)[key] = raw;
    return null;
  };
  const problem =
    integer("cadenceDays", 1, 365, false) ??
    integer("weekday", 0, 6, true) ??
    integer("durationMinutes", 1, 24 * 60, false) ??
    integer("prepareDaysAhead", 0, 60, true) ??
    integer("lockAfterMinutes", 0, 7 * 24 * 60, true);
  if (problem) return fail(problem);
  if (input.startTime !== undefined) {
    if (input.startTime !== null && (typeof input.startTime !== "string" || !START_TIME.test(input.startTime))) return fail('"startTime" must be a time like "15:05", or null.');
    value.startTime = input.startTime;
  }
  if (input.timeZone !== undefined) {
    if (typeof input.timeZone !== "string" || !isTimeZone(input.timeZone)) return fail('"timeZone" must be a time zone like "Europe/Berlin" or "UTC".');
    value.timeZone = input.timeZone;
  }
  if (input.templateDeckId !== undefined) {
    if (input.templateDeckId !== null && (typeof input.templateDeckId !== "string" || !DECK_ID.test(input.templateDeckId))) return fail('"templateDeckId" must be a deck id, or null.');
    value.templateDeckId = input.templateDeckId;
  }
  return { ok: true, value };
}

export function seriesUrl(folder: string): string {
  return `/s/${folder}`;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

function fail(message: string): SeriesInputCheck {
  return { ok: false, message };
}
