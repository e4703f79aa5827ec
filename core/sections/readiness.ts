// The moderator's question before the call: which sections are ready, and which have nobody
// writing them. "6 of 9 sections ready; Team Ops has no owner".
import type { SectionStatus } from "./deck-sections";

/** What the summary needs of a section: parsed (deck-sections.ts) or stored (Deck.sections). */
export interface SectionState {
  title: string;
  owner: string | null;
  status: SectionStatus;
  tracked?: boolean;
}

export interface ReadinessSummary {
  total: number;
  ready: number;
  writing: number;
  todo: number;
  /** Titles of the sections nobody owns. */
  unowned: string[];
  /** The one line shown on the deck and the series page. */
  text: string;
}

const NAMED_UNOWNED = 3;

export function readinessSummary(sections: readonly SectionState[]): ReadinessSummary {
  const tracked = sections.filter((section) => section.tracked !== false);
  const count = (status: SectionStatus) => tracked.filter((section) => section.status === status).length;
  const unowned = tracked.filter((section) => section.owner === null).map((section) => section.title || "An untitled section");
  const summary = { total: tracked.length, ready: count("ready"), writing: count("writing"), todo: count("todo"), unowned };
  return { ...summary, text: summaryText(summary) };
}

function summaryText({ total, ready, unowned }: Omit<ReadinessSummary, "text">): string {
  if (total === 0) return "No sections have owners or a status yet.";
  const head = `${ready} of ${total} ${total === 1 ? "section" : "sections"} ready`;
  if (unowned.length === 0) return ready === total ? head : `${head}; every section has an owner`;
  return `${head}; ${namesList(unowned)} ${unowned.length === 1 ? "has" : "have"} no owner`;
}

function namesList(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  if (names.length <= NAMED_UNOWNED) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, NAMED_UNOWNED - 1).join(", ")} and ${names.length - (NAMED_UNOWNED - 1)} more`;
}
