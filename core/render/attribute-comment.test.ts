import { describe, expect, it } from "vitest";
import { extractAttributeComments, isAllowedAttribute, mergeAttributes, parseAttributeComment } from "./attribute-comment";

describe("attribute comments", () => {
  it("reads .slide: and .element comments as reveal.js does", () => {
    expect(parseAttributeComment(' .slide: data-background="https://x/a.jpg" class="dark" ')).toEqual({
      kind: "slide",
      attributes: [["data-background", "https://x/a.jpg"], ["class", "dark"]],
    });
    expect(parseAttributeComment(' .element: class="fragment" data-fragment-index="1" ')).toEqual({
      kind: "element",
      attributes: [["class", "fragment"], ["data-fragment-index", "1"]],
    });
    expect(parseAttributeComment(" a plain comment ")).toBeNull();
  });
  it("keeps class, id, style and data-* with safe values (HedgeDoc's white list)", () => {
    expect(parseAttributeComment(' .slide: onclick="x" style="color:red" id="a" data-background="javascript:x" class="ok" ')!.attributes).toEqual([
      ["style", "color:red"],
      ["id", "a"],
      ["class", "ok"],
    ]);
    expect(isAllowedAttribute("data-background-iframe", "https://x")).toBe(false);
    expect(isAllowedAttribute("data-transition", "zoom")).toBe(true);
  });
  it("extracts attribute comments from raw HTML and leaves others", () => {
    const { comments, rest } = extractAttributeComments('<!-- note --><!-- .slide: class="a" -->');
    expect(comments.length).toBe(1);
    expect(rest).toBe("<!-- note -->");
  });
  it("merges classes", () => {
    const target: Record<string, string> = { class: "a" };
    mergeAttributes(target, [["class", "b"], ["data-x", "1"]]);
    expect(target).toEqual({ class: "a b", "data-x": "1" });
  });
});
