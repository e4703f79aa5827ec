// Prometheus metrics (GET /metrics, text format). Each server has its own registry, so two servers
// in one process (as in the scale-out tests) do not mix their numbers. Modules report through the
// small observer interfaces they define; gauges read the live values when scraped.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { UpdateLogObserver } from "./persistence/update-log";
import type { DeckExtension } from "./sync/deck-lifecycle";
import type { BridgeObserver } from "./sync/redis-bridge";
import type { SyncEndpointObserver } from "./sync/ws-endpoint";

export interface MetricSources {
  connections(): number;
  openDecks(): number;
  writeBacklog(): number;
  /** Seconds of the last Redis round trip, or null without Redis. */
  redisLagSeconds(): number | null;
}

/** Observes the log, the endpoint and the bridge, and counts accepted updates as a lifecycle extension. */
export class PodiumMetrics implements UpdateLogObserver, SyncEndpointObserver, BridgeObserver, DeckExtension {
  readonly name = "metrics";
  readonly registry = new Registry();
  /** What the gauges read when scraped, once the parts they read exist (readGauges). */
  private sources: MetricSources | null = null;
  private readonly updates: Counter;
  private readonly flushSeconds: Histogram;
  private readonly commitDelaySeconds: Histogram;
  private readonly flushFailures: Counter;
  private readonly refused: Counter<"reason">;
  private readonly throttled: Counter;
  private readonly redisMessages: Counter<"direction">;
  private readonly fanOutSeconds: Histogram;

  constructor() {
    const registers = [this.registry];
    const sources = {
      connections: () => this.sources?.connections() ?? 0,
      openDecks: () => this.sources?.openDecks() ?? 0,
      writeBacklog: () => this.sources?.writeBacklog() ?? 0,
      redisLagSeconds: () => this.sources?.redisLagSeconds() ?? null,
    };
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: "podium_connections",
      help: "Open sync (WebSocket) connections.",
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: "podium_open_decks",
      help: "Decks loaded in memory.",
      registers,
      collect() {
        this.set(sources.openDecks());
      },
    });
    new Gauge({
      name: "podium_write_backlog",
      help: "Accepted updates not yet committed to PostgreSQL.",
      registers,
      collect() {
        this.set(sources.writeBacklog());
      },
    });
    new Gauge({
      name: "podium_redis_lag_seconds",
      help: "Round trip of this instance's last heartbeat through Redis (absent without REDIS_URL).",
      registers,
      collect() {
        const lag = sources.redisLagSeconds();
        if (lag !== null) this.set(lag);
      },
    });
    this.updates = new Counter({
      name: "podium_updates_total",
      help: "Updates accepted from this instance's clients and the API (rate() gives updates/s).",
      registers,
    });
    this.flushSeconds = new Histogram({
      name: "podium_persistence_flush_seconds",
      help: "Duration of one group-commit transaction.",
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.commitDelaySeconds = new Histogram({
      name: "podium_update_commit_delay_seconds",
      help: "Time from an update being accepted to it being committed in PostgreSQL.",
      buckets: [0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 5, 30],
      registers,
    });
    this.flushFailures = new Counter({
      name: "podium_persistence_flush_failures_total",
      help: "Group commits that failed and were queued for retry.",
      registers,
    });
    this.refused = new Counter({
      name: "podium_connections_refused_total",
      help: "Sync connections refused before the upgrade, by reason.",
      labelNames: ["reason"],
      registers,
    });
    this.throttled = new Counter({
      name: "podium_connections_throttled_total",
      help: "Times a connection was paused for sending faster than WS_MESSAGES_PER_SECOND.",
      registers,
    });
    this.fanOutSeconds = new Histogram({
      name: "podium_fanout_seconds",
      help: "One message sent to the members of a deck (3 or more): from the fan-out's start to its last frame written.",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.redisMessages = new Counter({
      name: "podium_redis_messages_total",
      help: "Messages published to and received from other instances through Redis.",
      labelNames: ["direction"],
      registers,
    });
  }

  /** The gauges' sources: set once, when the composition has made them all (server/podium.ts). */
  readGauges(sources: MetricSources): void {
    this.sources = sources;
  }

  acceptedUpdate(): void {
    this.updates.inc();
  }

  flushed(seconds: number, commitDelays: number[]): void {
    this.flushSeconds.observe(seconds);
    for (const delay of commitDelays) this.commitDelaySeconds.observe(delay);
  }

  flushFailed(): void {
    this.flushFailures.inc();
  }

  refusedConnection(reason: string): void {
    this.refused.inc({ reason });
  }

  throttledConnection(): void {
    this.throttled.inc();
  }

  redisMessage(direction: "in" | "out"): void {
    this.redisMessages.inc({ direction });
  }

  fanOut(seconds: number): void {
    this.fanOutSeconds.observe(seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
