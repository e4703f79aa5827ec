// Property-based fuzzing: random mixes of markdown, HTML, attribute comments and known attack
// fragments never yield script, event handlers or script URLs, through the sanitizer alone or the
// whole renderer.
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer } from "./deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";
import { deckToRevealHtml } from "./reveal-html";
import { findActiveContent } from "./test-assertions.test-helper";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const renderer = createDeckRenderer({ sanitizer, cacheSize: 50 });

const tags = ["script", "img", "svg", "a", "iframe", "style", "div", "span", "font", "math", "object", "embed", "form", "input", "details", "noscript", "template", "p", "base", "meta"];
const attributeNames = ["onerror", "onload", "OnClick", "href", "src", "style", "data-background", "class", "srcdoc", "formaction", "xlink:href", "data-src"];
const urls = [
  "javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x61;script:alert(1)", "java\tscript:alert(1)", "&#106;avascript&colon;alert(1)",
  "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", " javascript:alert(1)", "https://ok.example/x.png", "x",
];
const fragments = [
  "</style>", "<style>", "-->", "<!--", "<!-- .slide: ", "<!-- .element: ", '"', "'", ">", "<", "</script>", "`", "```", "\n", "\n\n", "\n\n---\n\n", "\n\n----\n\n",
  "note:", "$", "$$", "\\href{", "}", "[", "](", ")", "![", " =600x", "*", "_", "==", "~", "^", "- [ ] ", "> ", "# ", ":rocket:", "[^1]", "\n[^1]: x\n", "|a|b|\n|-|-|\n",
];

const attribute = fc.tuple(fc.constantFrom(...attributeNames), fc.constantFrom(...urls), fc.constantFrom('"', "'", "")).map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`);
const tag = fc.tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 3 }), fc.boolean(), fc.string({ maxLength: 8 })).map(
  ([name, attributes, close, text]) => `<${name}${attributes.join("")}>${text}${close ? `</${name}>` : ""}`,
);
const markdownLink = fc.tuple(fc.constantFrom("[x](", "![x](", "<"), fc.constantFrom(...urls), fc.constantFrom(")", ">")).map((parts) => parts.join(""));
const attributeComment = fc.tuple(fc.constantFrom(".slide:", ".element:"), fc.array(attribute, { maxLength: 3 })).map(([kind, attributes]) => `<!-- ${kind}${attributes.join("")} -->`);
const piece = fc.oneof(tag, markdownLink, attributeComment, fc.constantFrom(...fragments), fc.string({ maxLength: 6 }));
const document = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));

describe("fuzzing", () => {
  it("the sanitizer never lets active content through", () => {
    fc.assert(
      fc.property(document, (html) => {
        expect(findActiveContent(sanitizer.sanitize(html))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a deck never renders active content", () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const deck = renderer.render(`---\ntype: slide\n---\n${markdown}`);
        const html = deckToRevealHtml(deck);
        expect(findActiveContent(html)).toEqual([]);
        expect(html.toLowerCase()).not.toContain("<script");
      }),
      { numRuns: 300 },
    );
  });

  it("a document never renders active content", () => {
    fc.assert(
      fc.property(document, (markdown) => {
        expect(findActiveContent(renderer.render(markdown).html)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("slide count follows the separators, whatever surrounds them", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("text", "# h", "- a", "`code`", "<b>x</b>"), { minLength: 1, maxLength: 8 }), (bodies) => {
        const deck = renderer.render(`---\ntype: slide\n---\n${bodies.join("\n\n---\n\n")}\n`);
        expect(deck.slides.length).toBe(bodies.length);
      }),
      { numRuns: 100 },
    );
  });
});
