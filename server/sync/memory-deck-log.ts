// The in-memory twin of the PostgreSQL deck log, for fast tests of rooms, the registry and
// connections. It keeps the same promises: appends of one window commit together on flush (or
// after `flushIntervalMs`), in order, and `failNextFlushes` makes storage "away" for a while so a
// test can watch what waits for a commit (the saved acknowledgement) and what does not.
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import type { CommitListener, CompactionResult, DeckDocument, DeckLog, StoredDocumentState } from "./deck-log";

interface StoredDeck {
  snapshot: Uint8Array | null;
  entries: Uint8Array[][];
  /** The text as of the last commit (what the PostgreSQL log keeps in `deck.markdown`). */
  markdown: string;
}

interface Pending {
  document: DeckDocument;
  updates: Uint8Array[];
  waiters: { resolve: () => void; reject: (error: Error) => void }[];
  committed: Promise<void>;
}

export class MemoryDeckLog implements DeckLog {
  private readonly decks = new Map<string, StoredDeck>();
  private queue = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private failures = 0;
  /** Group commits made so far. */
  commits = 0;

  constructor(private readonly options: { flushIntervalMs?: number; committed?: CommitListener } = {}) {}

  /** Adds a deck holding `markdown`, as DeckService.create does. */
  create(deckId: string, markdown = ""): void {
    const doc = new Y.Doc();
    doc.getText(DECK_TEXT_NAME).insert(0, markdown);
    this.decks.set(deckId, { snapshot: Y.encodeStateAsUpdate(doc), entries: [], markdown });
    doc.destroy();
  }

  /** What is committed for the deck: its text (as the derived column holds it) and log length. */
  stored(deckId: string): { markdown: string; logEntries: number } | null {
    const deck = this.decks.get(deckId);
    return deck ? { markdown: deck.markdown, logEntries: deck.entries.length } : null;
  }

  /** The next `count` flushes fail, as when PostgreSQL is away; queued updates stay queued. */
  failNextFlushes(count: number): void {
    this.failures = count;
  }

  async load(deckId: string): Promise<StoredDocumentState | null> {
    await Promise.resolve();
    const deck = this.decks.get(deckId);
    if (!deck) return null;
    return { snapshot: deck.snapshot, updates: deck.entries.flat(), logEntries: deck.entries.length };
  }

  append(document: DeckDocument, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error("deck log is closed"));
    let pending = this.queue.get(document.deckId);
    if (!pending) {
      const waiters: Pending["waiters"] = [];
      const committed = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      pending = { document, updates: [], waiters, committed };
      this.queue.set(document.deckId, pending);
    }
    pending.updates.push(update);
    if (this.options.flushIntervalMs !== undefined && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(() => undefined);
      }, this.options.flushIntervalMs);
    }
    return pending.committed;
  }

  get backlog(): number {
    let count = 0;
    for (const pending of this.queue.values()) count += pending.updates.length;
    return count;
  }

  async flush(): Promise<void> {
    await Promise.resolve();
    if (this.queue.size === 0) return;
    if (this.failures > 0) {
      this.failures--;
      throw new Error("deck log flush failed; updates are still queued");
    }
    const batches = [...this.queue.values()];
    this.queue = new Map();
    const written = new Map<string, number>();
    for (const batch of batches) {
      const deck = this.decks.get(batch.document.deckId);
      if (!deck) continue;
      deck.entries.push(batch.updates);
      deck.markdown = batch.document.text.toString();
      written.set(batch.document.deckId, 1);
    }
    this.commits++;
    for (const batch of batches) for (const waiter of batch.waiters) waiter.resolve();
    this.options.committed?.(written);
  }

  async compact(deckId: string): Promise<CompactionResult | null> {
    const deck = this.decks.get(deckId);
    if (!deck) return null;
    const mergedEntries = deck.entries.length;
    const doc = new Y.Doc();
    if (deck.snapshot) Y.applyUpdate(doc, deck.snapshot);
    for (const update of deck.entries.flat()) Y.applyUpdate(doc, update);
    deck.snapshot = Y.encodeStateAsUpdate(doc);
    deck.entries = [];
    doc.destroy();
    return { mergedEntries, snapshotBytes: deck.snapshot.byteLength };
  }

  discard(deckId: string): void {
    const pending = this.queue.get(deckId);
    if (!pending) return;
    this.queue.delete(deckId);
    const error = new Error(`deck ${deckId} was deleted`);
    for (const waiter of pending.waiters) waiter.reject(error);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    this.closed = true;
  }
}
