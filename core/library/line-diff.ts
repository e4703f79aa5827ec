// A line-by-line diff for the revision history ("what changed since this revision?"). Lines are
// mapped to single characters so the character diff (fast-diff, Myers) compares whole lines.
import diff from "fast-diff";

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

export function diffLines(before: string, after: string): DiffLine[] {
  const codes = new Map<string, string>();
  const lineOf: string[] = [];
  const encode = (text: string) =>
    splitLines(text)
      .map((line) => {
        let code = codes.get(line);
        if (code === undefined) {
          code = String.fromCodePoint(0x10000 + lineOf.length);
          codes.set(line, code);
          lineOf.push(line);
        }
        return code;
      })
      .join("");
  const a = encode(before);
  const b = encode(after);
  const lines: DiffLine[] = [];
  for (const [op, chunk] of diff(a, b)) {
    const kind = op === diff.EQUAL ? "same" : op === diff.INSERT ? "added" : "removed";
    for (const code of chunk) lines.push({ kind, text: lineOf[code.codePointAt(0)! - 0x10000]! });
  }
  return lines;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
