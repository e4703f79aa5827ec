import { describe, expect, it } from "vitest";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { LineIndex } from "./line-index";

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

describe("line index", () => {
  it("finds each offset's line as counting the newlines before it does, through random edits", () => {
    const next = random(3);
    const pieces = ["a", "\n", "\n\n", "bc", "\r\n", "---\n"];
    let text = ordinaryDeck(5000).markdown;
    const index = new LineIndex();
    for (let edit = 0; edit < 2000; edit++) {
      const at = Math.floor(next() * (text.length + 1));
      if (next() < 0.4 && text.length > 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
      else text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + text.slice(at);
      for (const offset of [0, at, Math.floor(next() * (text.length + 1)), text.length, text.length + 5]) {
        expect(index.lineAt(text, offset), `edit ${edit}, offset ${offset}`).toBe(lineOf(text, Math.min(offset, text.length)));
      }
    }
  });

  it("reads only the changed characters of a large text after a keystroke", () => {
    const { markdown } = ordinaryDeck(500_000);
    const index = new LineIndex();
    index.lineAt(markdown, 10);
    expect(index.charactersRead).toBe(markdown.length);
    const at = markdown.indexOf("Team 400 report");
    const typed = `${markdown.slice(0, at)}x\n${markdown.slice(at)}`;
    expect(index.lineAt(typed, typed.length)).toBe(lineOf(typed, typed.length));
    expect(index.charactersRead).toBe(markdown.length + 2);
    index.lineAt(typed, 5);
    expect(index.charactersRead).toBe(markdown.length + 2);
  });
});
