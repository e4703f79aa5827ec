// Which lines of a text are inside fenced code blocks (``` or ~~~), so that slide separators and
// `note:` lines inside code are left alone. A fence without a closing fence is not treated as
// code (it would otherwise swallow every later slide); markdown-it still renders it as code up
// to the end of its slide.

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

interface FenceLine {
  char: string;
  length: number;
  /** Text after the fence marker: an opening fence's info string. */
  rest: string;
}

function readFence(line: string): FenceLine | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const marker = match[1]!;
  const rest = match[2]!.replace(/\r$/, "");
  if (marker[0] === "`" && rest.includes("`")) return null;
  return { char: marker[0]!, length: marker.length, rest };
}

/** Marks lines inside a closed fenced code block, fence lines included. */
export function findFencedLines(lines: readonly string[]): Uint8Array {
  const fenced = new Uint8Array(lines.length);
  const fences: (FenceLine | null)[] = lines.map((line) => (line.length < 3 ? null : readFence(line)));
  // For each fence character, the shortest opening length already known to have no closer:
  // any later opener at least that long has none either.
  const unclosedFrom: Record<string, number> = { "`": Infinity, "~": Infinity };
  let index = 0;
  while (index < lines.length) {
    const open = fences[index];
    if (!open || open.length >= unclosedFrom[open.char]!) {
      index++;
      continue;
    }
    let close = -1;
    for (let next = index + 1; next < lines.length; next++) {
      const candidate = fences[next];
      if (candidate && candidate.char === open.char && candidate.length >= open.length && candidate.rest.trim() === "") {
        close = next;
        break;
      }
    }
    if (close < 0) {
      unclosedFrom[open.char] = open.length;
      index++;
      continue;
    }
    fenced.fill(1, index, close + 1);
    index = close + 1;
  }
  return fenced;
}
