// A deck's text as one string, shared by everything that reads it after a keystroke (the outline,
// the sections, presence). Y.Text.toString() walks every item of the text: in a deck with a long
// editing history (~120,000 items) that is 4–9 ms, in idle time that a keystroke then waits for.
// So the string is made once, and afterwards each change's edits (the editor's hint, or the delta
// that the preview and CodeMirror's binding read anyway) are applied to it when someone reads it.
import type * as Y from "yjs";
import type { TextEdit } from "@/core/render";
import { editsOfChange } from "./edit-hints";

/** More edits than this since the last read: reading the text afresh is as cheap as applying them. */
const MAX_PENDING_EDITS = 256;

interface Snapshot {
  /** The text as of the last read; null when it must be read afresh. */
  value: string | null;
  /** Changes since then, in order. */
  pending: TextEdit[];
  /**
   * False while the text holds something besides characters (an embed, which the server refuses but
   * a local caller could make): Yjs's positions count it and the string does not, so every change
   * means reading the text afresh.
   */
  followable: boolean;
}

const snapshots = new WeakMap<Y.Text, Snapshot>();

export function textSnapshot(text: Y.Text): string {
  let snapshot = snapshots.get(text);
  if (!snapshot) {
    const created: Snapshot = { value: null, pending: [], followable: true };
    snapshot = created;
    snapshots.set(text, created);
    // Runs at the end of every transaction that changed the text, before anyone reads it again.
    text.observe((event) => follow(created, event));
  }
  if (snapshot.value === null) {
    snapshot.value = text.toString();
    snapshot.followable = snapshot.value.length === text.length;
  } else if (snapshot.pending.length > 0) snapshot.value = applyEdits(snapshot.value, snapshot.pending);
  snapshot.pending = [];
  return snapshot.value;
}

function follow(snapshot: Snapshot, event: Y.YTextEvent): void {
  if (snapshot.value === null) return;
  const edits = snapshot.followable ? editsOfChange(event) : null;
  if (!edits || snapshot.pending.length + edits.length > MAX_PENDING_EDITS) {
    snapshot.value = null;
    snapshot.pending = [];
    return;
  }
  snapshot.pending.push(...edits);
}

function applyEdits(value: string, edits: readonly TextEdit[]): string {
  let result = value;
  for (const { from, to, insert } of edits) result = result.slice(0, from) + insert + result.slice(to);
  return result;
}
