// What a room needs from storage, and nothing more: read a deck's stored state, append an accepted
// update (the promise settles once it is committed), write everything queued now, and merge the
// log into the snapshot. PostgreSQL implements it (server/persistence/postgres-deck-log.ts); an
// in-memory twin (memory-deck-log.ts) lets rooms, the registry and connections be tested in
// milliseconds, as tldraw's TLSyncStorage does.
import type * as Y from "yjs";

export interface StoredDocumentState {
  snapshot: Uint8Array | null;
  /** The updates of the log entries after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** How many log entries those updates came from (compaction counts entries). */
  logEntries: number;
}

export interface CompactionResult {
  /** Log entries merged into the snapshot and deleted. */
  mergedEntries: number;
  snapshotBytes: number;
}

/** The live document an update belongs to: what the derived columns are computed from at commit. */
export interface DeckDocument {
  readonly deckId: string;
  readonly text: Y.Text;
}

/** Told after each commit: the log entries written per deck (one per deck and commit). */
export type CommitListener = (entriesWritten: ReadonlyMap<string, number>) => void;

export interface DeckLog {
  /** The snapshot and every later log entry, or null for an unknown deck. */
  load(deckId: string): Promise<StoredDocumentState | null>;
  /** Queues an update; resolves once it is committed (with the rest of its group commit). */
  append(document: DeckDocument, update: Uint8Array): Promise<void>;
  /** Commits everything queued now; rejects (keeping the queue) when storage is away. */
  flush(): Promise<void>;
  /** Merges the deck's log into its snapshot; null for an unknown deck. */
  compact(deckId: string): Promise<CompactionResult | null>;
  /** Forgets queued updates of a deleted deck; their promises reject. */
  discard(deckId: string): void;
  /** Commits what is queued, then refuses appends. */
  close(): Promise<void>;
  /** Updates accepted and not yet committed. */
  readonly backlog: number;
}
