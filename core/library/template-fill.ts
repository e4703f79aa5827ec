// Fills a template deck's placeholders when a new deck is made from it:
// {{date}} → today as an ISO date, {{date:+3}} / {{date:-7}} → days from today, {{author}} → the
// creator's name, {{series}} → the name of the series the deck is a call of ("Community Call", the
// shipped template's own, for a deck outside any series). Unknown placeholders stay as they are,
// so a typo is visible, not silently lost.

export interface TemplateValues {
  now: Date;
  author: string;
  /** IANA time zone that decides what "today" is; UTC when absent. */
  timeZone?: string;
  /** The series the new deck is a call of. */
  series?: string;
}

const NO_SERIES = "Community Call";

const PLACEHOLDER = /\{\{\s*(date|author|series)(?::\s*([+-]\d{1,4}))?\s*\}\}/g;
const DAY_MS = 24 * 60 * 60 * 1000;

export function fillTemplate(markdown: string, values: TemplateValues): string {
  return markdown.replace(PLACEHOLDER, (whole, name: string, offset: string | undefined) => {
    if (name === "author") return offset === undefined ? values.author : whole;
    if (name === "series") return offset === undefined ? (values.series ?? NO_SERIES) : whole;
    return isoDate(new Date(values.now.getTime() + Number(offset ?? 0) * DAY_MS), values.timeZone);
  });
}

function isoDate(date: Date, timeZone = "UTC"): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}
