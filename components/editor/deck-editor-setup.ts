// The editor's CodeMirror setup, apart from what binds it to a deck (components/editor/
// deck-editor.tsx adds the Yjs binding, uploads and cursor tracking): markdown with YAML
// frontmatter parsed slide by slide, line numbers, line wrapping, markdown shortcuts, search and
// replace, completion of emoji and slideOptions, and the page's theme. `npm run bench:preview`
// times it alone, as the editor's own floor.
import { closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { type Extension, Prec } from "@codemirror/state";
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  type KeyBinding,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { deckCompletions } from "./deck-completions";
import { deckHighlightStyle } from "./deck-highlight-style";
import { deckMarkdown } from "./deck-language";
import { markdownKeymap } from "./markdown-commands";

const editorTheme = EditorView.theme({
  "&": { height: "100%", fontSize: "14px", backgroundColor: "var(--surface)", color: "var(--text)" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.55" },
  ".cm-gutters": { backgroundColor: "var(--bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  // Room above the first line for the name label of a cursor there.
  ".cm-content": { paddingTop: "14px" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 5%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 10%, transparent)" },
  // Names on remote cursors stay visible, not only on hover: people need to see who is where.
  ".cm-ySelectionInfo": { opacity: "1", fontFamily: "system-ui, sans-serif", fontSize: "11px", top: "-1.2em" },
  // Panels and pop-ups follow the page's theme variables, light or dark.
  ".cm-panels": { backgroundColor: "var(--bg)", color: "var(--text)", fontFamily: "system-ui, sans-serif" },
  ".cm-panels-top": { borderBottom: "1px solid var(--border)" },
  ".cm-panel.cm-search": { padding: "6px 10px", fontSize: "13px" },
  ".cm-panel.cm-search input, .cm-panel.cm-search button": { font: "inherit", color: "var(--text)" },
  ".cm-textfield": { backgroundColor: "var(--surface)", border: "1px solid var(--border)", borderRadius: "4px", padding: "3px 6px" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--surface)", border: "1px solid var(--border)", borderRadius: "4px", padding: "3px 8px" },
  ".cm-searchMatch": { backgroundColor: "color-mix(in srgb, var(--warn) 25%, transparent)" },
  ".cm-searchMatch-selected": { backgroundColor: "color-mix(in srgb, var(--accent) 35%, transparent)" },
  ".cm-tooltip": { backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--border)", borderRadius: "6px", boxShadow: "0 6px 20px rgb(0 0 0 / 0.15)" },
  ".cm-tooltip-autocomplete > ul": { fontFamily: "system-ui, sans-serif", maxHeight: "16em" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--accent-text)" },
  ".cm-completionDetail": { color: "var(--muted)", marginLeft: "1em", fontStyle: "normal" },
});

/** @param undoKeys the undo and redo keys of the binding that keeps the history (Yjs's undo manager). */
export function deckEditorSetup(undoKeys: readonly KeyBinding[] = []): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    syntaxHighlighting(deckHighlightStyle),
    deckMarkdown(),
    EditorView.lineWrapping,
    search({ top: true }),
    deckCompletions(),
    // Formatting shortcuts win over the defaults (Mod-i would otherwise select the syntax parent).
    Prec.high(keymap.of(markdownKeymap)),
    keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...searchKeymap, ...undoKeys, indentWithTab]),
    editorTheme,
    EditorView.contentAttributes.of({ "aria-label": "Deck markdown" }),
  ];
}
