// Checks a client's Yjs update before it touches a room's document: it must decode completely
// (so a malformed update cannot be half-applied) and must not push the deck over its size limit.
import * as Y from "yjs";

export class RejectedUpdate extends Error {
  constructor(
    message: string,
    readonly reason: "malformed" | "too-large",
  ) {
    super(message);
  }
}

/** Throws RejectedUpdate unless `update` is safe to apply to a document whose text has `currentLength` characters. */
export function checkUpdate(update: Uint8Array, currentLength: number, maxChars: number): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new RejectedUpdate("malformed Yjs update", "malformed");
  }
  // Cheap bound first: an update cannot insert more UTF-16 units than it has bytes.
  if (currentLength + update.byteLength <= maxChars) return;
  let inserted = 0;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) inserted += struct.content.str.length;
  }
  if (currentLength + inserted > maxChars) {
    throw new RejectedUpdate(`the deck would exceed ${maxChars} characters`, "too-large");
  }
}
