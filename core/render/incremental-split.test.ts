import { describe, expect, it } from "vitest";
import { createIncrementalSplitter } from "./incremental-split";
import { splitSlides } from "./slide-splitter";
import { ordinaryDeck } from "./fixtures/ordinary-deck";

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("incremental split", () => {
  it("splits every edit exactly as splitSlides does: letters, new lines, separators, fences, blank lines", () => {
    const next = random(7);
    const pieces = ["a", "b", " ", "\n", "-", "---", "\n---\n", "\n\n", "`", "```", "~~~", "\r", "x"];
    let body = ordinaryDeck(6000).markdown.replace(/^---[\s\S]*?---\n\n/, "");
    const splitter = createIncrementalSplitter(40);
    for (let edit = 0; edit < 3000; edit++) {
      const at = Math.floor(next() * (body.length + 1));
      if (next() < 0.3 && body.length > 0) body = body.slice(0, at) + body.slice(at + 1 + Math.floor(next() * 3));
      else body = body.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + body.slice(at);
      expect(splitter.split(body, 8), `edit ${edit}`).toEqual(splitSlides(body, 8, 40));
    }
  });

  it("reuses the other slides when typing within a line", () => {
    const body = "# A\n\n---\n\n# B\nline\n\n---\n\n# C\n";
    const splitter = createIncrementalSplitter();
    const first = splitter.split(body, 1);
    const typed = splitter.split(body.replace("line", "lines"), 1);
    expect(typed).toEqual(splitSlides(body.replace("line", "lines"), 1));
    expect(typed.horizontals[0]).toBe(first.horizontals[0]);
    expect(typed.horizontals[2]).toBe(first.horizontals[2]);
  });

  it("applies every edit by its position exactly as splitSlides splits the edited body, or declines it", () => {
    const next = random(3);
    const pieces = ["a", "b", " ", "\n", "\n", "\nx", "-", "---", "\n---\n", "\n\n", "\n----", "`", "```", "~~~", "\r", "\r\n", "x"];
    let body = ordinaryDeck(6000).markdown.replace(/^---[\s\S]*?---\n\n/, "");
    const splitter = createIncrementalSplitter(40);
    splitter.split(body, 8);
    let applied = 0;
    let movedLines = 0;
    for (let edit = 0; edit < 3000; edit++) {
      const from = Math.floor(next() * (body.length + 1));
      const to = next() < 0.3 ? Math.min(body.length, from + 1 + Math.floor(next() * 3)) : from;
      const insert = next() < 0.7 ? "ab"[Math.floor(next() * 2)]! : pieces[Math.floor(next() * pieces.length)]!;
      body = body.slice(0, from) + insert + body.slice(to);
      const result = splitter.edit(from, to, insert);
      if (result) applied++;
      if (result?.lineShift) movedLines++;
      expect(result?.split ?? splitter.split(body, 8), `edit ${edit}`).toEqual(splitSlides(body, 8, 40));
    }
    expect(applied).toBeGreaterThan(1000);
    expect(movedLines).toBeGreaterThan(100); // new lines within a slide, too
  });
});
