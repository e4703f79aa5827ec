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

describe("HedgeDoc rule: any note can be presented (slide.js slidifies every note; the preview follows the frontmatter)", () => {
  const note = "# A\n\n---\n\n# B\n\n----\n\n# C\n";
  it("a note without frontmatter is a document in the preview and three slides when presented", () => {
    expect(renderer.render(note).kind).toBe("document");
    const presented = renderer.render(note, "slides");
    expect(presented.kind).toBe("slides");
    expect(presented.slides.map((stack) => stack.verticals.map((slide) => slide.html))).toEqual([["<h1>A</h1>\n"], ["<h1>B</h1>\n", "<h1>C</h1>\n"]]);
  });
  it("slideOptions alone make the preview show slides", () => {
    const deck = renderer.render("---\nslideOptions:\n  theme: white\n---\n\n# A\n\n---\n\n# B\n");
    expect([deck.kind, deck.declaredSlides, deck.theme, deck.slides.length]).toEqual(["slides", true, "white", 2]);
  });
  it("type: slide can still be shown as a document when the person switches", () => {
    expect(renderer.render("---\ntype: slide\n---\n\n# A\n\n---\n\n# B\n", "document").kind).toBe("document");
  });
  it("frontmatter after blank lines and white space is recognised (HedgeDoc shows it as text: better)", () => {
    const deck = renderer.render("\n  \n---\ntitle: Call\nslideOptions:\n  theme: white\n---\n\n# A\n\n---\n\n# B\n");
    expect([deck.kind, deck.frontmatter.title, deck.theme, deck.slides.length]).toEqual(["slides", "Call", "white", 2]);
    expect(deck.slides[0]!.verticals[0]!.startLine).toBe(9);
  });
  it("a document opening with a blank line and a rule is not frontmatter", () => {
    const deck = renderer.render("\n---\n\n# A\n\n---\n\n# B\n", "slides");
    expect(deck.frontmatter).toEqual({});
    expect(deck.slides.flatMap((stack) => stack.verticals).some((slide) => slide.html.includes("<h1>A</h1>"))).toBe(true);
  });
});

describe("HedgeDoc rule: per-slide indentation (reveal-markdown getMarkdownFromSlide, applied twice)", () => {
  const second = (markdown: string) => slides(`# first\n\n---\n\n${markdown}`)[1]!.html;
  it("four spaces after a separator: a heading, not a code block", () => {
    // "\n    ### Heading\n    text\n": 4 leading spaces, every "\n?" + 4 spaces becomes "\n"
    expect(second("    ### Heading\n    text\n")).toBe("<h3>Heading</h3>\n<p>text</p>\n");
  });
  it("tabs: that many tabs after every newline go", () => {
    expect(second("\t### Heading\n\ttext\n")).toBe("<h3>Heading</h3>\n<p>text</p>\n");
  });
  it("a run of that many spaces inside a line also becomes a newline, as in HedgeDoc", () => {
    // "\n  a  b\n": leading white space 2, so "  " in the middle of the line is a newline too
    expect(second("  a  b\n")).toBe("<p>a<br>\nb</p>\n");
  });
  it("one leading space changes nothing", () => {
    expect(second(" a\n")).toBe("<p>a</p>\n");
  });
  it("a blank line before the indented text: the count includes the newline, so nothing matches", () => {
    // "\n\n    code\n": /^\n?(\s*)/ measures "\n    " (5); no run of 5 spaces exists: a code block stays
    expect(second("\n    code\n")).toContain("<pre><code");
  });
  it("the first slide of a deck too", () => {
    expect(slides("    # Title\n    text\n")[0]!.html).toBe("<h1>Title</h1>\n<p>text</p>\n");
  });
});

describe("HedgeDoc rule: style and id in attribute comments (reveal-markdown addAttributeInElement, whiteListAttr id/class/style)", () => {
  it("a slide's style shrinks a crowded slide", () => {
    expect(slides('<!-- .slide: style="font-size: 24px;" -->\n# Crowded')[0]!.attributes).toEqual({ style: "font-size: 24px;" });
  });
  it("an element's id and style go on the element before the comment", () => {
    expect(slides('# Title <!-- .element: id="top" style="color: red" -->')[0]!.html).toContain('<h1 id="top" style="color: red">Title');
  });
  it("a style with a script URL is dropped, as the sanitizer drops it from style=\"\"", () => {
    expect(slides('<!-- .slide: style="background:url(javascript:alert(1))" class="k" -->\n# T')[0]!.attributes).toEqual({ class: "k" });
  });
  it("slide ids are unique in the deck and never the frame's own", () => {
    const deck = slides('<!-- .slide: id="intro" -->\n# A\n\n---\n\n<!-- .slide: id="intro" -->\n# B\n\n---\n\n<!-- .slide: id="deck-theme" -->\n# C\n');
    expect(deck.map((slide) => slide.attributes.id)).toEqual(["intro", "intro-2", "deck-theme-2"]);
  });
  it("an id that is not a plain name is dropped", () => {
    expect(slides('<!-- .slide: id="a b" class="c" -->\n# T')[0]!.attributes).toEqual({ class: "c" });
  });
});

describe("HedgeDoc rule: every slideOptions key slide.js passes to reveal.js is accepted or mapped", () => {
  // The keys of slide.js's `options` object, with a value a HedgeDoc deck would carry.
  const HEDGEDOC_KEYS: Record<string, unknown> = {
    autoPlayMedia: true, autoSlide: 5000, autoSlideStoppable: true, backgroundTransition: "fade", center: false,
    controls: false, controlsBackArrows: "hidden", controlsLayout: "edges", controlsTutorial: false, defaultTiming: 120,
    display: "block", embedded: false, fragmentInURL: true, fragments: true, hash: true, height: 700, help: true,
    hideAddressBar: true, hideCursorTime: 3000, hideInactiveCursor: true, history: true, keyboard: true, loop: false,
    margin: 0.1, maxScale: 2, minScale: 0.2, minimumTimePerSlide: 0, mobileViewDistance: 2, mouseWheel: false,
    navigationMode: "linear", overview: true, parallaxBackgroundHorizontal: 200, parallaxBackgroundImage: "https://example.org/bg.png",
    parallaxBackgroundSize: "2100px 900px", parallaxBackgroundVertical: 50, preloadIframes: null, previewLinks: false, progress: true,
    rtl: false, showNotes: false, shuffle: false, slideNumber: "c/t", theme: "white", totalTime: 1800, touch: true,
    transition: "slide", transitionSpeed: "fast", viewDistance: 3, width: 1200,
  };
  it("none of them is refused", () => {
    const yaml = Object.entries(HEDGEDOC_KEYS).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`).join("\n");
    const deck = renderer.render(`---\nslideOptions:\n${yaml}\n---\n\n# A\n`);
    expect(deck.warnings).toEqual([]);
    expect(deck.theme).toBe("white");
    expect(deck.revealOptions).toMatchObject({ controlsLayout: "edges", slideNumber: "c/t", navigationMode: "linear", width: 1200 });
    // reveal.js 6 has no hideAddressBar: accepted, not passed on
    expect(deck.revealOptions).not.toHaveProperty("hideAddressBar");
  });
  it("the unsafe forms stay refused", () => {
    const deck = renderer.render("---\nslideOptions:\n  previewLinks: true\n  keyboard:\n    13: next\n  dependencies: [{ src: x.js }]\n---\n\n# A\n");
    expect(deck.warnings.length).toBe(3);
    expect(deck.revealOptions).not.toHaveProperty("previewLinks");
    expect(deck.revealOptions).not.toHaveProperty("dependencies");
  });
});

describe("HedgeDoc rule: its extras (extra.js: markdown-it plugins, replaceExtraTags, containers, embeds)", () => {
  const one = (markdown: string) => slides(markdown)[0]!.html;
  it("++ins++ (markdown-it-ins)", () => expect(one("++new++ text")).toBe("<p><ins>new</ins> text</p>\n"));
  it("abbreviations (markdown-it-abbr)", () => {
    expect(one("*[HTML]: Hyper Text Markup Language\n\nThe HTML spec")).toBe('<p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec</p>\n');
  });
  it("definition lists (markdown-it-deflist)", () => expect(one("Term\n:   Definition")).toBe("<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n"));
  it(":::info boxes (markdown-it-container with role and alert classes)", () => {
    expect(one(":::info\nNote this\n:::")).toBe('<div role="alert" class="alert alert-info">\n<p>Note this</p>\n</div>\n');
    expect(one(":::danger\n**Careful**\n:::\nafter")).toBe('<div role="alert" class="alert alert-danger">\n<p><strong>Careful</strong></p>\n</div>\n<p>after</p>\n');
    expect(one(":::other\nx\n:::")).toBe("<p>:::other<br>\nx<br>\n:::</p>\n");
  });
  it("[name=] and [time=] in a block quote", () => {
    expect(one("> Ship it [name=Ada] [time=Mon, Jan 1]")).toBe('<blockquote>\n<p>Ship it <small><i class="fa fa-user"></i> Ada <i class="fa fa-clock-o"></i> Mon, Jan 1</small></p>\n</blockquote>\n');
  });
  it("[color=] colours a block quote's border", () => {
    expect(one("> Red [color=#f00]")).toBe('<blockquote style="border-left-color: #f00">\n<p>Red <span class="color" data-color="#f00"></span></p>\n</blockquote>\n');
  });
  it("[name=] in a list item", () => expect(one("- task [name=Bo]")).toBe('<ul>\n<li>task <small><i class="fa fa-user"></i> Bo</small></li>\n</ul>\n'));
  it("the tags stay text outside lists and quotes, as HedgeDoc leaves them", () => expect(one("plain [name=Ada]")).toBe("<p>plain [name=Ada]</p>\n"));
  it("[TOC] lists the headings (h1–h3) with links", () => {
    expect(one("[TOC]\n\n# Plan\n\n## Step one\n\n#### deep")).toBe(
      '<div class="toc"><ul><li><a href="#Plan">Plan</a><ul><li><a href="#Step-one">Step one</a></li></ul></li></ul></div>\n<h1 id="Plan">Plan</h1>\n<h2 id="Step-one">Step one</h2>\n<h4 id="deep">deep</h4>\n',
    );
  });
  it("code line numbers: =, =101 and =+ (highlightRender's gutter)", () => {
    const gutter = (numbers: number[], extra = "") => `<div class="wrapper"><div class="gutter linenumber${extra}">${numbers.map((n) => `<span data-linenumber="${n}"></span>`).join("\n")}</div><div class="code">`;
    expect(one("```text=\na\nb\n```")).toBe(`<pre><code class="hljs language-text">${gutter([1, 2])}a\nb\n</div></div></code></pre>\n`);
    expect(one("```text=101\na\n```")).toContain(gutter([101]));
    expect(one("```text=\na\nb\n```\n\n```text=+\nc\n```")).toContain(gutter([3], " continue"));
  });
  it("bare domains are links (linkify-it fuzzy links), emails mailto: links", () => {
    expect(one("see example.org/path or mail a@b.org")).toBe('<p>see <a href="http://example.org/path">example.org/path</a> or mail <a href="mailto:a@b.org">a@b.org</a></p>\n');
  });
  it("embeds are placeholders that load nothing until clicked (HedgeDoc fetches the third party at once)", () => {
    expect(one("{%youtube dQw4w9WgXcQ %}")).toBe(
      '<p><a class="embed youtube" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer" data-embed="youtube">YouTube video: dQw4w9WgXcQ</a></p>\n',
    );
    expect(one("{%vimeo 123456 %} {%gist octo/abc1 %}")).toContain('href="https://gist.github.com/octo/abc1"');
    expect(one("{%youtube not-an-id %}")).toBe("<p>{%youtube not-an-id %}</p>\n");
    expect(one("{%pdf javascript:alert(1) %}")).toBe("<p>{%pdf javascript:alert(1) %}</p>\n");
  });
});

describe("HedgeDoc rule: diagrams are marked for drawing (extra.js highlightRender)", () => {
  it("a mermaid fence keeps its source, marked for the frame to draw", () => {
    // HedgeDoc: the fence rule's <code class="mermaid hljs raw">, highlightRender's <div class="mermaid raw">
    expect(slides("```mermaid\ngraph TD; A-->B\n```")[0]!.html).toBe('<pre><code class="mermaid hljs raw"><div class="mermaid raw">graph TD; A--&gt;B\n</div></code></pre>\n');
  });
  it("graphviz, sequence, flow and abc too (each fixture in diagram-fence.test.ts)", () => {
    for (const kind of ["graphviz", "sequence-diagram", "flow-chart", "abc"]) expect(slides(`\`\`\`${kind.split("-")[0]}\nx\n\`\`\``)[0]!.html).toContain(`<div class="${kind} raw">x\n</div>`);
  });
});
