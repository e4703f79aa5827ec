// Emoji shortcodes (`:rocket:` → 🚀) as Unicode characters, with markdown-it-emoji's full GitHub
// set. Text smileys such as `:)` stay as typed, as in HedgeDoc.
import type { MarkdownIt } from "markdown-it";
import { full as emoji } from "markdown-it-emoji";

export function emojiPlugin(md: MarkdownIt): void {
  md.use(emoji, { shortcuts: {} });
}
