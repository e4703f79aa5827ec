import { describe, expect, it } from "vitest";
import { buildOutline, outlineBudget } from "./slide-outline";

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
