import { describe, expect, it } from "vitest";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { buildOutline, createOutlineBuilder, outlineBudget } from "./slide-outline";

const DECK = `---
type: slide
slideOptions:
  defaultTiming: 30
---

# Welcome

---

<!-- .slide: data-timing="300" -->
# Team IaaS

----

## Details

---

# Team Ops

----

<!-- .slide: data-timing="60" -->
## Ops details
`;

describe("section budgets in the outline", () => {
  it("puts each section's budget on its first slide and sums them", () => {
    const outline = buildOutline(DECK);
    // 30 (defaultTiming), 300 (the first slide's data-timing covers the section), 30 + 60.
    expect(outline.map((stack) => stack.map((slide) => slide.budget))).toEqual([[30], [300, null], [90, null]]);
    expect(outlineBudget(outline)).toBe(420);
  });

  it("has no budgets without any timing", () => {
    const outline = buildOutline("---\ntype: slide\n---\n# One\n\n---\n\n<!-- .slide: data-timing=\"soon\" -->\n# Two\n");
    expect(outline.map((stack) => stack[0]!.budget)).toEqual([null, null]);
    expect(outlineBudget(outline)).toBeNull();
  });
});

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("building the outline again after an edit", () => {
  const { markdown, slides } = ordinaryDeck(60_000);
  const at = markdown.indexOf("Team 40 report") + "Team 40".length;

  it("reads only the slide that changed, and keeps the other slides' objects", () => {
    const builder = createOutlineBuilder();
    const before = builder.build(markdown);
    expect(builder.slidesRead).toBe(slides);
    const edited = `${markdown.slice(0, at)}x${markdown.slice(at)}`;
    const after = builder.build(edited);
    expect(builder.slidesRead).toBe(slides + 1);
    expect(after).toEqual(buildOutline(edited));
    expect(after.flat().find((slide) => slide.title === "Team 40x report")).toBeDefined();
    const changed = after.flat().filter((slide, index) => slide !== before.flat()[index]);
    expect(changed.map((slide) => slide.title)).toEqual(["Team 40x report"]);
  });

  it("reads one slide for a new line, two for a new separator, none for an undo", () => {
    const builder = createOutlineBuilder();
    builder.build(markdown);
    const newLine = `${markdown.slice(0, at)}\n${markdown.slice(at)}`;
    expect(builder.build(newLine)).toEqual(buildOutline(newLine));
    expect(builder.slidesRead).toBe(slides + 1);
    const split = `${markdown.slice(0, at)}\n\n---\n\n${markdown.slice(at)}`;
    expect(builder.build(split)).toEqual(buildOutline(split));
    expect(builder.slidesRead).toBe(slides + 3);
    builder.build(markdown);
    expect(builder.slidesRead).toBe(slides + 3);
  });

  it("builds what buildOutline builds through random edits: letters, lines, separators, fences, timings, frontmatter", () => {
    const next = random(11);
    const pieces = ["a", "#", " ", "\n", "---", "\n---\n", "\n\n----\n\n", "```", "~~~", '<!-- .slide: data-timing="45" -->', "note:", "\r", "  defaultTiming: 20\n"];
    let text = ordinaryDeck(8000).markdown;
    const builder = createOutlineBuilder();
    for (let edit = 0; edit < 1500; edit++) {
      const position = Math.floor(next() * (text.length + 1));
      if (next() < 0.3 && text.length > 0) text = text.slice(0, position) + text.slice(position + 1 + Math.floor(next() * 4));
      else text = text.slice(0, position) + pieces[Math.floor(next() * pieces.length)]! + text.slice(position);
      expect(builder.build(text), `edit ${edit}`).toEqual(buildOutline(text));
    }
  });
});
