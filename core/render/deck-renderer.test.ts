import { JSDOM } from "jsdom";
import { describe, expect, it, vi } from "vitest";
import { createDeckRenderer, deckBody, findSlideAtLine, renderDeck, slideAt, type TextEdit } from "./deck-renderer";
import { ordinaryDeck } from "./fixtures/ordinary-deck";
import { findFrontmatter } from "../frontmatter";
import { createHtmlSanitizer, type HtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const deck = (body: string, yaml = "type: slide"): string => `---\n${yaml}\n---\n\n${body}`;

describe("renderDeck", () => {
  it("renders documents without type: slide as one document", () => {
    const result = renderDeck("# Hello\n\n---\n\nworld", { sanitizer });
    expect(result.kind).toBe("document");
    expect(result.slides).toEqual([]);
    expect(result.html).toContain("<h1>Hello</h1>");
    expect(result.html).toContain("<hr>");
  });

  it("splits decks and keeps frontmatter data", () => {
    const result = renderDeck(deck("# A\n\n---\n\n# B\n\n----\n\n# C\n", "type: slide\ntitle: T"), { sanitizer });
    expect(result.kind).toBe("slides");
    expect(result.frontmatter.title).toBe("T");
    expect(result.slides.map((slide) => slide.verticals.length)).toEqual([1, 2]);
    expect(result.slides[1]!.verticals[1]!.html).toContain("<h1>C</h1>");
  });

  it("does not treat the frontmatter fences or a separator right after them as slides", () => {
    const result = renderDeck("---\ntype: slide\n---\n\n---\n\n# A\n", { sanitizer });
    expect(result.slides.length).toBe(1);
  });

  it("separates notes from the slide", () => {
    const result = renderDeck(deck("# A\n\nNote: **say** this\n"), { sanitizer });
    const slide = result.slides[0]!.verticals[0]!;
    expect(slide.html).not.toContain("say");
    expect(slide.notesHtml).toContain("<strong>say</strong>");
  });

  it("applies slide attributes", () => {
    const result = renderDeck(deck('<!-- .slide: data-background="https://x/y.png" class="c" -->\n# A\n'), { sanitizer });
    expect(result.slides[0]!.verticals[0]!.attributes).toEqual({ "data-background": "https://x/y.png", class: "c" });
  });

  it("reports line ranges in document lines", () => {
    const result = renderDeck(deck("# A\n\n---\n\n# B\n"), { sanitizer });
    // lines: 1 ---, 2 type, 3 ---, 4 blank, 5 # A, 6 blank, 7 ---, 8 blank, 9 # B
    expect(result.slides.map((slide) => [slide.verticals[0]!.startLine, slide.verticals[0]!.endLine])).toEqual([[5, 5], [8, 9]]);
    expect(findSlideAtLine(result, 1)).toEqual({ h: 0, v: 0 });
    expect(findSlideAtLine(result, 7)).toEqual({ h: 0, v: 0 });
    expect(findSlideAtLine(result, 9)).toEqual({ h: 1, v: 0 });
    expect(findSlideAtLine(result, 99)).toEqual({ h: 1, v: 0 });
    expect(slideAt(result, { h: 1, v: 0 })?.startLine).toBe(8);
    expect(slideAt(result, { h: 2, v: 0 })).toBeNull();
  });

  it("honours breaks: false, dir and lang", () => {
    const result = renderDeck(deck("a\nb\n", "type: slide\nbreaks: false\ndir: rtl\nlang: de-DE"), { sanitizer });
    expect(result.slides[0]!.verticals[0]!.html).not.toContain("<br>");
    expect(result.dir).toBe("rtl");
    expect(result.lang).toBe("de-DE");
    expect(result.revealOptions.rtl).toBe(true);
    expect(renderDeck(deck("a\nb\n"), { sanitizer }).slides[0]!.verticals[0]!.html).toContain("<br>");
  });

  it("returns frontmatter warnings and falls back to a document", () => {
    const result = renderDeck("---\ntype: [slide\n---\n# a\n", { sanitizer });
    expect(result.kind).toBe("document");
    expect(result.warnings[0]!.message).toMatch(/not valid YAML/);
  });

  it("warns about bad slide options on their line", () => {
    const result = renderDeck(deck("# a\n", "type: slide\nslideOptions:\n  theme: nope\n  dependencies: []\n  width: wide"), { sanitizer });
    // lines: 1 ---, 2 type, 3 slideOptions, 4 theme, 5 dependencies, 6 width
    expect(result.warnings.map((warning) => warning.line)).toEqual([4, 5, 6]);
    expect(result.theme).toBe("black");
  });
});

describe("deckBody", () => {
  it("drops blank lines after the frontmatter", () => {
    const markdown = "---\na: 1\n---\n\n  \n# x\n";
    expect(deckBody(markdown, findFrontmatter(markdown))).toEqual({ body: "# x\n", firstLine: 6 });
    expect(deckBody("# y", null)).toEqual({ body: "# y", firstLine: 1 });
  });
});

describe("createDeckRenderer caching", () => {
  it("re-renders only changed slides", () => {
    const counting: HtmlSanitizer = { sanitize: vi.fn((html: string) => sanitizer.sanitize(html)) };
    const renderer = createDeckRenderer({ sanitizer: counting });
    const slides = Array.from({ length: 10 }, (_, index) => `# Slide ${index}`);
    renderer.render(deck(slides.join("\n\n---\n\n")));
    expect(counting.sanitize).toHaveBeenCalledTimes(10);
    slides[3] = "# Slide 3 edited";
    const result = renderer.render(deck(`\n${slides.join("\n\n---\n\n")}`));
    expect(counting.sanitize).toHaveBeenCalledTimes(11);
    expect(result.slides[3]!.verticals[0]!.html).toContain("edited");
  });

  it("re-renders only the part of a slide that changed, content or notes", () => {
    const counting: HtmlSanitizer = { sanitize: vi.fn((html: string) => sanitizer.sanitize(html)) };
    const renderer = createDeckRenderer({ sanitizer: counting });
    renderer.render(deck('<!-- .slide: class="a" -->\n# A\n\nnote: say this\n'));
    expect(counting.sanitize).toHaveBeenCalledTimes(2);
    const typed = renderer.render(deck('<!-- .slide: class="a" -->\n# Ab\n\nnote: say this\n'));
    expect(counting.sanitize).toHaveBeenCalledTimes(3);
    expect(typed.slides[0]!.verticals[0]!).toMatchObject({ attributes: { class: "a" }, notesHtml: "<p>say this</p>\n" });
    const noted = renderer.render(deck('<!-- .slide: class="a" -->\n# Ab\n\nnote: say that\n'));
    expect(counting.sanitize).toHaveBeenCalledTimes(4);
    expect(noted.slides[0]!.verticals[0]!).toMatchObject({ attributes: { class: "a" }, html: "\n<h1>Ab</h1>\n" });
  });

  it("gives every render its own attribute objects", () => {
    const renderer = createDeckRenderer({ sanitizer });
    const markdown = deck('<!-- .slide: class="a" -->\n# x\n');
    renderer.render(markdown).slides[0]!.verticals[0]!.attributes.class = "mutated";
    expect(renderer.render(markdown).slides[0]!.verticals[0]!.attributes.class).toBe("a");
  });

  // How long a keystroke takes is measured by `npm run bench:render` and `npm run bench:preview`;
  // here, that a keystroke does the work of one slide, however large the deck.
  it("renders every slide of a deck past the old limits (2,000 slides, 1,000 cached), and a keystroke re-renders only its slide", () => {
    const counting = { calls: 0, sanitize: (html: string) => (counting.calls++, sanitizer.sanitize(html)) };
    const renderer = createDeckRenderer({ sanitizer: counting });
    const slides = Array.from({ length: 2500 }, (_, index) => `## Slide ${index}\n\n- point ${index}\n\nnote: say ${index}`);
    const first = renderer.render(deck(slides.join("\n\n---\n\n")));
    expect(first.warnings).toEqual([]);
    expect(first.slides).toHaveLength(2500);
    expect(first.slides[2499]!.verticals[0]!.html).toBe("<h2>Slide 2499</h2>\n<ul>\n<li>point 2499</li>\n</ul>\n");
    expect(counting.calls).toBe(5000); // content and notes of each slide
    for (let key = 0; key < 3; key++) {
      slides[1250] = slides[1250]!.replace("\n\nnote:", "x\n\nnote:");
      const before = counting.calls;
      const typed = renderer.render(deck(slides.join("\n\n---\n\n")));
      expect(counting.calls - before).toBe(1); // the content of slide 1250 alone
      expect(typed.slides[1250]!.verticals[0]!.html).toContain(`point 1250${"x".repeat(key + 1)}`);
      // Unchanged slides hand back the very same HTML: views compare them by identity.
      expect(typed.slides[2000]!.verticals[0]!.html).toBe(first.slides[2000]!.verticals[0]!.html);
    }
  });
});

describe("renderEdits", () => {
  /** A small deterministic random source, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it("renders every edit exactly as a render of the whole text: letters, lines, separators, fences, ids, notes, the frontmatter", () => {
    const next = random(11);
    const pieces = ["a", "b", " ", "\n", "-", "---", "\n---\n", "\n\n", "```", "~~~", "\r", "note:", '<!-- .slide: id="x" -->', "#", ":", "type", "<style>"];
    let text = ordinaryDeck(4000).markdown;
    const edited = createDeckRenderer({ sanitizer });
    const whole = createDeckRenderer({ sanitizer });
    edited.render(text);
    let withoutWholeText = 0;
    for (let step = 0; step < 800; step++) {
      const edits: TextEdit[] = [];
      for (let count = 1 + Math.floor(next() * 2); count > 0; count--) {
        // Mostly where people type: within a slide's lines, sometimes the frontmatter.
        const bodyStart = text.indexOf("\n---\n") + 5;
        const from = next() < 0.02 || bodyStart < 5 ? Math.floor(next() * (text.length + 1)) : bodyStart + Math.floor(next() * (text.length - bodyStart + 1));
        const to = next() < 0.3 ? Math.min(text.length, from + 1 + Math.floor(next() * 3)) : from;
        const insert = next() < 0.8 ? "xyz"[Math.floor(next() * 3)]! : pieces[Math.floor(next() * pieces.length)]!;
        text = text.slice(0, from) + insert + text.slice(to);
        edits.push({ from, to, insert });
      }
      const view = next() < 0.02 ? "slides" : "auto";
      let read = false;
      const deck = edited.renderEdits(edits, () => ((read = true), text), view);
      expect(deck, `step ${step}`).toEqual(whole.render(text, view));
      if (!read) withoutWholeText++;
    }
    expect(withoutWholeText).toBeGreaterThan(200); // the edits within a line took the short way
  });

  it("re-renders only the edited slide of a deck without reading its whole text", () => {
    const counting = { calls: 0, sanitize: (html: string) => (counting.calls++, sanitizer.sanitize(html)) };
    const renderer = createDeckRenderer({ sanitizer: counting });
    let { markdown } = ordinaryDeck(200_000);
    const first = renderer.render(markdown);
    const wholeText = vi.fn(() => markdown);
    const at = markdown.indexOf("Team 179 report") + "Team 179 report".length;
    for (let key = 0; key < 3; key++) {
      const before = counting.calls;
      markdown = `${markdown.slice(0, at + key)}x${markdown.slice(at + key)}`;
      const typed = renderer.renderEdits([{ from: at + key, to: at + key, insert: "x" }], wholeText);
      expect(wholeText).not.toHaveBeenCalled();
      expect(counting.calls - before).toBe(1); // the content of that slide alone, its notes cached
      const slide = findSlideAtLine(typed, markdown.slice(0, at).split("\n").length)!;
      expect(slideAt(typed, slide)!.html).toContain(`Team 179 report${"x".repeat(key + 1)}`);
      // The other slides are the very objects of the last deck: views compare them by identity.
      expect(typed.slides[100]).toBe(first.slides[100]);
    }
    // A new line within the slide moves the later slides' lines, and nothing is split again.
    markdown = `${markdown.slice(0, at)}\n${markdown.slice(at)}`;
    const moved = renderer.renderEdits([{ from: at, to: at, insert: "\n" }], wholeText);
    expect(wholeText).not.toHaveBeenCalled();
    expect(moved).toEqual(renderDeck(markdown, { sanitizer }));
    expect(moved.slides[250]!.verticals[0]!.startLine).toBe(first.slides[250]!.verticals[0]!.startLine + 1);
    // A new separator moves slides: the whole text is read and split again.
    markdown = `${markdown.slice(0, at)}\n\n---\n${markdown.slice(at)}`;
    expect(renderer.renderEdits([{ from: at, to: at, insert: "\n\n---\n" }], wholeText)).toEqual(renderDeck(markdown, { sanitizer }));
    expect(wholeText).toHaveBeenCalledTimes(1);
  });
});
