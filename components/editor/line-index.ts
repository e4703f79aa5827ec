// Which line an offset of a deck's text is on, for every peer's cursor after every keystroke
// (use-presence.ts). Counting the newlines before a cursor reads the text up to it, for each peer
// each time; this keeps the newlines' offsets and, when the text changes, reads only what changed
// between the old and the new text (the rest is compared, natively, in large slices).

/** Compared in slices of this length first (string comparison is native), then by character. */
const CHUNK = 4096;

export class LineIndex {
  private text = "";
  /** Offsets of the text's newlines, in order. */
  private newlines = new Int32Array(0);
  /** Characters read to find newlines (its work, for tests). */
  charactersRead = 0;

  /** The 1-based line of `offset` in `text`. */
  lineAt(text: string, offset: number): number {
    this.update(text);
    return 1 + countBelow(this.newlines, Math.min(offset, text.length));
  }

  private update(text: string): void {
    const old = this.text;
    if (text === old) return;
    const shorter = Math.min(old.length, text.length);
    const start = commonPrefix(old, text, shorter);
    const suffix = commonSuffix(old, text, shorter - start);
    const head = countBelow(this.newlines, start);
    const tail = countBelow(this.newlines, old.length - suffix);
    const middle: number[] = [];
    const end = text.length - suffix;
    for (let at = text.indexOf("\n", start); at >= 0 && at < end; at = text.indexOf("\n", at + 1)) middle.push(at);
    this.charactersRead += end - start;
    const shift = text.length - old.length;
    const next = new Int32Array(head + middle.length + this.newlines.length - tail);
    next.set(this.newlines.subarray(0, head));
    next.set(middle, head);
    for (let from = tail, to = head + middle.length; from < this.newlines.length; from++, to++) next[to] = this.newlines[from]! + shift;
    this.text = text;
    this.newlines = next;
  }
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: Int32Array, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

function commonPrefix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(length, length + CHUNK) === b.slice(length, length + CHUNK)) length += CHUNK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}
