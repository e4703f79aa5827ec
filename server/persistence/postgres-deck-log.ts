// The deck log in PostgreSQL: the room's DeckLog (server/sync/deck-log.ts) over the group-commit
// update log (update-log.ts), the stored state (deck-store.ts) and compaction (compaction.ts).
// Each commit also writes the deck's derived columns, which it asks of the derived-columns
// extension (server/sync/derived-columns.ts).
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import type { CommitListener, CompactionResult, DeckDocument, DeckLog, StoredDocumentState } from "../sync/deck-log";
import { compactDeck } from "./compaction";
import type { DeckStore } from "./deck-store";
import { UpdateLog, type DerivedColumnsSource, type UpdateLogObserver } from "./update-log";

export interface PostgresDeckLogOptions {
  flushIntervalMs: number;
  log: Logger;
  observer?: UpdateLogObserver;
  /** Where each commit's derived columns come from. */
  columns: { sourceFor(document: DeckDocument): DerivedColumnsSource };
  committed: CommitListener;
}

export class PostgresDeckLog implements DeckLog {
  private readonly updates: UpdateLog;

  constructor(
    databaseUrl: string,
    private readonly prisma: PrismaClient,
    private readonly store: DeckStore,
    private readonly options: PostgresDeckLogOptions,
  ) {
    this.updates = new UpdateLog(databaseUrl, { flushIntervalMs: options.flushIntervalMs, log: options.log, observer: options.observer });
    this.updates.onFlushed(options.committed);
  }

  load(deckId: string): Promise<StoredDocumentState | null> {
    return this.store.loadState(deckId);
  }

  append(document: DeckDocument, update: Uint8Array): Promise<void> {
    return this.updates.append(document.deckId, update, this.options.columns.sourceFor(document));
  }

  flush(): Promise<void> {
    return this.updates.flush();
  }

  compact(deckId: string): Promise<CompactionResult | null> {
    return compactDeck(this.prisma, deckId);
  }

  discard(deckId: string): void {
    this.updates.discardDeck(deckId);
  }

  close(): Promise<void> {
    return this.updates.close();
  }

  get backlog(): number {
    return this.updates.backlog;
  }
}
