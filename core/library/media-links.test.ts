import { describe, expect, it } from "vitest";
import { listMediaLinks, resolveRelativePath, rewriteMediaLinks } from "./media-links";

describe("media links", () => {
  const deck = [
    "![](img/a.png =600x)![logo](<img/b c.png>)",
    '<img src="img/c.png" width="100"> and <img alt="x" src=\'https://example.org/d.png\'>',
    "[not an image](img/e.png) ![](https://input.scs.community/uploads/f.jpg =320x)",
  ].join("\n");

  it("lists markdown and HTML image links, not plain links", () => {
    expect(listMediaLinks(deck)).toEqual(["img/a.png", "img/b c.png", "https://input.scs.community/uploads/f.jpg", "img/c.png", "https://example.org/d.png"]);
  });

  it("rewrites only the links the rewriter maps, keeping size suffixes and quotes", () => {
    const rewritten = rewriteMediaLinks(deck, (url) => (url.startsWith("img/") ? `/media/${url.slice(4, 5)}` : null));
    expect(rewritten).toBe(
      [
        "![](/media/a =600x)![logo](</media/b>)",
        '<img src="/media/c" width="100"> and <img alt="x" src=\'https://example.org/d.png\'>',
        "[not an image](img/e.png) ![](https://input.scs.community/uploads/f.jpg =320x)",
      ].join("\n"),
    );
  });

  it("resolves relative paths inside an archive and refuses escapes and absolute URLs", () => {
    expect(resolveRelativePath("community-call/20240808.md", "20240808/slide.png")).toBe("community-call/20240808/slide.png");
    expect(resolveRelativePath("community-call/20240808.md", "../shared/logo%20big.png")).toBe("shared/logo big.png");
    expect(resolveRelativePath("a.md", "../../etc/passwd")).toBeNull();
    expect(resolveRelativePath("a.md", "https://x.org/y.png")).toBeNull();
    expect(resolveRelativePath("a.md", "/media/abc")).toBeNull();
    expect(resolveRelativePath("a.md", "data:image/png;base64,AAAA")).toBeNull();
  });
});
