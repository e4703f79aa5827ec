// Where an archived deck goes in an export meant for a git repository:
// `<year>/<yyyymmdd>-<slug>.md`, its media in `<year>/<yyyymmdd>-<slug>/`. The date is the one
// the deck is about (an ISO date in its title, as community-call decks carry), else the day it was
// created; the slug comes from the title. Names never collide within one export.

export interface ArchivedDeckInfo {
  id: string;
  title: string;
  createdAt: Date;
}

export interface ArchivePlacement {
  deckId: string;
  markdownPath: string;
  mediaDir: string;
}

const TITLE_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MAX_SLUG_LENGTH = 60;

export function deckDate(deck: ArchivedDeckInfo): { year: string; compact: string; fromTitle: string | null } {
  const match = TITLE_DATE.exec(deck.title);
  if (match && isRealDate(match[1]!, match[2]!, match[3]!)) {
    return { year: match[1]!, compact: `${match[1]}${match[2]}${match[3]}`, fromTitle: match[0] };
  }
  const iso = deck.createdAt.toISOString();
  return { year: iso.slice(0, 4), compact: iso.slice(0, 10).replaceAll("-", ""), fromTitle: null };
}

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "untitled";
}

export function planArchiveLayout(decks: ArchivedDeckInfo[]): ArchivePlacement[] {
  const used = new Set<string>();
  return decks.map((deck) => {
    const { year, compact, fromTitle } = deckDate(deck);
    // The date already leads the file name; keep it out of the slug.
    const title = fromTitle ? deck.title.replace(fromTitle, "") : deck.title;
    const base = `${year}/${compact}-${slugify(title)}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return { deckId: deck.id, markdownPath: `${name}.md`, mediaDir: `${name}/` };
  });
}

function isRealDate(year: string, month: string, day: string): boolean {
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
}
