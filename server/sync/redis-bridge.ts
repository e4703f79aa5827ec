// Scale-out: instances that hold the same deck share its updates and awareness through Redis
// pub/sub, one channel per deck (`podium:deck:<id>`).
//
// - The instance that accepts an update from its client stores it (exactly once) and publishes it;
//   the others apply it with REMOTE_ORIGIN, which the room fans out to its clients but never logs.
// - Opening a deck: subscribe first, then load from PostgreSQL, then ask the holders for what the
//   stored state lacks (our state vector out, their diffs back), so updates not yet flushed on
//   another instance still arrive. PUBLISH returns how many subscribers got the request, so we
//   know how many answers to wait for.
// - Nothing is lost when an instance dies: each instance announces how far its updates of a deck
//   are committed; the others keep the remote updates not yet announced, and store them themselves
//   once the accepting instance has missed its heartbeats for INSTANCE_DEAD_AFTER_MS. (If several
//   instances hold the deck, each may store them: a duplicate Yjs update is harmless.)
// - Access changes reach every instance through PostgreSQL, not Redis (server/access/access-notifier.ts).
// The bridge is an extension of the deck lifecycle (deck-lifecycle.ts): it subscribes at `opening`,
// asks for the others' state at `loaded`, publishes at `accepted` and unsubscribes at `unloaded`.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../log";
import type { AcceptedUpdate, DeckExtension, UnloadReason } from "./deck-lifecycle";
import { REMOTE_ORIGIN, type Room } from "./room";

const CHANNEL_PREFIX = "podium:deck:";
const HEARTBEAT_CHANNEL = "podium:instances";
const HEARTBEAT_MS = 1_000;
const INSTANCE_DEAD_AFTER_MS = 5_000;
/** How long an opening deck waits for the other holders' state before serving what it has. */
const STATE_REQUEST_TIMEOUT_MS = 2_000;
/** Messages kept for a deck that is still loading; the state request covers anything beyond. */
const MAX_EARLY_MESSAGES = 1_000;

const Kind = {
  update: 0,
  awareness: 1,
  stateRequest: 2,
  stateReply: 3,
  stored: 4,
  evict: 5,
  /** The sender's viewer count of the deck (presence.ts counts viewers rather than relaying them). */
  viewers: 6,
} as const;

/** What the metrics learn from the bridge. */
export interface BridgeObserver {
  redisMessage(direction: "in" | "out"): void;
}

export interface RedisBridgeOptions {
  log: Logger;
  observer?: BridgeObserver;
  /** Called when another instance deleted a deck this instance holds. */
  onEvict(deckId: string, code: number, reason: string): void;
}

interface PendingRemote {
  seq: number;
  update: Uint8Array;
}

interface StateRequest {
  id: string;
  expected: number;
  received: number;
  done: () => void;
}

/** One deck this instance holds (or is loading). */
class DeckChannel {
  room: Room | null = null;
  early: Buffer[] = [];
  /** Sequence numbers of our own updates of this deck: published, and known to be committed. */
  published = 0;
  stored = 0;
  private storedAnnounce: number | null = null;
  /** Updates from other instances that they have not yet announced as committed. */
  unconfirmed = new Map<string, PendingRemote[]>();
  request: StateRequest | null = null;

  constructor(
    readonly deckId: string,
    private readonly bridge: RedisBridge,
  ) {}

  publishUpdate(update: Uint8Array, stored: Promise<void>): void {
    const seq = ++this.published;
    this.bridge.publish(this.deckId, Kind.update, (encoder) => {
      encoding.writeVarUint(encoder, seq);
      encoding.writeVarUint8Array(encoder, update);
    });
    // The log commits in order, so the highest resolved seq covers every earlier one; one
    // announcement per group commit is enough.
    stored.then(
      () => {
        this.stored = Math.max(this.stored, seq);
        if (this.storedAnnounce !== null) return;
        this.storedAnnounce = seq;
        queueMicrotask(() => {
          this.storedAnnounce = null;
          const upTo = this.stored;
          this.bridge.publish(this.deckId, Kind.stored, (encoder) => encoding.writeVarUint(encoder, upTo));
        });
      },
      () => undefined,
    );
  }

  publishAwareness(update: Uint8Array): void {
    this.bridge.publish(this.deckId, Kind.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update));
  }

  publishViewerCount(viewers: number): void {
    this.bridge.publish(this.deckId, Kind.viewers, (encoder) => encoding.writeVarUint(encoder, viewers));
  }

  trackRemote(instance: string, entry: PendingRemote): void {
    let entries = this.unconfirmed.get(instance);
    if (!entries) this.unconfirmed.set(instance, (entries = []));
    entries.push(entry);
  }

  confirm(instance: string, upTo: number): void {
    const entries = this.unconfirmed.get(instance);
    if (!entries) return;
    const kept = entries.filter((entry) => entry.seq > upTo);
    if (kept.length > 0) this.unconfirmed.set(instance, kept);
    else this.unconfirmed.delete(instance);
  }
}

export class RedisBridge implements DeckExtension {
  readonly name = "redis replication";
  /** Another instance may hold updates of a deck it has not committed yet. */
  readonly storageMayLag = true;
  readonly instanceId = randomUUID();
  private channels = new Map<string, DeckChannel>();
  private lastSeen = new Map<string, number>();
  private lagMs: number | null = null;
  private timers: NodeJS.Timeout[] = [];
  private everReady = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisBridgeOptions,
  ) {}

  /** Connects to Redis (failing fast when it cannot be reached at start-up) and starts the heartbeat. */
  static async connect(url: string, options: RedisBridgeOptions): Promise<RedisBridge> {
    const redisOptions = { lazyConnect: true, maxRetriesPerRequest: 3 };
    const publisher = new Redis(url, redisOptions);
    const subscriber = new Redis(url, redisOptions);
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw new Error(`Cannot reach Redis at REDIS_URL (${redactUrl(url)}): ${(error as Error).message}`, { cause: error });
    }
    const bridge = new RedisBridge(publisher, subscriber, options);
    await bridge.start();
    return bridge;
  }

  /** Seconds of the last heartbeat round trip through Redis. */
  get lagSeconds(): number | null {
    return this.lagMs === null ? null : this.lagMs / 1000;
  }

  /** Subscribes to a deck's channel, before the deck is read from storage. */
  async opening(deckId: string): Promise<void> {
    if (this.channels.has(deckId)) return;
    this.channels.set(deckId, new DeckChannel(deckId, this));
    await this.subscriber.subscribe(CHANNEL_PREFIX + deckId);
  }

  /** Connects the loaded room to the other instances and waits (bounded) for their state. */
  async loaded(room: Room): Promise<void> {
    const channel = this.channels.get(room.deckId);
    if (!channel) throw new Error(`deck ${room.deckId} was not opened on the bridge`);
    channel.room = room;
    for (const message of channel.early.splice(0)) this.handleDeckMessage(channel, message);
    await this.requestState(channel);
  }

  acceptedUpdate(room: Room, accepted: AcceptedUpdate): void {
    this.channelOf(room)?.publishUpdate(accepted.update, accepted.stored);
  }

  presenceChanged(room: Room, update: Uint8Array): void {
    this.channelOf(room)?.publishAwareness(update);
  }

  viewersChanged(room: Room, viewers: number): void {
    this.channelOf(room)?.publishViewerCount(viewers);
  }

  /** Stops sharing a deck this instance no longer holds; one deleted here, the others are told of. */
  unloaded(deckId: string, reason: UnloadReason, detail?: { code: number; reason: string }): void {
    if (reason === "deleted" && detail) this.publishEvict(deckId, detail.code, detail.reason);
    this.close(deckId);
  }

  /** The channel of this very room (not of an earlier room of the same deck). */
  private channelOf(room: Room): DeckChannel | null {
    const channel = this.channels.get(room.deckId);
    return channel?.room === room ? channel : null;
  }

  private close(deckId: string): void {
    const channel = this.channels.get(deckId);
    if (!channel) return;
    this.channels.delete(deckId);
    channel.request?.done();
    this.subscriber.unsubscribe(CHANNEL_PREFIX + deckId).catch((error: unknown) => {
      this.options.log.warn({ err: error, deckId }, "redis unsubscribe failed");
    });
  }

  /** Tells the other instances a deck was deleted. */
  private publishEvict(deckId: string, code: number, reason: string): void {
    this.publish(deckId, Kind.evict, (encoder) => {
      encoding.writeVarUint(encoder, code);
      encoding.writeVarString(encoder, reason);
    });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const deckId of [...this.channels.keys()]) this.close(deckId);
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  publish(deckId: string, kind: number, write: (encoder: encoding.Encoder) => void): Promise<number> {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, kind);
    write(encoder);
    this.options.observer?.redisMessage("out");
    return this.publisher.publish(CHANNEL_PREFIX + deckId, Buffer.from(encoding.toUint8Array(encoder))).catch((error: unknown) => {
      // The other instances miss this message; they catch up through the state request that every
      // instance sends when its Redis connection comes back.
      this.options.log.warn({ err: error, deckId }, "redis publish failed");
      return 0;
    });
  }

  private async start(): Promise<void> {
    const log = this.options.log;
    this.publisher.on("error", (error) => log.warn({ err: error }, "redis (publisher) error"));
    this.subscriber.on("error", (error) => log.warn({ err: error }, "redis (subscriber) error"));
    this.subscriber.on("ready", () => {
      if (!this.everReady) return;
      // Reconnected: messages may have been missed meanwhile; ask the holders of every deck again.
      log.info("redis connection restored; resynchronising open decks");
      for (const channel of this.channels.values()) void this.requestState(channel);
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    await this.subscriber.subscribe(HEARTBEAT_CHANNEL);
    this.everReady = true;
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref());
    this.timers.push(setInterval(() => this.adoptOrphans(), HEARTBEAT_MS).unref());
    this.heartbeat();
  }

  private heartbeat(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeFloat64(encoder, performance.now());
    this.publisher.publish(HEARTBEAT_CHANNEL, Buffer.from(encoding.toUint8Array(encoder))).catch((error: unknown) => {
      this.options.log.debug({ err: error }, "redis heartbeat failed");
    });
  }

  private receive(channelName: string, message: Buffer): void {
    try {
      if (channelName === HEARTBEAT_CHANNEL) {
        const decoder = decoding.createDecoder(message);
        const instance = decoding.readVarString(decoder);
        this.lastSeen.set(instance, Date.now());
        if (instance === this.instanceId) this.lagMs = performance.now() - decoding.readFloat64(decoder);
        return;
      }
      const channel = this.channels.get(channelName.slice(CHANNEL_PREFIX.length));
      if (!channel) return;
      if (!channel.room) {
        if (channel.early.length < MAX_EARLY_MESSAGES) channel.early.push(message);
        return;
      }
      this.handleDeckMessage(channel, message);
    } catch (error) {
      this.options.log.error({ err: error, channel: channelName }, "undecodable message from another instance; ignored");
    }
  }

  private handleDeckMessage(channel: DeckChannel, message: Buffer): void {
    const room = channel.room!;
    const decoder = decoding.createDecoder(message);
    const instance = decoding.readVarString(decoder);
    if (instance === this.instanceId) return;
    this.options.observer?.redisMessage("in");
    this.lastSeen.set(instance, Date.now());
    const kind = decoding.readVarUint(decoder);
    switch (kind) {
      case Kind.update: {
        const seq = decoding.readVarUint(decoder);
        const update = decoding.readVarUint8Array(decoder);
        channel.trackRemote(instance, { seq, update });
        Y.applyUpdate(room.doc, update, REMOTE_ORIGIN);
        return;
      }
      case Kind.stored:
        channel.confirm(instance, decoding.readVarUint(decoder));
        return;
      case Kind.awareness:
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), REMOTE_ORIGIN);
        return;
      case Kind.viewers:
        room.setRemoteViewers(instance, decoding.readVarUint(decoder));
        return;
      case Kind.stateRequest: {
        const requestId = decoding.readVarString(decoder);
        const stateVector = decoding.readVarUint8Array(decoder);
        const diff = Y.encodeStateAsUpdate(room.doc, stateVector);
        const awareness = awarenessProtocol.encodeAwarenessUpdate(room.awareness, room.presence.sharedClientIds());
        // The new holder counts our viewers too.
        if (room.presence.viewers > 0) channel.publishViewerCount(room.presence.viewers);
        void this.publish(channel.deckId, Kind.stateReply, (encoder) => {
          encoding.writeVarString(encoder, instance);
          encoding.writeVarString(encoder, requestId);
          encoding.writeVarUint8Array(encoder, diff);
          encoding.writeVarUint8Array(encoder, awareness);
          encoding.writeVarUint(encoder, channel.published);
          encoding.writeVarUint(encoder, channel.stored);
        });
        return;
      }
      case Kind.stateReply: {
        const target = decoding.readVarString(decoder);
        const requestId = decoding.readVarString(decoder);
        if (target !== this.instanceId) return;
        const diff = decoding.readVarUint8Array(decoder);
        const awareness = decoding.readVarUint8Array(decoder);
        const published = decoding.readVarUint(decoder);
        const stored = decoding.readVarUint(decoder);
        // The diff may hold updates the replying instance has not committed yet: keep it until it says so.
        if (published > stored) channel.trackRemote(instance, { seq: published, update: diff });
        Y.applyUpdate(room.doc, diff, REMOTE_ORIGIN);
        if (awareness.byteLength > 1) awarenessProtocol.applyAwarenessUpdate(room.awareness, awareness, REMOTE_ORIGIN);
        const request = channel.request;
        if (request && request.id === requestId && ++request.received >= request.expected) request.done();
        return;
      }
      case Kind.evict: {
        const code = decoding.readVarUint(decoder);
        const reason = decoding.readVarString(decoder);
        this.options.onEvict(channel.deckId, code, reason);
        return;
      }
      default:
        throw new Error(`unknown bridge message kind ${kind}`);
    }
  }

  private async requestState(channel: DeckChannel): Promise<void> {
    const room = channel.room;
    if (!room) return;
    channel.request?.done();
    const id = randomUUID();
    let done!: () => void;
    const answered = new Promise<void>((resolve) => (done = resolve));
    const request: StateRequest = { id, expected: Number.POSITIVE_INFINITY, received: 0, done };
    channel.request = request;
    const timer = setTimeout(done, STATE_REQUEST_TIMEOUT_MS);
    const receivers = await this.publish(channel.deckId, Kind.stateRequest, (encoder) => {
      encoding.writeVarString(encoder, id);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(room.doc));
    });
    // PUBLISH counts every subscriber of the channel, this instance included.
    request.expected = Math.max(0, receivers - 1);
    if (request.received >= request.expected) done();
    await answered;
    clearTimeout(timer);
    if (channel.request === request) channel.request = null;
  }

  /** Stores the updates of instances that died before announcing them as committed. */
  private adoptOrphans(): void {
    const now = Date.now();
    for (const channel of this.channels.values()) {
      if (!channel.room) continue;
      // A dead instance's viewers are gone with it.
      for (const [instance, seen] of this.lastSeen) if (now - seen >= INSTANCE_DEAD_AFTER_MS) channel.room.setRemoteViewers(instance, 0);
      for (const [instance, entries] of channel.unconfirmed) {
        const seen = this.lastSeen.get(instance) ?? now;
        if (now - seen < INSTANCE_DEAD_AFTER_MS) continue;
        channel.unconfirmed.delete(instance);
        this.options.log.warn({ deckId: channel.deckId, instance, updates: entries.length }, "storing updates of an instance that went away");
        for (const entry of entries) channel.room.storeOrphan(entry.update);
      }
    }
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
