import { describe, expect, it } from "vitest";
import { fenceLanguage, highlightCode } from "./highlight";
import { createMarkdownIt } from "./markdown-renderer";

describe("highlight", () => {
  it("knows common languages and HedgeDoc's line-number suffixes", () => {
    expect(fenceLanguage("js")).toBe("js");
    expect(fenceLanguage("python= ")).toBe("python");
    expect(fenceLanguage("yaml!")).toBe("yaml");
    expect(fenceLanguage("nolang")).toBeNull();
    expect(fenceLanguage("")).toBeNull();
  });
  it("outputs class names only", () => {
    const html = highlightCode("const a = 1;", "js");
    expect(html).toContain('<pre><code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).not.toContain("style=");
  });
  it("renders unknown languages escaped", () => {
    const md = createMarkdownIt({ breaks: true });
    expect(md.render("```foo\n<b>\n```")).toBe('<pre><code class="language-foo">&lt;b&gt;\n</code></pre>\n');
    expect(md.render("```\nx\n```")).toBe("<pre><code>x\n</code></pre>\n");
  });
});
