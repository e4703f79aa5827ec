import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { textSnapshot } from "./text-snapshot";

describe("text snapshot", () => {
  it("reads the text once per change, and always as it is now", () => {
    const doc = new Y.Doc();
    const text = doc.getText("markdown");
    text.insert(0, "# One\n");
    const toString = vi.spyOn(text as { toString(): string }, "toString");
    expect(textSnapshot(text)).toBe("# One\n");
    expect(textSnapshot(text)).toBe("# One\n");
    expect(toString).toHaveBeenCalledTimes(1);
    text.insert(6, "\n---\n\n# Two\n");
    expect(textSnapshot(text)).toBe("# One\n\n---\n\n# Two\n");
    doc.transact(() => {
      text.delete(0, 2);
      text.insert(0, "## ");
    });
    expect(textSnapshot(text)).toBe("## One\n\n---\n\n# Two\n");
    expect(toString).toHaveBeenCalledTimes(3);
  });
});
