"use client";

// CodeMirror 6 bound to the deck's Y.Text: markdown with YAML frontmatter highlighting (parsed
// slide by slide, deck-language.ts), line numbers, line wrapping, remote cursors labelled with
// names, undo that only undoes my edits, markdown shortcuts, search and replace, and completion of
// emoji and slideOptions.
import { closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { useEffect, useRef } from "react";
import { deckCompletions } from "./deck-completions";
import { deckHighlightStyle } from "./deck-highlight-style";
import { deckMarkdown } from "./deck-language";
import { markdownKeymap } from "./markdown-commands";
import { mediaUpload } from "./media-upload";
import { yCollab, yUndoManagerKeymap } from "y-codemirror.next";
import * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";

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

export interface DeckEditorProps {
  /** Pasted and dropped images are uploaded for this deck. */
  deckId: string;
  text: Y.Text;
  awareness: Awareness;
  /** The view once it exists (null when it goes), for the toolbar and the outline. */
  onView?: (view: EditorView | null) => void;
  /** The 1-based line of my cursor, whenever it changes. */
  onCursorLine?: (line: number) => void;
}

export default function DeckEditor({ deckId, text, awareness, onView, onCursorLine }: DeckEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // Callbacks may change between renders; the view is made once per document.
  const callbacks = useRef({ onView, onCursorLine });
  useEffect(() => {
    callbacks.current = { onView, onCursorLine };
  });

  useEffect(() => {
    if (!host.current) return;
    const undoManager = new Y.UndoManager(text);
    let cursorLine = 0;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
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
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...searchKeymap, ...yUndoManagerKeymap, indentWithTab]),
          yCollab(text, awareness, { undoManager }),
          mediaUpload(deckId),
          editorTheme,
          EditorView.contentAttributes.of({ "aria-label": "Deck markdown" }),
          EditorView.updateListener.of((update) => {
            if (!update.selectionSet && !update.docChanged) return;
            // Only a new line is news: telling React the same line on every keystroke costs a render.
            const line = update.state.doc.lineAt(update.state.selection.main.head).number;
            if (line === cursorLine) return;
            cursorLine = line;
            callbacks.current.onCursorLine?.(line);
          }),
        ],
      }),
    });
    callbacks.current.onView?.(view);
    return () => {
      callbacks.current.onView?.(null);
      view.destroy();
      undoManager.destroy();
    };
  }, [deckId, text, awareness]);

  return <div ref={host} className="editor-pane" data-testid="deck-editor" />;
}
