import { describe, expect, it } from "vitest";
import { createMarkdownIt } from "./markdown-renderer";
import { renderMath } from "./math";

const md = createMarkdownIt({ breaks: true });

describe("math", () => {
  it("renders inline and display math with KaTeX", () => {
    expect(md.render("a $x^2$ b")).toContain('<span class="katex">');
    expect(md.render("$$\n\\int x\n$$")).toContain('class="katex-display"');
    expect(md.render("$$a=b$$")).toContain('class="katex-display"');
    expect(md.render("inline $$a$$ display")).toContain('class="katex-display"');
  });
  it("leaves prices and escaped dollars alone", () => {
    expect(md.render("$5 and $10")).not.toContain("katex");
    expect(md.render("\\$x$")).not.toContain("katex");
    expect(md.render("`$x$`")).not.toContain("katex");
  });
  it("never trusts commands and never throws", () => {
    expect(renderMath("\\href{javascript:alert(1)}{x}", false)).not.toContain('href="javascript');
    expect(renderMath("\\frac{", false)).toContain("katex-error");
    expect(renderMath("\\def\\a{\\a\\a}\\a", false)).toContain("katex");
    expect(renderMath("x".repeat(5000), false)).toContain("math-error");
  });
  it("limits the number of formulas per render", () => {
    const html = md.render("$x$ ".repeat(150), {});
    expect((html.match(/class="katex"/g) ?? []).length).toBe(100);
    expect(html).toContain('<code class="math-source">x</code>');
  });
});
