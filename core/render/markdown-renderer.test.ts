import { describe, expect, it } from "vitest";
import { createMarkdownIt, getMarkdownIt } from "./markdown-renderer";

const md = createMarkdownIt({ breaks: true });

describe("markdown renderer", () => {
  it("converts single newlines to <br> unless breaks is off", () => {
    expect(md.render("a\nb")).toBe("<p>a<br>\nb</p>\n");
    expect(createMarkdownIt({ breaks: false }).render("a\nb")).toBe("<p>a\nb</p>\n");
  });
  it("supports HedgeDoc's syntax extensions", () => {
    expect(md.render("==m== H~2~O 2^10^")).toBe("<p><mark>m</mark> H<sub>2</sub>O 2<sup>10</sup></p>\n");
    expect(md.render("|a|b|\n|-|-|\n|1|2|")).toContain("<table>");
    expect(md.render("- [ ] a\n- [x] b")).toContain('<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox">');
    expect(md.render("x[^1]\n\n[^1]: note")).toContain('class="footnotes"');
    expect(md.render("see https://example.com")).toContain('<a href="https://example.com">');
    expect(md.render("<font color=\"red\">x</font>")).toContain('<font color="red">x</font>');
  });
  it("shares instances per option set", () => {
    expect(getMarkdownIt({ breaks: true })).toBe(getMarkdownIt({ breaks: true }));
    expect(getMarkdownIt({ breaks: true })).not.toBe(getMarkdownIt({ breaks: false }));
  });
  it("caps nesting", () => {
    expect(() => md.render(">".repeat(5000) + " x")).not.toThrow();
  });
});
