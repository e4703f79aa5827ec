// The update log with group commit: every accepted Yjs update is appended to `deck_update`.
// Appends within one flush window are written together in one transaction: one row per deck
// holding that deck's updates in order (update-batch.ts), and the deck's derived columns. So an
// accepted update is durable within FLUSH_INTERVAL_MS plus one round trip. When PostgreSQL is
// unreachable the batch stays queued and is retried with backoff: nothing accepted is dropped.
// The log writes through its own small pg pool, one statement per flush, not through Prisma: it
// runs up to a hundred times a second while people type, and in profiles Prisma's per-query work
// (plan lookup, a base64 round trip for bytes, its transaction protocol) was most of a flush.
import pg from "pg";
import type { Logger } from "../log";
import type { DerivedColumns } from "./deck-store";
import { encodeLogEntry } from "./update-batch";

/** Where the derived columns of a deck come from at flush time (the live room). */
export interface DerivedColumnsSource {
  derivedColumns(): DerivedColumns;
}

/** What one deck accepted since the last flush: written as one log entry (update-batch.ts). */
interface DeckBatch {
  deckId: string;
  source: DerivedColumnsSource;
  updates: Uint8Array[];
  /** performance.now() when each update was accepted, for the commit-delay metric. */
  acceptedAt: number[];
  /** Settles when the batch is committed; every append of the batch returns it. */
  committed: Promise<void>;
  /** Usually one; more after a failed flush put an older batch of the deck in front of this one. */
  waiters: { resolve: () => void; reject: (error: Error) => void }[];
}

function newBatch(deckId: string, source: DerivedColumnsSource): DeckBatch {
  const waiters: DeckBatch["waiters"] = [];
  const committed = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
  return { deckId, source, updates: [], acceptedAt: [], committed, waiters };
}

/** An older batch of a deck followed by a newer one, as one batch (after a failed flush). */
function concatBatches(older: DeckBatch, newer: DeckBatch): DeckBatch {
  return {
    deckId: newer.deckId,
    source: newer.source,
    updates: older.updates.concat(newer.updates),
    acceptedAt: older.acceptedAt.concat(newer.acceptedAt),
    committed: newer.committed,
    waiters: older.waiters.concat(newer.waiters),
  };
}

/** What the metrics learn from the log (server/metrics.ts). */
export interface UpdateLogObserver {
  appended(): void;
  /** A group commit succeeded: its duration and each entry's time from acceptance to commit. */
  flushed(seconds: number, commitDelays: number[]): void;
  flushFailed(): void;
}

/** Told after each commit: the log entries written per deck (one per deck and flush). */
export interface FlushListener {
  (entriesWritten: ReadonlyMap<string, number>): void;
}

const MIN_RETRY_MS = 50;
const MAX_RETRY_MS = 5_000;

export class UpdateLog {
  private queue = new Map<string, DeckBatch>();
  /** Updates accepted and not yet committed, queued or being written. */
  private uncommitted = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private retryDelay = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  private listeners: FlushListener[] = [];

  private readonly pool: pg.Pool;

  constructor(
    databaseUrl: string,
    private readonly options: { flushIntervalMs: number; log: Logger; observer?: UpdateLogObserver },
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // A pooled connection that PostgreSQL drops while idle (a restart) must not crash the server;
    // the next flush gets a fresh connection, or fails and is retried.
    this.pool.on("error", (error) => options.log.warn({ err: error }, "update log: database connection lost"));
  }

  /** Queues an update; resolves once it is committed to PostgreSQL (with the rest of its batch). */
  append(deckId: string, update: Uint8Array, source: DerivedColumnsSource): Promise<void> {
    if (this.closed) return Promise.reject(new Error("update log is closed"));
    let batch = this.queue.get(deckId);
    if (!batch) {
      batch = newBatch(deckId, source);
      this.queue.set(deckId, batch);
    }
    batch.source = source;
    batch.updates.push(update);
    batch.acceptedAt.push(performance.now());
    this.uncommitted++;
    this.options.observer?.appended();
    this.schedule(this.options.flushIntervalMs);
    return batch.committed;
  }

  /** Updates accepted and not yet committed. */
  get backlog(): number {
    return this.uncommitted;
  }

  onFlushed(listener: FlushListener): void {
    this.listeners.push(listener);
  }

  /** Forgets queued updates of a deleted deck; their promises reject. */
  discardDeck(deckId: string): void {
    const batch = this.queue.get(deckId);
    if (!batch) return;
    this.queue.delete(deckId);
    this.uncommitted -= batch.updates.length;
    const error = new Error(`deck ${deckId} was deleted`);
    for (const waiter of batch.waiters) waiter.reject(error);
  }

  /** Writes everything queued now, waiting for a flush already under way. */
  async flush(): Promise<void> {
    while (this.flushing || this.queue.size > 0) {
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      this.cancelTimer();
      await this.runFlush();
      if (this.retryDelay > 0) throw new Error("update log flush failed; updates are still queued");
    }
  }

  /** Flushes, retrying until everything is written or `deadlineMs` passes, then refuses appends. */
  close(deadlineMs = 30_000): Promise<void> {
    this.closing ??= this.closeOnce(deadlineMs);
    return this.closing;
  }

  private async closeOnce(deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    try {
      for (;;) {
        try {
          await this.flush();
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(this.retryDelay, 1_000)));
        }
      }
    } finally {
      this.closed = true;
      this.cancelTimer();
      await this.pool.end();
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runFlush();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private runFlush(): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    const batches = [...this.queue.values()];
    this.queue = new Map();
    const startedAt = performance.now();
    this.flushing = this.write(batches)
      .then(
        () => {
          this.retryDelay = 0;
          for (const batch of batches) {
            this.uncommitted -= batch.updates.length;
            for (const waiter of batch.waiters) waiter.resolve();
          }
          // The batch is committed: whatever the listeners do must not put it back in the queue.
          this.notifyFlushed(batches, startedAt);
        },
        (error: unknown) => {
          this.requeue(batches);
          this.retryDelay = Math.min(Math.max(this.retryDelay * 2, MIN_RETRY_MS), MAX_RETRY_MS);
          this.options.observer?.flushFailed();
          this.options.log.warn({ err: error, backlog: this.uncommitted, retryInMs: this.retryDelay }, "update log flush failed");
        },
      )
      .finally(() => {
        this.flushing = null;
        if (this.queue.size > 0 && !this.closed) this.schedule(this.retryDelay || this.options.flushIntervalMs);
      });
    return this.flushing;
  }

  /** Puts failed batches back in front of what was accepted meanwhile, in order, to try again. */
  private requeue(failed: DeckBatch[]): void {
    const queue = new Map<string, DeckBatch>();
    for (const batch of failed) {
      const newer = this.queue.get(batch.deckId);
      queue.set(batch.deckId, newer ? concatBatches(batch, newer) : batch);
    }
    for (const [deckId, batch] of this.queue) if (!queue.has(deckId)) queue.set(deckId, batch);
    this.queue = queue;
  }

  private notifyFlushed(batches: DeckBatch[], startedAt: number): void {
    try {
      const committedAt = performance.now();
      const delays: number[] = [];
      for (const batch of batches) for (const acceptedAt of batch.acceptedAt) delays.push((committedAt - acceptedAt) / 1000);
      this.options.observer?.flushed((committedAt - startedAt) / 1000, delays);
      const entriesWritten = new Map(batches.map((batch) => [batch.deckId, 1]));
      for (const listener of this.listeners) listener(entriesWritten);
    } catch (error) {
      this.options.log.error({ err: error }, "a flush listener failed");
    }
  }

  private async write(batches: DeckBatch[]): Promise<void> {
    const deckIds: string[] = [];
    const updates: Buffer[] = [];
    const updateCounts: number[] = [];
    const markdowns: string[] = [];
    const titles: string[] = [];
    const tags: string[] = [];
    const sections: Array<string | null> = [];
    for (const batch of batches) {
      const entry = encodeLogEntry(batch.updates);
      const columns = batch.source.derivedColumns();
      deckIds.push(batch.deckId);
      updates.push(Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength));
      updateCounts.push(entry.updateCount);
      markdowns.push(columns.markdown);
      titles.push(columns.title);
      tags.push(JSON.stringify(columns.tags));
      sections.push(columns.sections ? JSON.stringify(columns.sections) : null);
    }
    // One statement, so one transaction: the log entries and the derived columns commit together.
    // A deck deleted while its updates waited here has no row any more: its entry is skipped
    // rather than failing the whole batch on the foreign key.
    await this.pool.query(
      `WITH entry AS (
         SELECT * FROM unnest($1::text[], $2::bytea[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])
           WITH ORDINALITY AS entry(deck_id, update, update_count, markdown, title, tags, sections, position)
         WHERE EXISTS (SELECT 1 FROM deck WHERE deck.id = entry.deck_id)
       ), logged AS (
         INSERT INTO deck_update (deck_id, update, update_count)
         SELECT deck_id, update, update_count FROM entry ORDER BY position
       )
       UPDATE deck SET markdown = entry.markdown, title = entry.title,
         tags = ARRAY(SELECT jsonb_array_elements_text(entry.tags)), sections = COALESCE(entry.sections, deck.sections), updated_at = now()
       FROM entry WHERE deck.id = entry.deck_id`,
      [deckIds, updates, updateCounts, markdowns, titles, tags, sections],
    );
  }
}
