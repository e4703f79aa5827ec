// HedgeDoc's per-slide indentation rule, exactly as reveal-markdown's getMarkdownFromSlide applies
// it, so that decks indented for HedgeDoc read the same here. The rule measures the white space
// at the start of the slide (after one optional newline) and, when it is tabs, removes that many
// tabs after every newline; when it is more than one other white-space character, it replaces
// every run of that many spaces, with or without a newline before it, by a newline. That includes
// runs in the middle of a line and a count that came from blank lines: HedgeDoc does this too, and
// decks written for it rely on what it shows. HedgeDoc reads each slide through the function
// twice (processSlides, then convertSlides), so the rule is applied twice.

function stripOnce(text: string): string {
  const leadingWhiteSpace = /^\n?(\s*)/.exec(text)![1]!.length;
  const leadingTabs = /^\n?(\t*)/.exec(text)![1]!.length;
  if (leadingTabs > 0) return text.replace(new RegExp(`\\n?\\t{${leadingTabs}}`, "g"), "\n");
  if (leadingWhiteSpace > 1) return text.replace(new RegExp(`\\n? {${leadingWhiteSpace}}`, "g"), "\n");
  return text;
}

/** A slide's markdown as HedgeDoc hands it to markdown-it. */
export function stripSlideIndentation(text: string): string {
  return stripOnce(stripOnce(text));
}
