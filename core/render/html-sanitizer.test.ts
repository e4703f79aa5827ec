import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";
import { renderMath } from "./math";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);

describe("html sanitizer", () => {
  it("keeps the HTML decks use", () => {
    const html = '<font color="#50c3a5" style="text-shadow: 1px 1px 0 #FFF;">x</font><center>c</center><details><summary>s</summary>d</details><a href="https://x">l</a><img src="https://x/a.png" width="600"><span style="color:red">r</span>';
    expect(sanitizer.sanitize(html)).toBe(html);
  });
  it("keeps <style> blocks, even first", () => {
    expect(sanitizer.sanitize("<style>.slides h1 { color: red; }</style><p>x</p>")).toBe("<style>.slides h1 { color: red; }</style><p>x</p>");
  });
  it("turns </br> into <br>", () => {
    expect(sanitizer.sanitize("a</br>b")).toBe("a<br>b");
  });
  it("keeps KaTeX output including MathML", () => {
    const out = sanitizer.sanitize(renderMath("x^2", false));
    expect(out).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(out).toContain('class="katex-html"');
    expect(out).toContain("style=");
  });
  it("keeps disabled task checkboxes only", () => {
    expect(sanitizer.sanitize('<input class="task-list-item-checkbox" disabled="" type="checkbox">')).toContain("<input");
    expect(sanitizer.sanitize('<input type="checkbox">')).toBe("");
    expect(sanitizer.sanitize('<input type="text" disabled>')).toBe("");
  });
  it("removes scripts, handlers, frames and dangerous URLs", () => {
    const out = sanitizer.sanitize('<script>x</script><img src=x onerror=alert(1)><iframe></iframe><a href="javascript:x">a</a><div data-background="javascript:x" data-ok="1">d</div><img src="data:text/html,x">');
    expect(out).toBe('<img src="x"><a>a</a><div data-ok="1">d</div><img>');
  });
  it("removes reveal.js attributes that load content", () => {
    expect(sanitizer.sanitize('<section data-background-iframe="https://x" data-markdown="x.md">s</section>')).toBe("<section>s</section>");
  });
  it("keeps raster image data URLs", () => {
    expect(sanitizer.sanitize('<img src="data:image/png;base64,AAAA">')).toContain("data:image/png");
  });
  it("sanitizes the HTML inside data-notes, which reveal.js puts into innerHTML", () => {
    expect(sanitizer.sanitize('<section data-notes="<b>Hi</b><img src=x onerror=alert(1)>">s</section>')).toBe(
      '<section data-notes="&lt;b&gt;Hi&lt;/b&gt;&lt;img src=&quot;x&quot;&gt;">s</section>',
    );
  });
  it("drops data-notes nested in data-notes, and auto-animate values that are not CSS values", () => {
    expect(sanitizer.sanitize('<div data-notes="<i data-notes=x>n</i>" data-auto-animate-easing="ease}*{x:y" data-auto-animate-duration="0.5">d</div>')).toBe(
      '<div data-notes="&lt;i&gt;n&lt;/i&gt;" data-auto-animate-duration="0.5">d</div>',
    );
  });
});
