// One fixture per HedgeDoc compatibility rule (issue 15), each with the HTML HedgeDoc 1.12 makes of
// it, worked out by reading its source (public/js/slide.js, reveal-markdown.js, render.js, extra.js)
// rather than by running it; the comment on each case says which code decides it.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer } from "./deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const renderer = createDeckRenderer({ sanitizer });
const slides = (markdown: string) => renderer.render(`---\ntype: slide\n---\n\n${markdown}`).slides.flatMap((stack) => stack.verticals);

describe("HedgeDoc rule: disallowed markup is shown as text (render.js preventXSS: js-xss escapes tags outside its white list)", () => {
  it("a word in angle brackets in a paragraph", () => {
    // md.render gives <p>use the <link> syntax</p>; js-xss escapes the tag it does not allow
    expect(slides("use the <link> syntax")[0]!.html).toBe("<p>use the &lt;link&gt; syntax</p>\n");
  });
  it("an unknown element with content keeps both tags as text", () => {
    expect(slides("<name>Ada</name> wrote it")[0]!.html).toBe("<p>&lt;name&gt;Ada&lt;/name&gt; wrote it</p>\n");
  });
  it("a script is text, never an element", () => {
    // an html_block (CommonMark type 1); js-xss escapes both tags and keeps the body as text
    expect(slides("<script>alert(1)</script>")[0]!.html).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("allowed tags stay markup next to escaped ones", () => {
    expect(slides("<kbd>Ctrl</kbd> + <key>C</key>")[0]!.html).toBe("<p><kbd>Ctrl</kbd> + &lt;key&gt;C&lt;/key&gt;</p>\n");
  });
  it("in speaker notes too", () => {
    expect(slides("# T\n\nnote: mention <placeholder>")[0]!.notesHtml).toBe("<p>mention &lt;placeholder&gt;</p>\n");
  });
  it("in documents too", () => {
    expect(renderer.render("see <details-of> it\n").html).toBe("<p>see &lt;details-of&gt; it</p>\n");
  });
  it("attribute comments are still read", () => {
    const [slide] = slides('<!-- .slide: class="wide" -->\n# T <foo>');
    expect(slide!.attributes).toEqual({ class: "wide" });
    expect(slide!.html.trim()).toBe("<h1>T &lt;foo&gt;</h1>");
  });
});
