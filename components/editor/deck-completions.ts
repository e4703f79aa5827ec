// Autocompletion in the deck editor: emoji shortcodes (`:roc` → `:rocket:`) from the very table
// the renderer uses, and reveal.js option names (and themes) under `slideOptions:` in the
// frontmatter, from the renderer's allow-list, so nothing offered is later rejected.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import type { Extension } from "@codemirror/state";
import emojis from "markdown-it-emoji/lib/data/full.mjs";
import { REVEAL_THEMES, SLIDE_OPTION_SPECS } from "@/core/render/slide-options";

const EMOJI_OPTIONS: Completion[] = Object.entries(emojis).map(([name, emoji]) => ({
  label: `:${name}:`,
  displayLabel: `${emoji}  ${name}`,
  type: "text",
}));

const SLIDE_OPTION_KEYS: Completion[] = [
  { label: "theme", detail: "reveal.js theme", type: "property", apply: "theme: " },
  ...Object.entries(SLIDE_OPTION_SPECS).map(([key, spec]) => ({ label: key, detail: spec.expected, type: "property", apply: `${key}: ` })),
];

const THEME_VALUES: Completion[] = REVEAL_THEMES.map((theme) => ({ label: theme, type: "constant" }));

function emojiCompletions(context: CompletionContext): CompletionResult | null {
  // A colon at a word start followed by at least two characters: "10:30" or "a:b" stay alone.
  const match = context.matchBefore(/(?:^|[\s([{])(:[a-z0-9_+-]{2,})$/i);
  if (!match) return null;
  const word = /:[a-z0-9_+-]*$/i.exec(match.text)![0];
  return { from: match.to - word.length, options: EMOJI_OPTIONS, validFor: /^:[a-z0-9_+-]*$/i };
}

/** Is the cursor's line inside the frontmatter and indented under a top-level `slideOptions:`? */
function inSlideOptions(context: CompletionContext): boolean {
  const { doc } = context.state;
  if (doc.lines < 2 || !/^---[ \t]*$/.test(doc.line(1).text)) return false;
  const cursorLine = doc.lineAt(context.pos).number;
  for (let number = 2; number < cursorLine; number++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(doc.line(number).text)) return false;
  }
  if (!/^[ \t]+/.test(doc.line(cursorLine).text)) return false;
  for (let number = cursorLine - 1; number >= 2; number--) {
    const text = doc.line(number).text;
    if (/^[ \t]/.test(text) || text.trim() === "") continue;
    return /^slideOptions:\s*$/.test(text);
  }
  return false;
}

function slideOptionCompletions(context: CompletionContext): CompletionResult | null {
  if (!inSlideOptions(context)) return null;
  const value = context.matchBefore(/^[ \t]+theme:[ \t]*[\w-]*$/);
  if (value) {
    const typed = /[\w-]*$/.exec(value.text)![0];
    return { from: value.to - typed.length, options: THEME_VALUES, validFor: /^[\w-]*$/ };
  }
  const key = context.matchBefore(/^[ \t]+\w*$/);
  if (!key) return null;
  const typed = /\w*$/.exec(key.text)![0];
  if (typed === "" && !context.explicit) return null;
  return { from: key.to - typed.length, options: SLIDE_OPTION_KEYS, validFor: /^\w*$/ };
}

export function deckCompletions(): Extension {
  return autocompletion({ override: [slideOptionCompletions, emojiCompletions], icons: false });
}
