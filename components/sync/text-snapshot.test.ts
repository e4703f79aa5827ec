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

  it("reads the text afresh after every change once it holds an embed, whose positions the string lacks", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "ab");
    expect(textSnapshot(text)).toBe("ab");
    text.insertEmbed(1, { image: "x" });
    expect(textSnapshot(text)).toBe(text.toString());
    // Yjs counts the embed: "a", embed, "b", so 3 is after "b", and 2 is between embed and "b".
    text.insert(3, "c");
    expect(textSnapshot(text)).toBe("abc");
    text.insert(2, "d");
    expect(textSnapshot(text)).toBe("adbc");
    // The embed arrives while nobody reads, then the text is read and changed again.
    const other = new Y.Doc().getText("markdown");
    other.insert(0, "xy");
    expect(textSnapshot(other)).toBe("xy");
    other.insertEmbed(0, { image: "x" });
    other.insert(0, "z");
    expect(textSnapshot(other)).toBe("zxy");
    // z, the embed, x, y: 2 is before "x".
    other.insert(2, "!");
    expect(textSnapshot(other)).toBe("z!xy");
  });
});
