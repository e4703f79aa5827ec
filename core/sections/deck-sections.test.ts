import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { renderDeck } from "../render/deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "../render/html-sanitizer";
import { deckToRevealHtml } from "../render/reveal-html";
import { ordinaryDeck } from "../render/fixtures/ordinary-deck";
import { createSectionsReader, parseSections, sectionSummary } from "./deck-sections";
import { applyTextChange, attributeSafeName, sectionAttributeEdit, SectionEditError } from "./section-edit";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);

const DECK = `---
title: Community Call
type: slide
---

# Community Call

---

<!-- .slide: data-background="#123456" -->
# Team IaaS

Report by Ada

----

## Details

---

<!-- .slide: data-owner="u_bob" data-owner-name="Bob" data-status="writing" data-continued="true" -->

# Team Ops

\`\`\`html
<!-- .slide: data-owner="not-this" -->
\`\`\`

---

# Thank you
`;

describe("parseSections", () => {
  it("reads each horizontal slide with its verticals as a section, attributes from the first slide's comment", () => {
    const sections = parseSections(DECK);
    expect(sections.map((section) => section.title)).toEqual(["Community Call", "Team IaaS", "Team Ops", "Thank you"]);
    expect(sections[1]).toMatchObject({ owner: null, status: "todo", tracked: false, continued: false });
    expect(sections[2]).toMatchObject({ owner: "u_bob", ownerName: "Bob", status: "writing", continued: true, tracked: true });
    // The section runs from the first slide to its last vertical one.
    expect(sections[1]!.endLine).toBeGreaterThan(sections[1]!.firstSlideEndLine);
  });

  it("ignores a comment inside fenced code, an unknown status and attributes of vertical slides", () => {
    const deck = "# A\n\n----\n\n<!-- .slide: data-owner=\"vertical\" -->\n## A2\n\n---\n\n<!-- .slide: data-status=\"done!\" -->\n# B\n";
    const [a, b] = parseSections(deck);
    expect(a!.owner).toBeNull();
    expect(b).toMatchObject({ status: "todo", tracked: true });
  });

  it("stores only the tracked sections, in the documented shape", () => {
    expect(sectionSummary(DECK)).toEqual([{ index: 2, title: "Team Ops", owner: "u_bob", ownerName: "Bob", status: "writing", continued: true }]);
  });
});

describe("sectionAttributeEdit", () => {
  const claim = { owner: { id: "u_ada", name: "Ada Lovelace" } };

  it("adds the owner to the slide's existing comment, changing only a few characters", () => {
    const change = sectionAttributeEdit(DECK, 1, claim)!;
    expect(change.to).toBe(change.from);
    const after = applyTextChange(DECK, change);
    expect(after).toContain('<!-- .slide: data-background="#123456" data-owner="u_ada" data-owner-name="Ada Lovelace" -->\n# Team IaaS');
    expect(parseSections(after)[1]).toMatchObject({ owner: "u_ada", ownerName: "Ada Lovelace", tracked: true });
    // Everything outside the comment is untouched.
    expect(after.replace(/ data-owner="u_ada" data-owner-name="Ada Lovelace"/, "")).toBe(DECK);
  });

  it("inserts a new comment line after the separator's blank line, keeping the separators", () => {
    const after = applyTextChange(DECK, sectionAttributeEdit(DECK, 3, { status: "ready" }));
    expect(after).toContain('---\n\n<!-- .slide: data-status="ready" -->\n# Thank you\n');
    expect(parseSections(after)).toHaveLength(4);
    expect(parseSections(after)[3]).toMatchObject({ status: "ready", tracked: true, title: "Thank you" });
  });

  it("replaces a status and releases an owner, removing its attributes", () => {
    let after = applyTextChange(DECK, sectionAttributeEdit(DECK, 2, { status: "ready" }));
    expect(parseSections(after)[2]!.status).toBe("ready");
    after = applyTextChange(after, sectionAttributeEdit(after, 2, { owner: null, continued: false }));
    expect(after).toContain('<!-- .slide: data-status="ready" -->\n\n# Team Ops');
    expect(parseSections(after)[2]).toMatchObject({ owner: null, ownerName: null, continued: false });
  });

  it("is null when nothing changes, and refuses a section that does not exist or an id that cannot be stored", () => {
    expect(sectionAttributeEdit(DECK, 2, { status: "writing" })).toBeNull();
    expect(() => sectionAttributeEdit(DECK, 9, { status: "ready" })).toThrow(SectionEditError);
    expect(() => sectionAttributeEdit(DECK, 1, { owner: { id: 'x" onclick="y', name: "X" } })).toThrow(SectionEditError);
  });

  it("edits the first slide of a deck without frontmatter, and an empty slide", () => {
    expect(applyTextChange("# Hello\n", sectionAttributeEdit("# Hello\n", 0, { status: "writing" }))).toBe('<!-- .slide: data-status="writing" -->\n# Hello\n');
    const deck = "# A\n\n---\n\n---\n\n# C\n";
    const after = applyTextChange(deck, sectionAttributeEdit(deck, 1, { status: "todo" }));
    expect(parseSections(after).map((section) => [section.title, section.tracked])).toEqual([
      ["A", false],
      ["", true],
      ["C", false],
    ]);
  });

  it("a concurrent edit elsewhere in the deck survives: the change is local to the section", () => {
    const change = sectionAttributeEdit(DECK, 2, { status: "ready" })!;
    // Someone types in the title slide before the change is applied (as Y.Text would merge them).
    const typed = DECK.replace("# Community Call", "# Community Call 2024-07-18");
    const shift = typed.length - DECK.length;
    const merged = typed.slice(0, change.from + shift) + change.insert + typed.slice(change.to + shift);
    expect(merged).toContain("# Community Call 2024-07-18");
    expect(parseSections(merged)[2]!.status).toBe("ready");
  });

  it("names survive the renderer's attribute syntax, and the rendered section carries them harmlessly", () => {
    expect(attributeSafeName('Eve "=" <script>: --> x')).toBe("Eve script - x");
    expect(attributeSafeName('"""')).toBe("someone");
    const after = applyTextChange(DECK, sectionAttributeEdit(DECK, 1, { owner: { id: "u_eve", name: 'Eve "the" <b>Ops</b>: lead -->' }, status: "ready" }));
    expect(parseSections(after)[1]).toMatchObject({ owner: "u_eve", ownerName: "Eve the b Ops /b lead -", status: "ready" });
    const html = deckToRevealHtml(renderDeck(after, { sanitizer }, "slides"));
    expect(html).toContain('data-owner="u_eve"');
    expect(html).toContain('data-status="ready"');
    expect(html).not.toContain("<b>Ops");
    expect(html).not.toContain("-->");
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

describe("reading the sections again after an edit", () => {
  const { markdown } = ordinaryDeck(60_000);
  const sections = parseSections(markdown).length;
  // Slide 41 begins a section (every fifth slide is a vertical one).
  const at = markdown.indexOf("Team 41 report") + "Team 41".length;

  it("reads only the first slide that changed, and keeps the other sections' objects", () => {
    const reader = createSectionsReader();
    const before = reader.read(markdown);
    expect(reader.slidesRead).toBe(sections);
    const edited = `${markdown.slice(0, at)}x${markdown.slice(at)}`;
    const after = reader.read(edited);
    expect(after).toEqual(parseSections(edited));
    expect(reader.slidesRead).toBe(sections + 1);
    expect(after.filter((section, index) => section !== before[index]).map((section) => section.title)).toEqual(["Team 41x report"]);
    // A new line moves every later section: their objects are new, their slides are not read again.
    const newLine = `${markdown.slice(0, at)}\n${markdown.slice(at)}`;
    expect(reader.read(newLine)).toEqual(parseSections(newLine));
    expect(reader.slidesRead).toBe(sections + 2);
  });

  it("reads what parseSections reads through random edits: attributes, comments, fences, separators, frontmatter", () => {
    const next = random(5);
    const pieces = ["a", "#", " ", "\n", "---", "\n---\n", "\n\n----\n\n", "```", "~~~", "<!--", "-->", ' data-status="ready"', '<!-- .slide: data-owner="u_a" data-owner-name="A" -->', "\r", "\n```\n"];
    let text = `${DECK}\n---\n\n${ordinaryDeck(6000).markdown.replace(/^---[\s\S]*?---\n\n/, "")}`;
    const reader = createSectionsReader();
    for (let edit = 0; edit < 1500; edit++) {
      const position = Math.floor(next() * (text.length + 1));
      if (next() < 0.3 && text.length > 0) text = text.slice(0, position) + text.slice(position + 1 + Math.floor(next() * 4));
      else text = text.slice(0, position) + pieces[Math.floor(next() * pieces.length)]! + text.slice(position);
      expect(reader.read(text), `edit ${edit}`).toEqual(parseSections(text));
    }
  });
});
