import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeLogEntry, encodeLogEntry } from "./update-batch";

function typedUpdates(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (const char of text) doc.getText("markdown").insert(doc.getText("markdown").length, char);
  return updates;
}

describe("update-log entries holding several updates", () => {
  it("stores a single update as itself, so rows written before batching still read", () => {
    const [update] = typedUpdates("a");
    const entry = encodeLogEntry([update!]);
    expect(entry).toEqual({ update, updateCount: 1 });
    expect(decodeLogEntry(entry)).toEqual([update]);
  });

  it("gives back every update of a batch, byte for byte and in order", () => {
    const updates = typedUpdates("Team IaaS 🚀");
    const entry = encodeLogEntry(updates);
    expect(entry.updateCount).toBe(updates.length);
    const decoded = decodeLogEntry(entry);
    expect(decoded.map((update) => [...update])).toEqual(updates.map((update) => [...update]));
    const doc = new Y.Doc();
    for (const update of decoded) Y.applyUpdate(doc, update);
    expect(doc.getText("markdown").toString()).toBe("Team IaaS 🚀");
  });

  it("refuses an entry whose count or length does not match its bytes", () => {
    const entry = encodeLogEntry(typedUpdates("abc"));
    expect(() => decodeLogEntry({ ...entry, updateCount: 2 })).toThrow(/says 2 updates but holds 3/);
    expect(() => decodeLogEntry({ ...entry, update: Uint8Array.from([...entry.update, 0]) })).toThrow(/after its last update/);
    expect(() => decodeLogEntry({ ...entry, update: entry.update.subarray(0, entry.update.length - 2) })).toThrow();
  });
});

describe("the batch layout", () => {
  it("is lib0's: a varUint count, then length-prefixed updates, lengths of several bytes included", () => {
    const updates = [new Uint8Array(3).fill(1), new Uint8Array(200).fill(2), new Uint8Array(20_000).fill(3)];
    const expected = encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, updates.length);
      for (const update of updates) encoding.writeVarUint8Array(encoder, update);
    });
    const entry = encodeLogEntry(updates);
    expect([...entry.update]).toEqual([...expected]);
    expect(decodeLogEntry(entry).map((update) => update.byteLength)).toEqual([3, 200, 20_000]);
  });
});
