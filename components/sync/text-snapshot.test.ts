import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { hintEdits } from "./edit-hints";
import { textSnapshot } from "./text-snapshot";

describe("text snapshot", () => {
  it("reads the text once, and follows each change from its edits after that", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "# One\n");
    const toString = vi.spyOn(text as { toString(): string }, "toString");
    expect(textSnapshot(text)).toBe("# One\n");
    expect(textSnapshot(text)).toBe("# One\n");
    text.insert(6, "\n---\n\n# Two\n");
    expect(textSnapshot(text)).toBe("# One\n\n---\n\n# Two\n");
    doc.transact(() => {
      text.delete(0, 2);
      text.insert(0, "## ");
    });
    expect(textSnapshot(text)).toBe("## One\n\n---\n\n# Two\n");
    // The editor's own change, with its hint.
    const origin = {};
    hintEdits(text, origin, [{ from: 6, to: 6, insert: "!" }]);
    doc.transact(() => text.insert(6, "!"), origin);
    expect(textSnapshot(text)).toBe("## One!\n\n---\n\n# Two\n");
    expect(toString).toHaveBeenCalledTimes(1);
  });

  it("equals the text after many edits of two people, local and remote, read now and then", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    mine.on("update", (update: Uint8Array) => Y.applyUpdate(theirs, update, "remote"));
    theirs.on("update", (update: Uint8Array) => Y.applyUpdate(mine, update, "remote"));
    const text = mine.getText("markdown");
    const other = theirs.getText("markdown");
    text.insert(0, "# Deck\n\n---\n\n# Slide\n- one\n- two\n");
    let seed = 11;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % below;
    for (let step = 0; step < 2000; step++) {
      const target = random(3) === 0 ? other : text;
      const at = random(target.length + 1);
      if (random(4) === 0 && target.length > at) target.delete(at, Math.min(1 + random(5), target.length - at));
      else target.insert(at, ["a", "\n", "---\n", "é😀"][random(4)]!);
      if (random(7) === 0) expect(textSnapshot(text)).toBe(text.toString());
    }
    expect(textSnapshot(text)).toBe(text.toString());
  });

  it("reads the text afresh after a change it cannot follow (an embed)", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "ab");
    expect(textSnapshot(text)).toBe("ab");
    text.insertEmbed(1, { image: "x" });
    text.insert(0, "c");
    expect(textSnapshot(text)).toBe(text.toString());
  });
});
