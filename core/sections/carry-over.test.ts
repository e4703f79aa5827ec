import { describe, expect, it } from "vitest";
import { carryOverSections } from "./carry-over";
import { parseSections } from "./deck-sections";

const PREVIOUS = `# Call 2024-07-11

---

<!-- .slide: data-owner="u_ada" data-owner-name="Ada" data-status="ready" data-continued="true" -->
# Team IaaS

Migration to R7: week 2 of 4

----

## Details

- still going

---

<!-- .slide: data-owner="u_bob" data-status="ready" -->
# Team Ops

Done.

---

<!-- .slide: data-continued="true" -->
# Hackathon planning

Venue: to be found

---

# Thank you
`;

const NEXT = `# Call 2024-07-18

---

<!-- .slide: data-status="todo" -->
# Team IaaS

Report by @name

---

# Team Ops

Report by @name

---

# Thank you
`;

describe("carryOverSections", () => {
  it("replaces the new deck's section of the same title with the continued one, vertical slides included", () => {
    const result = carryOverSections(PREVIOUS, NEXT);
    const sections = parseSections(result);
    expect(sections.map((section) => section.title)).toEqual(["Call 2024-07-18", "Team IaaS", "Team Ops", "Hackathon planning", "Thank you"]);
    expect(result).toContain("Migration to R7: week 2 of 4\n\n----\n\n## Details\n\n- still going\n\n---\n\n# Team Ops\n\nReport by @name");
    // The owner stays; it is to do again and no longer marked continued.
    expect(sections[1]).toMatchObject({ owner: "u_ada", ownerName: "Ada", status: "todo", continued: false });
  });

  it("puts a continued section without a counterpart before the closing slide, and leaves sections not continued", () => {
    const result = carryOverSections(PREVIOUS, NEXT);
    expect(result).toContain('# Team Ops\n\nReport by @name\n\n---\n\n<!-- .slide: data-status="todo" -->\n# Hackathon planning\n\nVenue: to be found\n\n---\n\n# Thank you\n');
    expect(result).not.toContain("Done.");
  });

  it("changes nothing without continued sections, and appends to a deck of one slide", () => {
    expect(carryOverSections(NEXT, PREVIOUS)).toBe(PREVIOUS);
    const single = carryOverSections(PREVIOUS, "# Only\n");
    expect(parseSections(single).map((section) => section.title)).toEqual(["Only", "Team IaaS", "Hackathon planning"]);
    expect(parseSections(carryOverSections(PREVIOUS, "")).map((section) => section.title)).toEqual(["Team IaaS", "Hackathon planning"]);
  });
});
