import { describe, expect, it } from "vitest";
import { findFencedLines, firstDeckHeading, scanSlide } from "./deck-scanner";

describe("fences", () => {
  it("open with at most three spaces of indentation, as in markdown-it", () => {
    expect(Array.from(findFencedLines(["   ```", "x", "   ```"]))).toEqual([1, 1, 1]);
    expect(Array.from(findFencedLines(["    ```", "x", "    ```"]))).toEqual([0, 0, 0]);
    expect(Array.from(findFencedLines(["\t~~~", "x", "\t~~~"]))).toEqual([0, 0, 0]);
  });
  it("close on the same character, at least as long, with nothing after it", () => {
    expect(Array.from(findFencedLines(["~~~~", "~~~", "```", "~~~~ ", "x"]))).toEqual([1, 1, 1, 1, 0]);
    expect(Array.from(findFencedLines(["```", "```js", "```"]))).toEqual([1, 1, 1]);
    expect(Array.from(findFencedLines(["```\r", "a\r", "```\r"]))).toEqual([1, 1, 1]);
  });
});

describe("headings of a slide", () => {
  it("reads ATX headings with their closing sequence removed", () => {
    expect(scanSlide("## Agenda ##\n# Main").firstHeading).toEqual({ level: 2, text: "Agenda" });
    expect(scanSlide("## Agenda ##\n# Main").firstH1).toEqual({ level: 1, text: "Main" });
    expect(scanSlide("#hashtag\n#\n# C#").firstH1).toEqual({ level: 1, text: "C#" });
    expect(scanSlide("####### seven").firstHeading).toBeNull();
  });
  it("leaves out fenced code (closed or running to the slide's end) and the notes", () => {
    expect(scanSlide("```\n# a\n```\n# b").firstH1?.text).toBe("b");
    expect(scanSlide("```\n# a\n\n# b").firstHeading).toBeNull();
    expect(scanSlide("text\nNOTE: # not here\n# nor here").firstHeading).toBeNull();
    expect(scanSlide("<!-- .slide: data-x -->\n\nfirst words\n").firstText).toBe("first words");
  });
  it("finds the deck's first level-1 heading in slide order", () => {
    expect(firstDeckHeading("## sub\n\n---\n\n```\n# code\n```\n\n----\n\n# Third\n\n---\n\n# Fourth")).toEqual({ level: 1, text: "Third" });
    expect(firstDeckHeading("no heading")).toBeNull();
  });
});

describe("the deck's title heading", () => {
  it("is looked for in the first 100,000 characters of slides only", () => {
    const filler = "words\n\n---\n\n".repeat(20_000);
    expect(firstDeckHeading(`${"words\n\n---\n\n".repeat(1_000)}# Found`)?.text).toBe("Found");
    expect(firstDeckHeading(`${filler}# Too far`)).toBeNull();
  });
});
