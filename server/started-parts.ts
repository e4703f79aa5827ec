// What a server start has opened so far, and how to close each part: in reverse order, whether the
// start finished (stop) or failed half-way (so a failed start leaves no connection, pool, timer or
// port behind). A part that fails to close is logged and the others still close.
import type { Logger } from "./log";

export class StartedParts {
  private readonly parts: { name: string; stop: () => unknown }[] = [];

  constructor(private readonly log: Logger) {}

  /** Registers how to stop a part that has just started (stopped before every part started earlier). */
  onStop(name: string, stop: () => unknown): void {
    this.parts.push({ name, stop });
  }

  /** Stops every part, newest first; rejects with the first failure once all were tried. */
  async stopAll(): Promise<void> {
    let failure: unknown = null;
    for (let part = this.parts.pop(); part; part = this.parts.pop()) {
      try {
        await part.stop();
      } catch (error) {
        this.log.error({ err: error, part: part.name }, "stopping a part failed");
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }
}
