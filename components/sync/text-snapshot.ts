// A deck's text as one string, shared by everything that reads it after a keystroke (the outline,
// the sections, presence): on a 2 MB deck each Y.Text.toString() and the first read of its result
// copy the whole text, so it is made once per change and kept until the text changes again.
import type * as Y from "yjs";

const snapshots = new WeakMap<Y.Text, string>();
const observed = new WeakSet<Y.Text>();

export function textSnapshot(text: Y.Text): string {
  let snapshot = snapshots.get(text);
  if (snapshot === undefined) {
    snapshot = text.toString();
    snapshots.set(text, snapshot);
    if (!observed.has(text)) {
      observed.add(text);
      // Runs at the end of every transaction that changed the text, before anyone reads it again.
      text.observe(() => snapshots.delete(text));
    }
  }
  return snapshot;
}
