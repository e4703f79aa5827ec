import { describe, expect, it } from "vitest";
import { parseImageSize } from "./image-size";
import { createMarkdownIt } from "./markdown-renderer";

const md = createMarkdownIt({ breaks: true });

describe("image size", () => {
  it("parses =WxH", () => {
    expect(parseImageSize("=600x", 0, 5)).toEqual({ width: "600", height: "", end: 5 });
    expect(parseImageSize("=50%x", 0, 5)).toEqual({ width: "50%", height: "", end: 5 });
    expect(parseImageSize("=960x612)", 0, 9)).toEqual({ width: "960", height: "612", end: 8 });
    expect(parseImageSize("=x200", 0, 5)).toEqual({ width: "", height: "200", end: 5 });
    expect(parseImageSize("=x", 0, 2)).toBeNull();
    expect(parseImageSize("600x", 0, 4)).toBeNull();
  });
  it.each([
    ["![](u.png =600x)", 'width="600"', "height"],
    ["![](u.png =50%x)", 'width="50%"', "height"],
    ["![](u.png =960x612)", 'width="960" height="612"', "=960"],
    ["![](u.png =x200)", 'height="200"', "width"],
    ['![a](u.png =100x50 "t")', 'title="t" width="100" height="50"', "=100"],
    ['![a](u.png "t" =100x50)', 'title="t" width="100" height="50"', "=100"],
  ])("renders %s", (markdown, present, absent) => {
    const html = md.render(markdown);
    expect(html).toContain(present);
    expect(html).not.toContain(absent);
  });
  it("leaves ordinary images and links alone", () => {
    expect(md.render("![a](u.png)")).toBe('<p><img src="u.png" alt="a"></p>\n');
    expect(md.render("![a][r]\n\n[r]: u.png")).toContain('<img src="u.png" alt="a">');
    expect(md.render("![a](javascript:alert(1))")).not.toContain("<img");
  });
});
