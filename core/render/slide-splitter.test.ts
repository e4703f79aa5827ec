import { ordinaryDeck } from "./fixtures/ordinary-deck";
import { DEFAULT_MAX_DECK_CHARS } from "../limits";
import { MAX_SLIDES } from "./render-limits";
import { describe, expect, it } from "vitest";
import { splitSlides } from "./slide-splitter";

const shape = (body: string): number[] => splitSlides(body).horizontals.map((stack) => stack.length);

describe("slide splitter", () => {
  it("needs an empty line before and after the separator", () => {
    expect(shape("a\n\n---\n\nb")).toEqual([1, 1]);
    expect(shape("a\n---\n\nb")).toEqual([1]);
    expect(shape("a\n\n---\nb")).toEqual([1]);
    expect(shape("---\n\nb")).toEqual([1]);
    expect(shape("a\n\n--- \n\nb")).toEqual([1]);
    expect(shape("a\n\n-----\n\nb")).toEqual([1]);
  });
  it("accepts CRLF line endings", () => {
    expect(shape("a\r\n\r\n---\r\n\r\nb")).toEqual([1, 1]);
  });
  it("builds vertical stacks as reveal.js does", () => {
    expect(shape("a\n\n----\n\nb\n\n---\n\nc\n\n----\n\nd\n\n----\n\ne")).toEqual([2, 3]);
    expect(shape("a\n\n---\n\nb\n\n----\n\nc")).toEqual([1, 2]);
  });
  it("makes an empty slide after a trailing separator and between adjacent ones", () => {
    expect(shape("a\n\n---\n")).toEqual([1, 1]);
    expect(shape("a\n\n---\n\n---\n\nb")).toEqual([1, 1, 1]);
    expect(splitSlides("a\n\n---\n\n---\n\nb").horizontals[1]![0]!.text).toBe("");
  });
  it("ignores separators in fenced code", () => {
    expect(shape("```\na\n\n---\n\nb\n```\n\n---\n\nc")).toEqual([1, 1]);
    expect(shape("```\na\n\n---\n\nb")).toEqual([1, 1]);
  });
  it("keeps reveal.js's slide text and source lines", () => {
    const split = splitSlides("# A\n\n---\n\n# B\nmore\n", 10);
    expect(split.horizontals.map((stack) => stack[0]!)).toEqual([
      { text: "# A\n", startLine: 10, endLine: 10 },
      { text: "\n# B\nmore\n", startLine: 13, endLine: 15 },
    ]);
  });
  it("caps the number of slides", () => {
    const split = splitSlides("x\n\n---\n\n".repeat(10), 1, 5);
    expect(split.truncated).toBe(true);
    expect(split.horizontals.length).toBe(5);
  });
  it("splits a deck of ordinary slides at the size limit into every slide, and a deck of bare separators at MAX_SLIDES", () => {
    const { markdown, slides } = ordinaryDeck(DEFAULT_MAX_DECK_CHARS);
    expect(slides).toBeGreaterThan(3000);
    const ordinary = splitSlides(markdown);
    expect(ordinary.truncated).toBe(false);
    expect(ordinary.horizontals.reduce((count, stack) => count + stack.length, 0)).toBe(slides);
    const hostile = splitSlides("x\n\n---\n\n".repeat(DEFAULT_MAX_DECK_CHARS / 8));
    expect(hostile.truncated).toBe(true);
    expect(hostile.horizontals.length).toBe(MAX_SLIDES);
  });
});
