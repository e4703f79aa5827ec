// The edits of a change to a deck's Y.Text as positions, from whoever made it: the editor knows
// them from CodeMirror. Yjs hands the text's observers a delta, which it computes by walking the
// text's items from the first; in a deck with a long editing history (~100,000 items) that costs
// ~15 ms a keystroke. An observer that finds a hint for the change skips the walk.
import type * as Y from "yjs";
import type { TextEdit } from "@/core/render";

const hints = new WeakMap<Y.Text, { origin: unknown; edits: readonly TextEdit[] }>();

/**
 * The next change to `text` made with transaction origin `origin` is `edits` (each at its position
 * after those before it). The hint lasts until the current task's microtasks: the change it
 * describes is made within the same task.
 */
export function hintEdits(text: Y.Text, origin: unknown, edits: readonly TextEdit[]): void {
  const hint = { origin, edits };
  hints.set(text, hint);
  queueMicrotask(() => {
    if (hints.get(text) === hint) hints.delete(text);
  });
}

/** The hinted edits of the change `event` reports, or null when there is no hint for it. */
export function hintedEdits(event: Y.YTextEvent): readonly TextEdit[] | null {
  const hint = hints.get(event.target);
  return hint && hint.origin === event.transaction.origin ? hint.edits : null;
}
