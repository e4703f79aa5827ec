// The edits of a change to a deck's Y.Text as positions, from whoever made it: the editor knows
// them from CodeMirror. Yjs hands the text's observers a delta, which it computes by walking the
// text's items from the first; in a deck with a long editing history (~100,000 items) that costs
// ~15 ms a keystroke. An observer that finds a hint for the change skips the walk; the delta, once
// computed, is kept on the event for every observer after it.
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

/**
 * The change `event` reports as edits of the text, each at its position after those before it: the
 * hint if there is one, else from Yjs's delta. Null when the change holds something other than text.
 */
export function editsOfChange(event: Y.YTextEvent): readonly TextEdit[] | null {
  const hinted = hintedEdits(event);
  if (hinted) return hinted;
  const edits: TextEdit[] = [];
  let at = 0;
  for (const step of event.delta) {
    if (step.retain !== undefined) at += step.retain;
    else if (step.delete !== undefined) edits.push({ from: at, to: at + step.delete, insert: "" });
    else if (typeof step.insert === "string") {
      edits.push({ from: at, to: at, insert: step.insert });
      at += step.insert.length;
    } else return null; // an embed: not text anyone here can place
  }
  return edits;
}
