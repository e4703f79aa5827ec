import { describe, expect, it } from "vitest";
import { decodeEntities, isHttpOrRelativeUrl, isSafeUrl, mentionsScriptUrl } from "./url-safety";

describe("url safety", () => {
  it.each(["https://a.b/c.png", "http://x", "/rel", "./a.png", "#fff", "rgb(0, 0, 0)", "mailto:a@b.c", "slide", ""])("accepts %s", (value) => {
    expect(isSafeUrl(value)).toBe(true);
  });
  it.each([
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "jav&#x61;script:alert(1)", "&#106;avascript&colon;x",
    "vbscript:x", "data:text/html,x", "file:///etc/passwd", "url(javascript:alert(1))", "&amp;#106;avascript:x",
  ])("rejects %s", (value) => {
    expect(isSafeUrl(value)).toBe(false);
  });
  it("allows raster image data only when asked", () => {
    expect(isSafeUrl("data:image/png;base64,AAAA")).toBe(false);
    expect(isSafeUrl("data:image/png;base64,AAAA", { allowImageData: true })).toBe(true);
    expect(isSafeUrl("data:image/svg+xml;base64,AAAA", { allowImageData: true })).toBe(false);
  });
  it("checks image URLs for CSS use", () => {
    expect(isHttpOrRelativeUrl("https://a/b.png")).toBe(true);
    expect(isHttpOrRelativeUrl("img/b.png")).toBe(true);
    expect(isHttpOrRelativeUrl("ftp://a/b.png")).toBe(false);
    expect(isHttpOrRelativeUrl('https://a/b.png") ; x')).toBe(false);
  });
  it("decodes entities and spots script URLs in styles", () => {
    expect(decodeEntities("&#x61;&#98;&colon;")).toBe("ab:");
    expect(mentionsScriptUrl("background:url(javascript:alert(1))")).toBe(true);
    expect(mentionsScriptUrl("color: red")).toBe(false);
  });
});
