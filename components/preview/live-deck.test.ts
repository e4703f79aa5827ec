import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createHtmlSanitizer, renderDeck, type SanitizerWindow } from "@/core/render";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { LiveDeck } from "./live-deck";

const dom = new JSDOM("");
const sanitizer = createHtmlSanitizer(dom.window as unknown as SanitizerWindow);

beforeAll(() => {
  // LiveDeck sanitizes with this window's DOMPurify and waits for its frames.
  Object.assign(globalThis, { window: dom.window, requestAnimationFrame: (run: () => void) => setTimeout(run, 0) });
});

describe("LiveDeck", () => {
  it("renders what the Y.Text holds after each change, making a string of the whole text only when a change may move slides", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    let markdown = ordinaryDeck(20_000).markdown;
    text.insert(0, markdown);
    const live = new LiveDeck(text);
    const wholeText = vi.spyOn(text as { toString(): string }, "toString");
    const shown = () => live.renderAs("auto"); // a render waiting for the paint runs now
    const at = markdown.indexOf("Team 12 report") + "Team 12".length;

    text.insert(at, "x");
    doc.transact(() => {
      // Two changes in one transaction: one delta of several steps.
      text.insert(at + 1, "yz");
      text.delete(at - 2, 1);
    });
    markdown = `${markdown.slice(0, at - 2)}2xyz${markdown.slice(at)}`;
    expect(shown()).toEqual(renderDeck(markdown, { sanitizer }));
    expect(shown().slides.some((stack) => stack.verticals.some((slide) => slide.html.includes("Team 2xyz report")))).toBe(true);
    expect(wholeText).not.toHaveBeenCalled();

    text.insert(at, "\n\n---\n\n# New slide");
    markdown = `${markdown.slice(0, at)}\n\n---\n\n# New slide${markdown.slice(at)}`;
    expect(shown()).toEqual(renderDeck(markdown, { sanitizer }));
    expect(wholeText).toHaveBeenCalledTimes(1);
    live.destroy();
  });
});
