// The update log with group commit: every accepted Yjs update is appended to `deck_update`.
// Appends within one flush window are written together in one transaction, together with the
// derived columns of the decks they touched, so an accepted update is durable within
// FLUSH_INTERVAL_MS plus one round trip. When PostgreSQL is unreachable the batch stays queued
// and is retried with backoff: nothing accepted is dropped.
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import type { DerivedColumns } from "./deck-store";

/** Where the derived columns of a deck come from at flush time (the live room). */
export interface DerivedColumnsSource {
  derivedColumns(): DerivedColumns;
}

interface PendingAppend {
  deckId: string;
  update: Uint8Array;
  /** performance.now() when accepted, for the commit-delay metric. */
  acceptedAt: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** What the metrics learn from the log (server/metrics.ts). */
export interface UpdateLogObserver {
  appended(): void;
  /** A group commit succeeded: its duration and each entry's time from acceptance to commit. */
  flushed(seconds: number, commitDelays: number[]): void;
  flushFailed(): void;
}

export interface FlushListener {
  (flushed: ReadonlyMap<string, number>): void;
}

const MIN_RETRY_MS = 50;
const MAX_RETRY_MS = 5_000;

export class UpdateLog {
  private queue: PendingAppend[] = [];
  private sources = new Map<string, DerivedColumnsSource>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private retryDelay = 0;
  private closed = false;
  private listeners: FlushListener[] = [];

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { flushIntervalMs: number; log: Logger; observer?: UpdateLogObserver },
  ) {}

  /** Queues an update; resolves once it is committed to PostgreSQL. */
  append(deckId: string, update: Uint8Array, source: DerivedColumnsSource): Promise<void> {
    if (this.closed) return Promise.reject(new Error("update log is closed"));
    this.sources.set(deckId, source);
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ deckId, update, acceptedAt: performance.now(), resolve, reject });
    });
    this.options.observer?.appended();
    this.schedule(this.options.flushIntervalMs);
    return done;
  }

  /** Updates not yet committed. */
  get backlog(): number {
    return this.queue.length;
  }

  onFlushed(listener: FlushListener): void {
    this.listeners.push(listener);
  }

  /** Forgets queued updates of a deleted deck; their promises reject. */
  discardDeck(deckId: string): void {
    const kept: PendingAppend[] = [];
    for (const entry of this.queue) {
      if (entry.deckId === deckId) entry.reject(new Error(`deck ${deckId} was deleted`));
      else kept.push(entry);
    }
    this.queue = kept;
    this.sources.delete(deckId);
  }

  /** Writes everything queued now, waiting for a flush already under way. */
  async flush(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
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
  async close(deadlineMs = 30_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      try {
        await this.flush();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.retryDelay, 1_000)));
      }
    }
    this.closed = true;
    this.cancelTimer();
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
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return Promise.resolve();
    const startedAt = performance.now();
    this.flushing = this.write(batch)
      .then(
        () => {
          this.retryDelay = 0;
          for (const entry of batch) entry.resolve();
          // The batch is committed: whatever the listeners do must not put it back in the queue.
          this.notifyFlushed(batch, startedAt);
        },
        (error: unknown) => {
          // Put the batch back in front, in order, and try again later.
          this.queue = batch.concat(this.queue);
          this.retryDelay = Math.min(Math.max(this.retryDelay * 2, MIN_RETRY_MS), MAX_RETRY_MS);
          this.options.observer?.flushFailed();
          this.options.log.warn({ err: error, backlog: this.queue.length, retryInMs: this.retryDelay }, "update log flush failed");
        },
      )
      .finally(() => {
        this.flushing = null;
        if (this.queue.length > 0 && !this.closed) this.schedule(this.retryDelay || this.options.flushIntervalMs);
      });
    return this.flushing;
  }

  private notifyFlushed(batch: PendingAppend[], startedAt: number): void {
    try {
      const committedAt = performance.now();
      this.options.observer?.flushed(
        (committedAt - startedAt) / 1000,
        batch.map((entry) => (committedAt - entry.acceptedAt) / 1000),
      );
      const counts = new Map<string, number>();
      for (const entry of batch) counts.set(entry.deckId, (counts.get(entry.deckId) ?? 0) + 1);
      for (const listener of this.listeners) listener(counts);
    } catch (error) {
      this.options.log.error({ err: error }, "a flush listener failed");
    }
  }

  private async write(batch: PendingAppend[]): Promise<void> {
    const deckIds = batch.map((entry) => entry.deckId);
    const updates = batch.map((entry) => Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength));
    const touched = [...new Set(deckIds)];
    const derived = touched.flatMap((deckId) => {
      const source = this.sources.get(deckId);
      return source ? [{ deckId, columns: source.derivedColumns() }] : [];
    });
    await this.prisma.$transaction([
      // A deck deleted while its updates waited here has no row any more: skip those entries
      // rather than failing the whole batch on the foreign key.
      this.prisma.$executeRaw`
        INSERT INTO deck_update (deck_id, update)
        SELECT entry.deck_id, entry.update
        FROM unnest(${deckIds}::text[], ${updates}::bytea[]) WITH ORDINALITY AS entry(deck_id, update, position)
        WHERE EXISTS (SELECT 1 FROM deck WHERE deck.id = entry.deck_id)
        ORDER BY entry.position`,
      ...derived.map(({ deckId, columns }) =>
        this.prisma.$executeRaw`
          UPDATE deck SET markdown = ${columns.markdown}, title = ${columns.title},
            tags = ${columns.tags}::text[], updated_at = now()
          WHERE id = ${deckId}`,
      ),
    ]);
  }
}
