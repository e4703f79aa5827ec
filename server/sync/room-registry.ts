// The open decks of this server: loads a room on first use, shares it between connections and API
// calls, and unloads it (after compacting its log) once nobody has used it for ROOM_IDLE_MS. It runs
// the lifecycle's stages (deck-lifecycle.ts) as a deck opens, loads and goes away.
import * as Y from "yjs";
import type { Logger } from "../log";
import type { DeckLifecycle, UnloadReason } from "./deck-lifecycle";
import type { DeckLog, StoredDocumentState } from "./deck-log";
import { Room, type RoomContext } from "./room";

interface OpenRoom {
  room: Room;
  users: number;
  idleTimer: NodeJS.Timeout | null;
}

interface Loading {
  /** The deck's stored bytes, as soon as they are read (null: no such deck). */
  stored: Promise<StoredDocumentState | null>;
  /** The room, once those bytes are restored into it; and the state vector they made. */
  entry: Promise<{ entry: OpenRoom; storedStateVector: Uint8Array } | null>;
  /** What the restore waits for: the stored bytes handed to the sockets of early clients. */
  restoreAfter: Promise<unknown>[];
}

/** The longest a restore waits for early clients' sockets to take the stored bytes. */
const RESTORE_WAIT_MS = 1_000;

/**
 * A deck being opened for a connection. While its room loads, `stored` holds the bytes read from
 * PostgreSQL (snapshot and log: together already a valid update), which a connection can send its
 * client at once, before the room has restored them (server/sync/early-state.ts).
 */
export type OpeningDeck =
  | { room: Room; stored?: undefined }
  | {
      stored: StoredDocumentState;
      /** Holds the restore (which blocks the event loop) until `sent` settles, 1 s at most. */
      restoreAfter(sent: Promise<unknown>): void;
      ready: Promise<{ room: Room; storedStateVector: Uint8Array } | null>;
    };

export interface RoomRegistryOptions {
  idleMs: number;
  /** Compact once a deck's log holds this many entries (one per group commit that touched it). */
  compactAfterEntries: number;
  log: Logger;
}

export class RoomRegistry {
  private open = new Map<string, OpenRoom>();
  private loading = new Map<string, Loading>();
  private compactions = new Map<string, Promise<void>>();
  private closing = false;
  private readonly context: RoomContext;

  constructor(
    private readonly deckLog: DeckLog,
    private readonly lifecycle: DeckLifecycle,
    private readonly options: RoomRegistryOptions,
  ) {
    this.context = { deckLog, lifecycle, log: options.log };
    // A long log is merged into the snapshot while the deck stays open.
    lifecycle.use({
      name: "compaction",
      committed: (entriesWritten) => {
        for (const [deckId, entries] of entriesWritten) {
          const entry = this.open.get(deckId);
          if (!entry) continue;
          entry.room.logEntries += entries;
          if (entry.room.logEntries >= options.compactAfterEntries) void this.compact(deckId, entry.room);
        }
      },
    });
  }

  /** Number of decks open in memory. */
  get size(): number {
    return this.open.size;
  }

  /** The loaded room, if this deck is open here. */
  peek(deckId: string): Room | undefined {
    return this.open.get(deckId)?.room;
  }

  /** Opens the deck's room and holds it until `release`; null when the deck does not exist. */
  async acquire(deckId: string): Promise<Room | null> {
    if (this.closing) throw new Error("server is shutting down");
    const entry = this.open.get(deckId) ?? (await this.load(deckId).entry)?.entry;
    if (!entry) return null;
    this.hold(entry);
    return entry.room;
  }

  /**
   * As acquire, but when the deck is not open yet (and this instance is alone), resolves as soon as
   * its stored bytes are read, with the room to follow (held from then on, like acquire's). Null
   * when the deck does not exist.
   */
  async acquireEarly(deckId: string): Promise<OpeningDeck | null> {
    if (this.closing) throw new Error("server is shutting down");
    const open = this.open.get(deckId);
    if (open) {
      this.hold(open);
      return { room: open.room };
    }
    // Shared with other instances, storage is not the whole deck: one of them may hold edits not
    // committed yet, which the room asks for before it serves anyone (redis-bridge.ts).
    if (this.lifecycle.storageMayLag) {
      const room = await this.acquire(deckId);
      return room ? { room } : null;
    }
    const loading = this.load(deckId);
    const stored = await loading.stored;
    if (!stored) return null;
    const ready = loading.entry.then((loaded) => {
      if (!loaded) return null;
      this.hold(loaded.entry);
      return { room: loaded.entry.room, storedStateVector: loaded.storedStateVector };
    });
    return { stored, ready, restoreAfter: (sent) => loading.restoreAfter.push(sent) };
  }

  private hold(entry: OpenRoom): void {
    entry.users++;
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
  }

  release(room: Room): void {
    const entry = this.open.get(room.deckId);
    if (!entry || entry.room !== room) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users === 0 && !this.closing) {
      entry.idleTimer = setTimeout(() => void this.unload(room.deckId), this.options.idleMs);
    }
  }

  /** Runs `fn` with the deck's room held open; null when the deck does not exist. */
  async withRoom<T>(deckId: string, fn: (room: Room) => T | Promise<T>): Promise<T | null> {
    const room = await this.acquire(deckId);
    if (!room) return null;
    try {
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  /** Closes every connection of a deleted deck and forgets its room without storing anything more. */
  evict(deckId: string, code: number, reason: string): void {
    this.forget(deckId, "deleted", { code, reason });
  }

  /** Evicts the deck on this instance only (another instance, or the CLI, deleted it). */
  evictHere(deckId: string, code: number, reason: string): void {
    this.forget(deckId, "deleted-elsewhere", { code, reason });
  }

  private forget(deckId: string, why: UnloadReason, detail: { code: number; reason: string }): void {
    const entry = this.open.get(deckId);
    if (entry) {
      this.open.delete(deckId);
      if (entry.idleTimer) clearTimeout(entry.idleTimer);
      entry.room.closeAll(detail.code, detail.reason);
      this.deckLog.discard(deckId);
      entry.room.destroy();
    }
    // Even when not open here: the other instances still hear of it.
    this.lifecycle.unloaded(deckId, why, detail);
  }

  /** Shutdown: disconnects everyone, then persists and compacts every open room. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closing = true;
    for (const entry of this.open.values()) entry.room.closeAll(code, reason);
    await Promise.allSettled([...this.loading.values()].map((loading) => loading.entry));
    await this.deckLog.close();
    await Promise.allSettled([...this.open.keys()].map((deckId) => this.unload(deckId)));
    await Promise.allSettled(this.compactions.values());
  }

  private load(deckId: string): Loading {
    let pending = this.loading.get(deckId);
    if (!pending) {
      // With other instances: subscribe before reading storage, so no update falls in between.
      const stored = this.lifecycle.opening(deckId).then(() => this.deckLog.load(deckId));
      const restoreAfter: Promise<unknown>[] = [];
      const entry = stored
        .then(async (state) => {
          if (!state) {
            this.lifecycle.unloaded(deckId, "missing");
            return null;
          }
          // Restoring a large deck holds the event loop for a while: first let those waiting for
          // the stored bytes (acquireEarly) hand them to their sockets, which needs the loop too.
          await new Promise((resolve) => setImmediate(resolve));
          if (restoreAfter.length > 0) {
            let timer: NodeJS.Timeout | undefined;
            const cap = new Promise((resolve) => (timer = setTimeout(resolve, RESTORE_WAIT_MS)));
            await Promise.race([Promise.allSettled(restoreAfter), cap]);
            clearTimeout(timer);
          }
          const room = new Room(deckId, this.context);
          room.restore(state);
          const storedStateVector = Y.encodeStateVector(room.doc);
          await this.lifecycle.loaded(room);
          const entry: OpenRoom = { room, users: 0, idleTimer: null };
          this.open.set(deckId, entry);
          return { entry, storedStateVector };
        })
        .catch((error: unknown) => {
          this.lifecycle.unloaded(deckId, "missing");
          throw error;
        })
        .finally(() => this.loading.delete(deckId));
      stored.catch(() => undefined);
      pending = { stored, entry, restoreAfter };
      this.loading.set(deckId, pending);
    }
    return pending;
  }

  private async unload(deckId: string): Promise<void> {
    const entry = this.open.get(deckId);
    if (!entry || entry.users > 0) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    try {
      if (!this.closing) await this.deckLog.flush();
    } catch (error) {
      // PostgreSQL is away: keep the room (and its queued updates) and try again later.
      this.options.log.warn({ err: error, deckId }, "keeping room open: its updates are not stored yet");
      if (!this.closing) entry.idleTimer = setTimeout(() => void this.unload(deckId), this.options.idleMs);
      return;
    }
    if (this.open.get(deckId) !== entry || entry.users > 0) return;
    this.open.delete(deckId);
    if (entry.room.logEntries > 0) await this.compact(deckId, entry.room);
    entry.room.destroy();
    this.lifecycle.unloaded(deckId, this.closing ? "shutdown" : "idle");
  }

  private compact(deckId: string, room: Room): Promise<void> {
    const running = this.compactions.get(deckId);
    if (running) return running;
    const mergedBefore = room.logEntries;
    const task = this.deckLog
      .compact(deckId)
      .then((result) => {
        if (result) {
          room.logEntries = Math.max(0, room.logEntries - Math.min(result.mergedEntries, mergedBefore));
          this.options.log.debug({ deckId, ...result }, "compacted update log");
        }
      })
      .catch((error: unknown) => this.options.log.warn({ err: error, deckId }, "compaction failed; the log is kept"))
      .finally(() => this.compactions.delete(deckId));
    this.compactions.set(deckId, task);
    return task;
  }
}
