// The series' time lock: a call's deck is locked `lockAfterMinutes` after its slot ends
// (core/series/call-slot.ts), as if its owner had pressed "End call". Checked every minute; a deck
// unlocked by hand after its call is left alone, and a series with bad settings is logged and skipped.
import { callLockTime } from "../../core/series/call-slot";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import type { DeckLocks } from "./deck-locks";

const CHECK_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export class CallLockScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly locks: Pick<DeckLocks, "lock">,
    private readonly log: Logger,
    private readonly intervalMs = CHECK_INTERVAL_MS,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.lockDue().catch((error: unknown) => this.log.error({ err: error }, "the series' time lock failed"));
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Locks every deck whose lock time has come; returns their ids. */
  async lockDue(now = new Date()): Promise<string[]> {
    const candidates = await this.prisma.deck.findMany({
      where: {
        lockedAt: null,
        unlockedAt: null,
        deletedAt: null,
        archivedAt: null,
        // A slot ends on its call's day or, far east of UTC, the next: later days cannot be due.
        callDate: { not: null, lte: new Date(now.getTime() + DAY_MS) },
        series: { lockAfterMinutes: { not: null } },
      },
      select: { id: true, callDate: true, series: { select: { startTime: true, timeZone: true, durationMinutes: true, lockAfterMinutes: true } } },
    });
    const locked: string[] = [];
    for (const deck of candidates) {
      if (!deck.callDate || !deck.series || deck.series.lockAfterMinutes === null) continue;
      let due: Date;
      try {
        due = callLockTime(deck.callDate, { ...deck.series, lockAfterMinutes: deck.series.lockAfterMinutes });
      } catch (error) {
        this.log.warn({ err: error, deckId: deck.id }, "the series' time lock cannot tell when this call ends");
        continue;
      }
      if (due.getTime() > now.getTime()) continue;
      await this.locks.lock(deck.id, null);
      locked.push(deck.id);
      this.log.info({ deckId: deck.id }, "locked a deck after its call's slot");
    }
    return locked;
  }
}
