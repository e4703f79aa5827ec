import { describe, expect, it } from "vitest";
import { parseAppToFrameMessage } from "./deck-frame-protocol";

describe("parseAppToFrameMessage", () => {
  it("reads patches of whole sections and of one slide's content", () => {
    const changes = [
      { index: 0, html: "<section>a</section>" },
      { index: 3, slide: 1, html: "<p>b</p>" },
    ];
    expect(parseAppToFrameMessage({ type: "patch", changes, count: 4, revision: 7 })).toEqual({ type: "patch", changes, count: 4, revision: 7 });
  });

  it("refuses a patch whose slide is not an index", () => {
    for (const slide of [-1, 1.5, "1", null]) {
      expect(parseAppToFrameMessage({ type: "patch", changes: [{ index: 0, slide, html: "x" }], count: 1, revision: 1 })).toBeNull();
    }
  });

  it("reads the message that hands over the port, and nothing else from it", () => {
    expect(parseAppToFrameMessage({ type: "connect", extra: "ignored" })).toEqual({ type: "connect" });
  });
});
