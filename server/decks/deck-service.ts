// What can be done to decks, whoever asks (REST, pages, CLI): every change to a deck's text goes
// through its live document, so open editors see it at once and the update log records it.
import * as Y from "yjs";
import { PodiumError } from "../../core/api/errors";
import { deckUrl, type CreatedDeck, type DeckMetadata, type DeckSummary } from "../../core/api/decks";
import { newDeckId } from "../../core/deck-id";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { DeckFilter, DeckStore } from "../persistence/deck-store";
import type { DeckLog } from "../sync/deck-log";
import { deriveColumns } from "../sync/derived-columns";
import type { RoomRegistry } from "../sync/room-registry";

export class DeckTooLargeError extends PodiumError {
  override name = "DeckTooLargeError";
  constructor(readonly maxChars: number) {
    super("payload_too_large", `A deck may hold at most ${maxChars} characters.`);
  }
}

export class DeckService {
  constructor(
    private readonly store: DeckStore,
    private readonly rooms: RoomRegistry,
    private readonly deckLog: DeckLog,
    private readonly maxDeckChars: number,
  ) {}

  /** A new deck owned by `ownerId`; without one (CLI imports, tests) the admins own it. */
  async create(markdown = "", ownerId: string | null = null): Promise<CreatedDeck> {
    this.checkSize(markdown);
    const doc = new Y.Doc();
    doc.getText(DECK_TEXT_NAME).insert(0, markdown);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const id = newDeckId();
    await this.store.create(id, state, deriveColumns(markdown), ownerId);
    return { id, url: deckUrl(id) };
  }

  /** Every deck, or those matching `visible` (the access module's filter of what an actor may read). */
  list(visible?: DeckFilter): Promise<DeckSummary[]> {
    return this.store.list(visible);
  }

  async get(id: string): Promise<DeckMetadata | null> {
    const deck = await this.store.get(id);
    return deck ? { ...deck, url: deckUrl(id) } : null;
  }

  /** The current text: the live document's when the deck is open, else the stored one. */
  async markdown(id: string): Promise<string | null> {
    const room = this.rooms.peek(id);
    return room ? room.text.toString() : this.store.markdown(id);
  }

  /** Replaces the text through the live document; false for an unknown deck. `editorId`: who asked, the deck's last editor. */
  async replaceMarkdown(id: string, markdown: string, editorId: string | null = null): Promise<boolean> {
    this.checkSize(markdown);
    const done = await this.rooms.withRoom(id, async (room) => {
      room.replaceText(markdown, editorId);
      // Answer only once the change is durable.
      await this.deckLog.flush();
      return true;
    });
    return done ?? false;
  }

  async delete(id: string): Promise<boolean> {
    this.rooms.evict(id, WsCloseCode.deckDeleted, "This deck was deleted.");
    return this.store.delete(id);
  }

  private checkSize(markdown: string): void {
    if (markdown.length > this.maxDeckChars) throw new DeckTooLargeError(this.maxDeckChars);
  }
}
