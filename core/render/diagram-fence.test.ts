// Diagram fences and code line numbers with the HTML HedgeDoc 1.12 makes of them, worked out from
// its source: extra.js's fence rule (class "<lang> hljs raw" on the <code>), highlightRender (the
// escaped source in <div class="… raw">; the line-number gutter) and postProcess (`=+` numbers
// carried on from the previous gutter of the same render), and reveal-markdown.js (each slide is
// rendered and post-processed on its own). The frame draws the diagrams (e2e/diagrams.spec.ts).
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer } from "./deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const renderer = createDeckRenderer({ sanitizer });
const slides = (markdown: string) => renderer.render(`---\ntype: slide\n---\n\n${markdown}`).slides.flatMap((stack) => stack.verticals);
const one = (markdown: string) => slides(markdown)[0]!.html;

describe("diagram fences keep HedgeDoc's markup before drawing", () => {
  it("graphviz", () => {
    expect(one('```graphviz\ndigraph { a -> "b" }\n```')).toBe('<pre><code class="graphviz hljs raw"><div class="graphviz raw">digraph { a -&gt; "b" }\n</div></code></pre>\n'); // the same DOM as HedgeDoc's &quot; (its innerHTML serializes so)
  });
  it("sequence: the holder is div.sequence-diagram", () => {
    expect(one("```sequence\nAlice->Bob: Hello\nNote right of Bob: thinks\n```")).toBe('<pre><code class="sequence hljs raw"><div class="sequence-diagram raw">Alice-&gt;Bob: Hello\nNote right of Bob: thinks\n</div></code></pre>\n');
  });
  it("flow: the holder is div.flow-chart", () => {
    expect(one("```flow\nst=>start: Start\ne=>end\nst->e\n```")).toBe('<pre><code class="flow hljs raw"><div class="flow-chart raw">st=&gt;start: Start\ne=&gt;end\nst-&gt;e\n</div></code></pre>\n');
  });
  it("abc", () => {
    expect(one("```abc\nX:1\nK:C\nCDEF|\n```")).toBe('<pre><code class="abc hljs raw"><div class="abc raw">X:1\nK:C\nCDEF|\n</div></code></pre>\n');
  });
  it("mermaid", () => {
    expect(one("```mermaid\nsequenceDiagram\n  A->>B: <b>hi</b>\n```")).toBe('<pre><code class="mermaid hljs raw"><div class="mermaid raw">sequenceDiagram\n  A-&gt;&gt;B: &lt;b&gt;hi&lt;/b&gt;\n</div></code></pre>\n');
  });
  it("markup in a diagram's source stays text, never elements", () => {
    const html = one('```graphviz\ndigraph { a [label=<<img src="x" onerror="alert(1)">>] }\n```');
    expect(html).not.toContain("<img");
    expect(html).toContain('&lt;img src="x" onerror="alert(1)"&gt;');
  });
  it("an element attribute comment lands on the <pre>, as on any fence", () => {
    expect(one('```abc\nK:C\nC|\n```\n<!-- .element: style="width: 50%" -->')).toBe('<pre style="width: 50%"><code class="abc hljs raw"><div class="abc raw">K:C\nC|\n</div></code></pre>\n');
  });
  it("a fence with more after the language is still the diagram (HedgeDoc reads the first word)", () => {
    expect(one("```graphviz {engine=neato}\ngraph { a -- b }\n```")).toContain('<div class="graphviz raw">');
  });
  it("other languages, and diagram words that are not the language, stay code", () => {
    expect(one("```dot\ndigraph {}\n```")).not.toContain("raw");
    expect(one("```text graphviz\nx\n```")).not.toContain("raw");
  });
});

describe("code line numbers: =+ continues within what HedgeDoc renders at once", () => {
  const gutter = (numbers: number[], extra = "") => `<div class="gutter linenumber${extra}">${numbers.map((n) => `<span data-linenumber="${n}"></span>`).join("\n")}</div>`;
  it("within a slide, =+ carries on from the block before it, through several blocks", () => {
    const html = one("```js=\na\nb\n```\n\n```js=+\nc\n```\n\n```js=+\nd\ne\n```");
    expect(html).toContain(gutter([1, 2]));
    expect(html).toContain(gutter([3], " continue"));
    expect(html).toContain(gutter([4, 5], " continue"));
  });
  it("=+ after =101 carries on from 101's last line", () => {
    expect(one("```js=101\na\nb\n```\n\n```js=+\nc\n```")).toContain(gutter([103], " continue"));
  });
  it("on a new slide =+ starts at 1: reveal-markdown.js renders and post-processes each slide alone", () => {
    const [first, second] = slides("```js=\na\nb\n```\n\n---\n\n```js=+\nc\n```");
    expect(first!.html).toContain(gutter([1, 2]));
    expect(second!.html).toContain(gutter([1], " continue"));
  });
  it("in a document (the whole note rendered at once) =+ carries on past other blocks", () => {
    const document = renderer.render("```js=\na\nb\n```\n\ntext\n\n```js=+\nc\n```\n", "document");
    expect(document.html).toContain(gutter([3], " continue"));
  });
});

describe("speaker notes with raw HTML, as HedgeDoc's speaker view shows them", () => {
  // reveal-markdown.js puts the text after note: into <aside class="notes" data-markdown> as raw
  // HTML (js-xss filtered); reveal.js 3.9's notes plugin sees data-markdown and renders the aside's
  // innerHTML with marked: markdown becomes markup and allowed HTML stays HTML.
  it("inline HTML and markdown both render", () => {
    expect(slides('# T\n\nnote: say <b>this</b> in <span style="color: red">red</span>, *slowly*')[0]!.notesHtml).toBe('<p>say <b>this</b> in <span style="color: red">red</span>, <em>slowly</em></p>\n');
  });
  it("an HTML block stays a block", () => {
    expect(slides('# T\n\nnote:\n<div class="cue">\nClick now\n</div>')[0]!.notesHtml).toBe('<div class="cue">\nClick now\n</div>');
  });
  it("a disallowed tag is text, a script never runs, handlers are dropped", () => {
    // a <script> line is an HTML block (CommonMark type 1): no paragraph around it
    expect(slides("# T\n\nnote: <script>alert(1)</script> <b onclick=\"x()\">b</b>")[0]!.notesHtml).toBe("&lt;script&gt;alert(1)&lt;/script&gt; <b>b</b>");
  });
});
