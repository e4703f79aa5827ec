"use client";

// CodeMirror 6 bound to the deck's Y.Text: the editor's setup (deck-editor-setup.ts), with remote
// cursors labelled with names, undo that only undoes my edits, and image uploads.
import { EditorState } from "@codemirror/state";
import { EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { yCollab, ySyncAnnotation, ySyncFacet, yUndoManagerKeymap } from "y-codemirror.next";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { hintEdits } from "@/components/sync/edit-hints";
import type { TextEdit } from "@/core/render";
import { deckEditorSetup } from "./deck-editor-setup";
import { mediaUpload } from "./media-upload";
import { remoteCursors } from "./remote-cursors";
import { MarkedSyncConfig } from "./yjs-positions";

/** My edits, as CodeMirror has them, hinted to the text's observers (components/sync/edit-hints.ts). */
function hintLocalEdits(text: Y.Text, origin: unknown) {
  return ViewPlugin.define(() => ({
    update(update: ViewUpdate) {
      // Changes the binding brings in from Yjs are Yjs's own, with their delta.
      if (!update.docChanged || update.transactions.some((transaction) => transaction.annotation(ySyncAnnotation) !== undefined)) return;
      const edits: TextEdit[] = [];
      update.changes.iterChanges((fromA, toA, fromB, _toB, inserted) => {
        edits.push({ from: fromB, to: fromB + (toA - fromA), insert: inserted.toString() });
      });
      hintEdits(text, origin, edits);
    },
  }));
}

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
    // The binding's transaction origin, which the undo manager tracks.
    const syncConfig = new MarkedSyncConfig(text, null);
    let cursorLine = 0;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
          ...deckEditorSetup(yUndoManagerKeymap),
          // Before the binding: tells the preview what my change is, before the binding makes it.
          hintLocalEdits(text, syncConfig),
          // The binding and undo from y-codemirror; the cursors our own (remote-cursors.ts).
          yCollab(text, null, { undoManager }),
          // Yjs positions from the search markers (yjs-positions.ts): the last configuration wins.
          ySyncFacet.of(syncConfig),
          remoteCursors(text, awareness),
          mediaUpload(deckId),
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
