// Colours for markdown and its YAML frontmatter in the editor, readable in light and dark themes
// (they use the page's CSS variables where they can).
import { HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";

export const deckHighlightStyle = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: "700", fontSize: "1.25em", color: "var(--accent)" },
  { tag: tags.heading2, fontWeight: "700", fontSize: "1.12em", color: "var(--accent)" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "700", color: "var(--accent)" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.link, color: "#0f8391", textDecoration: "underline" },
  { tag: tags.url, color: "#0f8391" },
  { tag: [tags.monospace, tags.string], color: "#b44b1b" },
  { tag: tags.quote, color: "var(--muted)", fontStyle: "italic" },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.meta], color: "#7b3fc4", fontWeight: "600" },
  { tag: [tags.list], color: "#c2387a" },
  { tag: [tags.comment, tags.blockComment], color: "var(--muted)" },
  { tag: [tags.angleBracket, tags.tagName], color: "#1f6fb2" },
  { tag: tags.attributeName, color: "#7b3fc4" },
  { tag: tags.attributeValue, color: "#1f8a4c" },
  // YAML frontmatter
  { tag: [tags.definition(tags.propertyName), tags.propertyName], color: "#1f6fb2", fontWeight: "600" },
  { tag: [tags.bool, tags.number, tags.null, tags.atom], color: "#b26b00" },
  { tag: tags.keyword, color: "#7b3fc4" },
]);
