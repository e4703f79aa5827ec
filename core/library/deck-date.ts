// Finds the date of a call's deck the way a minutes folder records it: in the file name
// (`20240718.md`, `2024-07-18-community-call.md`), else in the title slide ("2024-02-29",
// "29.02.2024", "July 18, 2024", "18 July 2024"), else in the time of the zip entry.
//
// The rule for what counts as a date: a real day of the calendar (no 31 April, no 29 February in
// 2023), from 1990 on, and at most DATE_AHEAD_DAYS after today. A call can be prepared ahead, but a
// deck dated further out is a typo (2204 for 2024) or nonsense. A date that breaks the rule is not
// used: the next source is tried, and the reason is given as a note, so the import can say why.
import { findFrontmatter, parseFrontmatter } from "../frontmatter";

/** How far after today a deck's date may be (a call prepared a year ahead, at most). */
export const DATE_AHEAD_DAYS = 366;
const EARLIEST_YEAR = 1990;
const DAY_MS = 24 * 60 * 60 * 1000;

export type DateSource = "file name" | "title slide" | "zip entry time";

export interface FoundDate {
  /** YYYY-MM-DD, or null when no source gave a usable date. */
  date: string | null;
  source: DateSource | null;
  /** Why a date that was there was not used ("… 2024-13-01 is not a real date"). */
  notes: string[];
}

/** A date candidate: accepted, or refused with a reason. */
type Candidate = { date: string } | { refused: string } | null;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** The deck's date from the first source that gives a usable one. */
export function findDeckDate(input: { path: string; markdown: string; entryTime?: Date | null; now?: Date }): FoundDate {
  const now = input.now ?? new Date();
  const notes: string[] = [];
  const sources: [DateSource, () => Candidate][] = [
    ["file name", () => dateFromFileName(input.path, now)],
    ["title slide", () => dateFromTitleSlide(input.markdown, now)],
    ["zip entry time", () => dateFromEntryTime(input.entryTime ?? null, now)],
  ];
  for (const [source, find] of sources) {
    const candidate = find();
    if (candidate === null) continue;
    if ("date" in candidate) return { date: candidate.date, source, notes };
    notes.push(`the date in its ${source} was not used: ${candidate.refused}`);
  }
  return { date: null, source: null, notes };
}

/** `20240718.md`, `2024-07-18-call.md`, `call_2024_07_18.md`: the first date-shaped run of the file's own name. */
export function dateFromFileName(path: string, now = new Date()): Candidate {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "");
  const match = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/.exec(name);
  if (!match) return null;
  return checkDate(Number(match[1]), Number(match[3]), Number(match[4]), now, match[0]);
}

/** The first date in the deck's title slide (its frontmatter title and its first slide's text). */
export function dateFromTitleSlide(markdown: string, now = new Date()): Candidate {
  const text = titleSlideText(markdown);
  const found: { index: number; candidate: Candidate }[] = [];
  const add = (pattern: RegExp, toDate: (match: RegExpExecArray) => [number, number, number]) => {
    const match = pattern.exec(text);
    if (match) {
      const [year, month, day] = toDate(match);
      found.push({ index: match.index, candidate: checkDate(year, month, day, now, match[0]) });
    }
  };
  add(/(?<![\d.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
  add(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]);
  add(new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "i"), (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])]);
  add(new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH_NAME}\\s+(\\d{4})(?!\\d)`, "i"), (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])]);
  if (found.length === 0) return null;
  // The date that comes first in the slide is the deck's date.
  found.sort((a, b) => a.index - b.index);
  return found[0]!.candidate;
}

/** The date part of a zip entry's modification time; zips without times say 1980-01-01 (DOS's epoch). */
export function dateFromEntryTime(time: Date | null, now = new Date()): Candidate {
  if (time === null || Number.isNaN(time.getTime())) return null;
  if (time.getUTCFullYear() <= 1980) return null;
  return checkDate(time.getUTCFullYear(), time.getUTCMonth() + 1, time.getUTCDate(), now, "");
}

/** The first slide's text (before the first `---` separator), with the frontmatter's title. */
export function titleSlideText(markdown: string): string {
  const block = findFrontmatter(markdown);
  let title = "";
  if (block) {
    const data = parseFrontmatter(block).data;
    if (typeof data.title === "string") title = data.title;
  }
  const body = (block ? markdown.slice(block.bodyOffset) : markdown).slice(0, 20_000);
  const separator = /^---[ \t]*$/m.exec(body);
  const slide = separator ? body.slice(0, separator.index) : body;
  // Markup around the words (`<font color="#5f6b7d">2024-07-18</font>`, `## **July 18**`) is not text.
  const words = slide
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ");
  return `${title}\n${words}`;
}

function checkDate(year: number, month: number, day: number, now: Date, written: string): Candidate {
  const shown = written ? `“${written}”` : `${year}-${pad(month)}-${pad(day)}`;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (month < 1 || month > 12 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { refused: `${shown} is not a real date` };
  }
  if (year < EARLIEST_YEAR) return { refused: `${shown} is before ${EARLIEST_YEAR}` };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (time > today + DATE_AHEAD_DAYS * DAY_MS) return { refused: `${shown} is more than a year in the future` };
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
