// A synthetic stand-in for crdt-benchmarks' B4 trace (the automerge-paper editing trace), which is
// published only on GitHub and cannot be fetched here (this machine reaches the npm registry only,
// and no npm package ships it). Same operation counts: 182,315 single-character inserts and
// 77,463 single-character deletes, ending at 104,852 characters. Same shape as a person writing:
// runs of typing at a cursor, runs of backspace, and cursor jumps that mostly stay near the end
// of the text and sometimes go back to revise. Seeded, so every run replays the same trace.
import * as prng from "lib0/prng";

export const TRACE_INSERTS = 182_315;
export const TRACE_DELETES = 77_463;

/** One operation: delete one character at `pos`, or insert `char` at `pos`. */
export type TraceOp = { pos: number; insert: string } | { pos: number; delete: 1 };

const WORDS =
  "the of and to a in is that for it as with be by on not this are or from at which an we can have each all these state document operation replica text insert delete merge concurrent".split(
    " ",
  );

export function syntheticEditingTrace(seed = 4): TraceOp[] {
  const gen = prng.create(seed);
  const ops: TraceOp[] = [];
  let inserts = TRACE_INSERTS;
  let deletes = TRACE_DELETES;
  let length = 0;
  let cursor = 0;
  let pendingWord = "";
  while (inserts > 0 || deletes > 0) {
    // Occasionally move the cursor: mostly near the end, sometimes anywhere (revising).
    if (prng.uint32(gen, 0, 99) < 3) {
      cursor = prng.bool(gen) ? Math.max(0, length - prng.uint32(gen, 0, 200)) : prng.uint32(gen, 0, length);
    }
    // Insert and delete runs in the trace's ratio (about 2.35 : 1).
    const deleting = deletes > 0 && cursor > 0 && (inserts === 0 || prng.uint32(gen, 0, inserts + deletes - 1) < deletes);
    if (deleting) {
      let run = Math.min(prng.uint32(gen, 1, 6), deletes, cursor);
      while (run-- > 0) {
        cursor--;
        ops.push({ pos: cursor, delete: 1 });
        deletes--;
        length--;
      }
    } else if (inserts > 0) {
      let run = Math.min(prng.uint32(gen, 3, 15), inserts);
      while (run-- > 0) {
        if (pendingWord.length === 0) pendingWord = `${prng.oneOf(gen, WORDS)}${prng.uint32(gen, 0, 11) === 0 ? ".\n" : " "}`;
        const char = pendingWord[0]!;
        pendingWord = pendingWord.slice(1);
        ops.push({ pos: cursor, insert: char });
        cursor++;
        inserts--;
        length++;
      }
    } else {
      // Only deletes left but the cursor is at the start: move it to the end.
      cursor = length;
    }
  }
  return ops;
}
