// markdown-it's and KaTeX's known pathological inputs, and hostile frontmatter, render with bounded
// work and bounded output. How long they take is measured by `npm run bench:render`
// (bench/render-bounds.ts): a timed assertion here would fail whenever the machine is busy.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer } from "./deck-renderer";
import { oversizedFrontmatter, pathologicalBodies, pathologicalDeck, yamlAliasBomb } from "./fixtures/pathological-inputs";
import { createHtmlSanitizer, type HtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";
import { deckToRevealHtml } from "./reveal-html";
import { MAX_SLIDE_CHARS } from "./render-limits";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);

/** The sanitizer, counting the HTML it is handed: the markdown renderer's output, before DOM work. */
function counting(): HtmlSanitizer & { calls: number; chars: number } {
  const counter = {
    calls: 0,
    chars: 0,
    sanitize(html: string) {
      counter.calls++;
      counter.chars += html.length;
      return sanitizer.sanitize(html);
    },
  };
  return counter;
}

/** Output per input character: markup around text, entities, KaTeX's spans for a formula. */
const OUTPUT_PER_INPUT_CHAR = 40;

describe("pathological inputs render with bounded work and output", () => {
  for (const [name, body] of pathologicalBodies) {
    it(name, () => {
      const counter = counting();
      const deck = createDeckRenderer({ sanitizer: counter }).render(pathologicalDeck(body)); // a fresh cache
      expect(deck.kind).toBe("slides");
      const slides = deck.slides.reduce((count, stack) => count + stack.verticals.length, 0);
      // One sanitizer pass per slide part (content, notes) and none for a slide shown as text.
      expect(counter.calls).toBeLessThanOrEqual(2 * slides);
      // A slide over MAX_SLIDE_CHARS is never handed to markdown-it.
      for (const stack of deck.slides) {
        for (const slide of stack.verticals) if (slide.html.startsWith('<pre class="slide-too-long">')) expect(slide.html.length).toBeLessThanOrEqual(6 * MAX_SLIDE_CHARS + 100);
      }
      const bound = OUTPUT_PER_INPUT_CHAR * body.length + 1000;
      expect(counter.chars, "markdown-it's output").toBeLessThan(bound);
      expect(deckToRevealHtml(deck).length, "the deck's markup").toBeLessThan(bound);
    });
  }

  it("a 64 KB+ frontmatter is rejected with a warning, unparsed", () => {
    const counter = counting();
    const result = createDeckRenderer({ sanitizer: counter }).render(oversizedFrontmatter);
    expect(result.warnings[0]?.message).toMatch(/limit/);
    expect(result.kind).toBe("document");
    expect(result.frontmatter).toEqual({});
    expect(counter.calls).toBe(1);
  });

  it("a YAML alias bomb is rejected with a warning, its data never expanded", () => {
    const result = createDeckRenderer({ sanitizer }).render(yamlAliasBomb());
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.frontmatter).length).toBeLessThan(10_000);
  });

  it("a document over the size cap is cut with a warning", () => {
    const result = createDeckRenderer({ sanitizer }).render("a".repeat(2_000_001));
    expect(result.warnings.some((warning) => /longer than/.test(warning.message))).toBe(true);
  });
});
