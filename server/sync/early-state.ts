// The first deck opened after a start used to wait for its room: Yjs applying the stored state
// (and V8 compiling Yjs on first use) and encoding it again for the client, ~650 ms for a deck with
// a long editing history. The bytes read from PostgreSQL are already a valid update, so a client
// that connects while its deck loads gets them at once: the log's updates, then the snapshot as
// sync step 2 (a y-websocket client counts itself synced there, with every part in hand). Its own
// step 1, read once the room is ready, is then answered with only what the stored bytes lacked.
import * as Y from "yjs";
import type { StoredDocumentState } from "../persistence/deck-store";
import { syncStep2ForUpdate, syncUpdateMessage } from "./messages";

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** The messages that hand a client the stored state, in the order it must apply them. */
export function storedStateMessages(stored: StoredDocumentState): Uint8Array[] {
  // Updates before the snapshot they build on: Yjs keeps them pending until it arrives.
  const messages = stored.updates.map((update) => syncUpdateMessage(update));
  messages.push(syncStep2ForUpdate(stored.snapshot ?? EMPTY_UPDATE));
  return messages;
}

/** The state vector a client holds once it has what `known` covers and what it said it had. */
export function mergeStateVectors(clientVector: Uint8Array, known: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(known);
  for (const [client, clock] of Y.decodeStateVector(clientVector)) {
    if (clock > (merged.get(client) ?? 0)) merged.set(client, clock);
  }
  return Y.encodeStateVector(merged);
}
