// Runs the deck-opening path once before the server listens, for a deck id that cannot exist.
// Prisma compiles each query shape the first time it runs (loading its query compiler first),
// and V8 compiles Yjs's code on first use: without this the first person to open a deck after a
// restart waited about half a second for both (bench: "cold load, first deck in a fresh process").
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../core/sync-protocol";
import type { AccessControl } from "./access/access-control";
import type { DeckStore } from "./persistence/deck-store";

const NO_SUCH_DECK = "warm-up-no-such-deck";

export async function warmUpDeckOpening(access: AccessControl, store: DeckStore): Promise<void> {
  const guest = await access.resolveActor(new Headers());
  await access.deckRole(guest, NO_SUCH_DECK);
  await store.loadState(NO_SUCH_DECK);
  warmUpYjs();
}

/** Typing (with deletions), loading a stored state and the sync handshake's encoding. */
function warmUpYjs(): void {
  const typed = new Y.Doc();
  const text = typed.getText(DECK_TEXT_NAME);
  for (let i = 0; i < 5_000; i++) {
    text.insert(i % 10 === 0 ? 0 : text.length, "x");
    if (i % 7 === 0) text.delete(0, 1);
  }
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, Y.encodeStateAsUpdate(typed));
  Y.encodeStateAsUpdate(loaded, Y.encodeStateVector(new Y.Doc()));
  typed.destroy();
  loaded.destroy();
}
