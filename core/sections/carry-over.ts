// "Prepare next call" may carry over the sections marked `data-continued="true"` in the previous
// call's deck: a topic that goes on next week keeps its text and its owner. A carried section
// replaces the new deck's section of the same title (the template's "Team IaaS"), or, when the new
// deck has none, goes in before its last slide (the closing "Thank you!"). The copy starts again
// as "to do" and is no longer marked continued: carrying it once more is a new decision.
import { parseSections, offsetsOf, type DeckSection } from "./deck-sections";
import { applyTextChange, sectionAttributeEdit } from "./section-edit";

const SEPARATOR = "\n\n---\n\n";

export function carryOverSections(previousMarkdown: string, newMarkdown: string): string {
  const carried = parseSections(previousMarkdown)
    .filter((section) => section.continued)
    .map((section) => ({ title: section.title, text: carriedText(sectionText(previousMarkdown, section)) }))
    .filter((section) => section.text !== "");
  if (carried.length === 0) return newMarkdown;

  let result = newMarkdown;
  const pending: string[] = [];
  const seen = new Map<string, number>();
  for (const section of carried) {
    const key = titleKey(section.title);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const target = key === "" ? undefined : parseSections(result).filter((candidate) => titleKey(candidate.title) === key)[occurrence];
    if (!target) {
      pending.push(section.text);
      continue;
    }
    const range = textRange(result, target);
    result = result.slice(0, range.from) + section.text + result.slice(range.to);
  }
  if (pending.length === 0) return result;

  const block = pending.join(SEPARATOR);
  const sections = parseSections(result);
  const last = sections[sections.length - 1];
  if (sections.length >= 2 && last) {
    const { from } = textRange(result, last);
    return result.slice(0, from) + block + SEPARATOR + result.slice(from);
  }
  const head = result.replace(/\s+$/, "");
  return head === "" ? `${block}\n` : `${head}${SEPARATOR}${block}\n`;
}

/** The section's text from its first to its last non-blank line. */
function sectionText(markdown: string, section: DeckSection): string {
  const range = textRange(markdown, section);
  return markdown.slice(range.from, range.to);
}

function textRange(markdown: string, section: DeckSection): { from: number; to: number } {
  const lines = markdown.split("\n");
  const offsets = offsetsOf(lines);
  let first = section.startLine;
  let last = Math.min(section.endLine, lines.length);
  while (first < last && lines[first - 1]!.trim() === "") first++;
  while (last > first && lines[last - 1]!.trim() === "") last--;
  const from = offsets[first - 1] ?? markdown.length;
  const to = (offsets[last - 1] ?? markdown.length) + (lines[last - 1]?.replace(/\r$/, "").length ?? 0);
  return { from, to: Math.max(from, to) };
}

/** The carried copy: to do again, no longer marked continued. */
function carriedText(text: string): string {
  return applyTextChange(text, sectionAttributeEdit(text, 0, { continued: false, status: "todo" }));
}

function titleKey(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, " ");
}
