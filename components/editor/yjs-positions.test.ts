import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { relativePositionAt } from "./yjs-positions";

const json = (position: Y.RelativePosition) => JSON.stringify(Y.relativePositionToJSON(position));

describe("relativePositionAt", () => {
  it("gives Yjs's own relative position for every index, in a text with a long history", () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "# Team Ops\n\n- one\n- two\n".repeat(40));
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let checked = 0;
    for (let step = 0; step < 400; step++) {
      // Edits here (they leave search markers), deletes, and now and then a peer's edit (which clears them).
      const at = random(text.length + 1);
      if (random(4) === 0 && text.length > 0) text.delete(Math.min(at, text.length - 1), 1 + random(3));
      else text.insert(at, "xy".slice(0, 1 + random(2)));
      if (random(10) === 0) {
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
        other.getText("markdown").insert(random(other.getText("markdown").length + 1), "peer");
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
      }
      for (const index of [at, 0, text.length, random(text.length + 1)]) {
        for (const assoc of [0, 1, -1]) {
          expect(json(relativePositionAt(text, index, assoc)), `step ${step}, index ${index}, assoc ${assoc}`).toBe(json(Y.createRelativePositionFromTypeIndex(text, index, assoc)));
          checked++;
        }
      }
    }
    expect(checked).toBe(400 * 4 * 3);
  });

  it("walks a few items from the marker where the text was edited, not the whole text", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "a".repeat(50_000));
    // Scattered edits: thousands of items.
    for (let n = 0; n < 5_000; n++) text.insert((n * 7919) % text.length, "b");
    text.insert(text.length - 10, "typed");
    // Steps along the items' `right` links, counted.
    let visits = 0;
    const items: { right: unknown }[] = [];
    for (let item = (text as unknown as { _start: { right: unknown } | null })._start; item; item = item.right as { right: unknown } | null) items.push(item);
    for (const item of items) {
      let right = item.right;
      Object.defineProperty(item, "right", {
        configurable: true,
        get: () => {
          visits++;
          return right;
        },
        set: (value) => (right = value),
      });
    }
    expect(items.length).toBeGreaterThan(5_000);
    relativePositionAt(text, text.length - 5);
    // CodeMirror's cursor after typing leans on the character before it.
    relativePositionAt(text, text.length - 5, -1);
    expect(visits).toBeLessThan(100);
    visits = 0;
    Y.createRelativePositionFromTypeIndex(text, text.length - 5);
    expect(visits).toBeGreaterThan(5_000);
  });
});
