// Makes an open CodeMirror view read-only (and back) while the deck's text keeps arriving from others.
// Beyond readOnly/editable, a change filter drops every local change (toolbar, paste, drop, undo):
// only changes synced in from the shared document (ySyncAnnotation) pass.
import { Compartment, EditorState, StateEffect, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { ySyncAnnotation } from "y-codemirror.next";

const compartments = new WeakMap<EditorView, Compartment>();

const readOnlyExtension: Extension = [
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  EditorState.changeFilter.of((transaction) => transaction.annotation(ySyncAnnotation) !== undefined),
];

export function setEditorReadOnly(view: EditorView, readOnly: boolean): void {
  const extension = readOnly ? readOnlyExtension : [];
  const compartment = compartments.get(view);
  if (compartment) {
    view.dispatch({ effects: compartment.reconfigure(extension) });
    return;
  }
  if (!readOnly) return;
  const created = new Compartment();
  compartments.set(view, created);
  view.dispatch({ effects: StateEffect.appendConfig.of(created.of(extension)) });
}
