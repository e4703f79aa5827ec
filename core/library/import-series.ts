// Which imported decks form a series of calls: those of one folder whose titles name the folder
// (`community-call/20240718.md` titled "SCS Community Call" → the series "Community Call"). Only
// dated decks join (a series is a row of calls by date); the folder's other files (its template.md)
// stay plain decks. The cadence and weekday are read off the dates.
import { weekdayOf, daysBetween } from "../series/cadence";

export interface DatedImport {
  path: string;
  title: string;
  /** YYYY-MM-DD, or null. */
  date: string | null;
}

export interface ImportedSeries {
  /** The folder's slug ("community-call"): the series' folder. */
  folder: string;
  /** "Community Call" */
  name: string;
  /** The paths of the decks that belong to it. */
  paths: string[];
  cadenceDays: number;
  weekday: number | null;
}

/** At least this many dated decks make a series. */
const MIN_CALLS = 2;
const TEMPLATE_FILE = /(^|\/)[^/]*template[^/]*$/i;

export function groupImportIntoSeries(decks: DatedImport[]): ImportedSeries[] {
  const byFolder = new Map<string, DatedImport[]>();
  for (const deck of decks) {
    const folder = folderSlug(deck.path);
    // A folder's template (template.md) is not a call, whatever time its zip entry has.
    if (!folder || deck.date === null || TEMPLATE_FILE.test(deck.path)) continue;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), deck]);
  }
  const series: ImportedSeries[] = [];
  for (const [folder, members] of byFolder) {
    const words = folder.split("-").join(" ");
    const named = members.filter((deck) => normalize(deck.title).includes(words));
    // The titles say so: most of the folder's dated decks carry its name.
    if (members.length < MIN_CALLS || named.length * 2 < members.length) continue;
    const dates = [...new Set(members.map((deck) => deck.date!))].sort();
    series.push({
      folder,
      name: folder
        .split("-")
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(" "),
      paths: members.map((deck) => deck.path),
      cadenceDays: mostCommon(dates.slice(1).map((date, index) => daysBetween(dates[index]!, date)).filter((days) => days > 0)) ?? 7,
      weekday: usualWeekday(dates),
    });
  }
  return series.sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The slug of the folder a file is in ("Minutes/Community Call/x.md" → "community-call"), or null at the top. */
export function folderSlug(path: string): string | null {
  const parts = path.split("/");
  if (parts.length < 2) return null;
  const slug = normalize(parts[parts.length - 2]!).replaceAll(" ", "-");
  return slug || null;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best)! && value < best)) best = value;
  return best;
}

/** The weekday most calls were on, when at least half were. */
function usualWeekday(dates: string[]): number | null {
  const weekday = mostCommon(dates.map(weekdayOf));
  if (weekday === null) return null;
  return dates.filter((date) => weekdayOf(date) === weekday).length * 2 >= dates.length ? weekday : null;
}
