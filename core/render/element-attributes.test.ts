import { describe, expect, it } from "vitest";
import { injectAttributes, type AttributeCommentEnv } from "./element-attributes";
import { createMarkdownIt } from "./markdown-renderer";

const md = createMarkdownIt({ breaks: true });
const render = (markdown: string): { html: string; env: AttributeCommentEnv } => {
  const env: AttributeCommentEnv = {};
  return { html: md.render(markdown, env), env };
};

describe("element attributes", () => {
  it("sets attributes on the enclosing element", () => {
    expect(render('# Title <!-- .element: class="fragment" -->').html).toBe('<h1 class="fragment">Title </h1>\n');
    expect(render('- item <!-- .element: class="fragment" -->').html).toContain('<li class="fragment">item </li>');
  });
  it("sets attributes on the previous inline element", () => {
    expect(render('![](a.png)<!-- .element: class="r" -->').html).toContain('<img src="a.png" alt="" class="r">');
    expect(render('**b** text <!-- .element: class="r" -->').html).toContain('<strong class="r">b</strong>');
    expect(render('<font color="red">x</font> <!-- .element: class="r" -->').html).toContain('<font color="red" class="r">x</font>');
  });
  it("sets attributes on the previous block for a comment on its own line", () => {
    expect(render('para\n\n<!-- .element: class="r" -->').html).toContain('<p class="r">para</p>');
    expect(render('```\ncode\n```\n<!-- .element: class="r" -->').html).toContain('<pre class="r">');
  });
  it("sends a leading .element and every .slide comment to the slide", () => {
    expect(render('<!-- .element: class="whole" -->\n\n# x').env.slideAttributes).toEqual({ class: "whole" });
    const { html, env } = render('# x\n<!-- .slide: data-background="#ff0000" -->');
    expect(env.slideAttributes).toEqual({ "data-background": "#ff0000" });
    expect(html).not.toContain(".slide");
  });
  it("drops event handlers", () => {
    expect(render('# x <!-- .element: onclick="alert(1)" -->').html).toBe("<h1>x </h1>\n");
  });
  it("leaves comments alone when disabled", () => {
    expect(render("").html).toBe("");
    const env: AttributeCommentEnv = { attributeComments: false };
    expect(md.render('# x <!-- .element: class="a" -->', env)).toContain("<!-- .element");
  });
  it("injects escaped attributes into raw tags", () => {
    expect(injectAttributes("<img src=x/>", [["class", 'a"b']])).toBe('<img src=x class="a&quot;b"/>');
    expect(injectAttributes("text", [["class", "a"]])).toBe("text");
  });
});
