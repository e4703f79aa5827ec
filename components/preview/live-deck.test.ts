import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createHtmlSanitizer, renderDeck, type SanitizerWindow } from "@/core/render";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { hintEdits } from "@/components/sync/edit-hints";
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

  it("takes the editor's hint of what a change is instead of computing Yjs's delta, and only for that change's origin", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    let markdown = ordinaryDeck(20_000).markdown;
    text.insert(0, markdown);
    const live = new LiveDeck(text);
    // Observes after the LiveDeck: sees whether the delta was computed (Yjs caches it on the event).
    const deltaComputed: boolean[] = [];
    text.observe((event) => deltaComputed.push((event as unknown as { _delta: unknown })._delta !== null));
    const editor = { name: "the editor's binding" };
    const at = markdown.indexOf("Team 7 report") + "Team 7".length;

    hintEdits(text, editor, [{ from: at, to: at, insert: "q" }]);
    doc.transact(() => text.insert(at, "q"), editor);
    markdown = `${markdown.slice(0, at)}q${markdown.slice(at)}`;
    expect(live.renderAs("auto")).toEqual(renderDeck(markdown, { sanitizer }));
    expect(deltaComputed).toEqual([false]);

    // A change by someone else (here: another origin) is read from its delta, hint or not.
    hintEdits(text, editor, [{ from: 0, to: 0, insert: "wrong" }]);
    doc.transact(() => text.insert(at, "r"), "peer");
    markdown = `${markdown.slice(0, at)}r${markdown.slice(at)}`;
    expect(live.renderAs("auto")).toEqual(renderDeck(markdown, { sanitizer }));
    expect(deltaComputed).toEqual([false, true]);
    live.destroy();
  });
});
