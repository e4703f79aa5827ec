// Catches up the full-text index of decks whose text changed after their last indexing. The
// database trigger (library migration) indexes at most every 5 seconds per deck while people
// type, so the last edits of a burst are indexed here, a moment later: `intervalMs` after a commit
// (it is an extension of the deck lifecycle's `committed` stage, server/sync/deck-lifecycle.ts), and
// every `sweepMs` for decks other processes changed (the CLI, an instance that stopped meanwhile).
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import type { DeckExtension } from "../sync/deck-lifecycle";

const BATCH = 50;

export class SearchIndexer implements DeckExtension {
  readonly name = "search catch-up";
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<number> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { intervalMs: number; sweepMs?: number; log: Logger },
  ) {}

  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => void this.catchUp(), this.options.sweepMs ?? this.options.intervalMs);
  }

  /** Edits were stored: catch up once the trigger's throttle may have skipped the last of them. */
  committed(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.catchUp();
    }, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    await this.running?.catch(() => undefined);
  }

  /** Re-indexes stale decks, a batch at a time; returns how many. */
  catchUp(): Promise<number> {
    this.running ??= this.indexStale()
      .catch((error: unknown) => {
        this.options.log.warn({ err: error }, "search index catch-up failed; will retry");
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async indexStale(): Promise<number> {
    let total = 0;
    for (;;) {
      const indexed = await this.prisma.$executeRaw`
        UPDATE deck SET search = deck_search_vector(title, markdown), search_indexed_at = now()
        WHERE id IN (
          SELECT id FROM deck
          WHERE search_indexed_at IS NULL OR search_indexed_at < updated_at
          ORDER BY updated_at LIMIT ${BATCH}
        )`;
      total += indexed;
      if (indexed < BATCH) return total;
    }
  }
}
