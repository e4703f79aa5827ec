import { describe, expect, it } from "vitest";
import { findFrontmatter } from "../frontmatter";
import { DEFAULT_REVEAL_OPTIONS, locateSlideOptionKeys, REVEAL_THEMES, validateSlideOptions } from "./slide-options";

describe("slide options", () => {
  it("uses HedgeDoc's defaults", () => {
    expect(validateSlideOptions(undefined, null)).toEqual({ revealOptions: { ...DEFAULT_REVEAL_OPTIONS }, theme: "black", warnings: [] });
  });
  it("accepts valid options", () => {
    const result = validateSlideOptions(
      { theme: "white", transition: "slide", parallaxBackgroundSize: "1920px 1080px", width: 1280, height: "100%", slideNumber: "c/t", autoSlide: false, previewLinks: false, controls: false },
      null,
    );
    expect(result.warnings).toEqual([]);
    expect(result.theme).toBe("white");
    expect(result.revealOptions).toMatchObject({ transition: "slide", width: 1280, height: "100%", slideNumber: "c/t", autoSlide: false, previewLinks: false, controls: false });
  });
  it("rejects code loading, unknown keys and wrong types with line numbers", () => {
    const markdown = "---\ntype: slide\nslideOptions:\n  dependencies:\n    - src: x.js\n  plugins: [a]\n  foo: 1\n  controls: 'yes'\n  previewLinks: true\n  parallaxBackgroundImage: 'javascript:alert(1)'\n  theme: ../evil\n---\n";
    const block = findFrontmatter(markdown)!;
    const result = validateSlideOptions({ dependencies: [{ src: "x.js" }], plugins: ["a"], foo: 1, controls: "yes", previewLinks: true, parallaxBackgroundImage: "javascript:alert(1)", theme: "../evil" }, block);
    expect(result.warnings.map((warning) => warning.line)).toEqual([4, 6, 7, 8, 9, 10, 11]);
    for (const key of ["dependencies", "plugins", "foo", "previewLinks", "parallaxBackgroundImage"]) expect(result.revealOptions).not.toHaveProperty(key);
    expect(result.revealOptions.controls).toBe(true);
    expect(result.theme).toBe("black");
  });
  it("warns when slideOptions is not a mapping", () => {
    const block = findFrontmatter("---\nslideOptions: 3\n---\n")!;
    expect(validateSlideOptions(3, block).warnings).toEqual([{ line: 2, message: expect.stringMatching(/mapping/) }]);
  });
  it("locates keys", () => {
    const block = findFrontmatter("---\na: 1\nslideOptions:\n  theme: x\n---\n")!;
    expect(locateSlideOptionKeys(block)).toEqual({ line: 3, keys: new Map([["theme", 4]]) });
  });
  it("lists the themes bundled with reveal.js", () => {
    expect(REVEAL_THEMES).toContain("black");
    expect(REVEAL_THEMES).toContain("dracula");
  });
});
