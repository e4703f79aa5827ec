// Prepares the next call's deck of each series that asks for it (prepareDaysAhead), a few days
// ahead. Idempotent: each step holds the series' advisory lock (series-service.ts), so running it
// twice, or on two server instances at once, prepares one deck per date and no more.
import type { Logger } from "../log";
import type { SeriesService } from "./series-service";

/** How often to look; a day's resolution is all a "days ahead" setting needs. */
const CHECK_INTERVAL_MS = 60 * 60 * 1000;

export class SeriesScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly series: SeriesService,
    private readonly log: Logger,
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass over the automatic series; returns how many decks it prepared. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    let prepared = 0;
    let ids: string[];
    try {
      ids = await this.series.automatic();
    } catch (error) {
      this.log.error({ err: error }, "series scheduler: listing the series failed");
      return 0;
    }
    for (const id of ids) {
      try {
        const call = await this.series.prepareIfDue(id);
        if (call) {
          prepared++;
          this.log.info({ seriesId: id, deckId: call.id, callDate: call.callDate }, "prepared the next call's deck");
        }
      } catch (error) {
        this.log.error({ err: error, seriesId: id }, "series scheduler: preparing the next call failed");
      }
    }
    return prepared;
  }
}
