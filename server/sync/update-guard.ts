// Checks a client's Yjs update against the deck's size limit before it touches a room's document.
// Malformed updates are not looked for here: decoding every update twice cost more than anything
// else on the server's path, and Room.applyClientUpdate logs exactly what a broken update managed
// to change before its connection is closed.
import * as Y from "yjs";

export class RejectedUpdate extends Error {
  constructor(
    message: string,
    readonly reason: "malformed" | "too-large",
  ) {
    super(message);
  }
}

/** Throws RejectedUpdate unless `update` keeps a document of `currentLength` characters within `maxChars`. */
export function checkUpdateSize(update: Uint8Array, currentLength: number, maxChars: number): void {
  // Cheap bound first: an update cannot insert more UTF-16 units than it has bytes.
  if (currentLength + update.byteLength <= maxChars) return;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new RejectedUpdate("malformed Yjs update", "malformed");
  }
  let inserted = 0;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) inserted += struct.content.str.length;
  }
  if (currentLength + inserted > maxChars) {
    throw new RejectedUpdate(`the deck would exceed ${maxChars} characters`, "too-large");
  }
}
