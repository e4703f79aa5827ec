// Turns "replace the whole text" into the few insertions and deletions that change it, so a
// PUT of a deck's markdown reaches open editors as a small edit that keeps their cursors.
import diff from "fast-diff";

export type TextEdit =
  | { kind: "insert"; index: number; text: string }
  | { kind: "delete"; index: number; length: number };

/** Edits that turn `before` into `after`, with indices valid when applied in order. */
export function computeTextEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const edits: TextEdit[] = [];
  let index = 0;
  for (const [op, text] of diff(before, after)) {
    if (op === diff.EQUAL) {
      index += text.length;
    } else if (op === diff.DELETE) {
      edits.push({ kind: "delete", index, length: text.length });
    } else {
      edits.push({ kind: "insert", index, text });
      index += text.length;
    }
  }
  return edits;
}
