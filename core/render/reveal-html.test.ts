import { describe, expect, it } from "vitest";
import type { RenderedDeck, RenderedSlide } from "./deck-renderer";
import { deckSectionsMarkup, deckToRevealHtml, renderSectionAttributes } from "./reveal-html";

const slide = (html: string, extra: Partial<RenderedSlide> = {}): RenderedSlide => ({ html, notesHtml: "", attributes: {}, startLine: 1, endLine: 1, ...extra });
const base: Omit<RenderedDeck, "kind" | "slides" | "html"> = { declaredSlides: true, frontmatter: {}, warnings: [], revealOptions: {}, theme: "black", lang: null, dir: "ltr" };

describe("reveal html", () => {
  it("nests vertical stacks and adds notes", () => {
    const deck: RenderedDeck = {
      ...base,
      kind: "slides",
      html: "",
      slides: [
        { verticals: [slide("<h1>A</h1>", { attributes: { "data-background": "https://x/a.png" }, notesHtml: "<p>n</p>" })] },
        { verticals: [slide("B", { startLine: 5, endLine: 6 }), slide("C")] },
      ],
    };
    expect(deckToRevealHtml(deck)).toBe(
      '<div class="slides"><section data-background="https://x/a.png"><h1>A</h1><aside class="notes"><p>n</p></aside></section><section><section>B</section><section>C</section></section></div>',
    );
    expect(deckToRevealHtml(deck, { sourceLines: true })).toContain('<section data-source-line-start="5" data-source-line-end="6">B</section>');
  });
  it("escapes attribute values and drops other attributes", () => {
    expect(renderSectionAttributes({ class: 'a"><script>', onclick: "x", "data-x": "&" })).toBe(' class="a&quot;&gt;&lt;script&gt;" data-x="&amp;"');
  });
  it("wraps documents in one section", () => {
    expect(deckToRevealHtml({ ...base, kind: "document", slides: [], html: "<p>x</p>" })).toBe('<div class="slides"><section><p>x</p></section></div>');
  });
  it("splits each section into its shape and its slides' content", () => {
    const deck: RenderedDeck = {
      ...base,
      kind: "slides",
      html: "",
      slides: [
        { verticals: [slide("<h1>A</h1>", { attributes: { class: "c" }, notesHtml: "<p>n</p>" })] },
        { verticals: [slide("B"), slide("C", { attributes: { "data-x": "1" } })] },
      ],
    };
    const [plain, stack] = deckSectionsMarkup(deck);
    expect(plain).toEqual({ html: '<section class="c"><h1>A</h1><aside class="notes"><p>n</p></aside></section>', shape: '<section class="c">', slides: ['<h1>A</h1><aside class="notes"><p>n</p></aside>'] });
    expect(stack).toEqual({ html: '<section><section>B</section><section data-x="1">C</section></section>', shape: '<section><section><section data-x="1">', slides: ["B", "C"] });
  });
});
