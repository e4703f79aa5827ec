// A room is one open deck: its live Y.Doc and awareness, the connections editing it, and the hand-off
// of every accepted update to the update log and to the other connections (fan-out).
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { extractDeckMetadata } from "../../core/deck-metadata";
import { sectionSummary } from "../../core/sections/deck-sections";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { computeTextEdits } from "../../core/text-diff";
import type { Logger } from "../log";
import type { DerivedColumns, StoredDocumentState } from "../persistence/deck-store";
import type { UpdateLog } from "../persistence/update-log";
import { awarenessMessage, syncUpdateMessage, viewerCountMessage } from "./messages";
import { RoomPresence, type PresenceMember } from "./presence";
import type { GuardedDocument } from "./update-guard";
import type { PresenterChannel } from "./presenter-channel";

/** Transaction origin of state read from storage (restored with the update listener off: never logged again). */
const LOADED_FROM_STORAGE = Symbol("loaded-from-storage");
/** Transaction origin of edits made through the REST API. */
export const API_ORIGIN = Symbol("api");
/** Origin of updates and awareness from another instance (Redis): that instance stores them. */
export const REMOTE_ORIGIN = Symbol("remote-instance");

/** Where a room sends what its own clients changed, for the other instances (server/sync/redis-bridge.ts). */
export interface RoomReplication {
  /** `stored` settles once this update is committed. */
  publishUpdate(update: Uint8Array, stored: Promise<void>): void;
  publishAwareness(update: Uint8Array): void;
  /** This instance's viewers of the deck (read-only connections with a presence). */
  publishViewerCount(viewers: number): void;
}

/** The viewer count goes out at most this often: 1,000 viewers joining must not send 1,000² counts. */
export const VIEWER_COUNT_INTERVAL_MS = 1_000;

/** What a room needs from a connection. */
export interface RoomMember extends PresenceMember {
  /** `onWritten`: called once the frame is handed to the socket (fan-out timing). */
  send(message: Uint8Array, onWritten?: () => void): void;
}

/** Told how long each fan-out to two or more members took, from its start to the last frame written. */
export type FanOutObserver = (seconds: number, members: number) => void;
let fanOutObserver: FanOutObserver | null = null;

/** Process-wide (the metrics of the last server started in this process get it). */
export function observeFanOut(observer: FanOutObserver | null): void {
  fanOutObserver = observer;
}

/** What a fan-out sends to: a room's members, or those of its presenter channel. */
export interface FanOutTarget {
  send(message: Uint8Array, onWritten?: () => void): void;
}

/**
 * Sends `message` to every target but `except`: encoded once, the same Buffer to all (ws then only
 * prepends its 2-byte header per socket), no per-target work beyond the socket write. Timed from
 * the start to the last frame written, for fan-outs to three or more.
 */
export function fanOut(targets: Iterable<FanOutTarget>, size: number, message: Uint8Array, except?: unknown): void {
  const frame = Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const observer = fanOutObserver;
  if (!observer || size < 3) {
    for (const target of targets) {
      if (target !== except) target.send(frame);
    }
    return;
  }
  const started = performance.now();
  let last: FanOutTarget | null = null;
  let count = 0;
  for (const target of targets) {
    if (target === except) continue;
    last?.send(frame);
    last = target;
    count++;
  }
  last?.send(frame, () => observer((performance.now() - started) / 1000, count));
}

export class Room implements GuardedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly text = this.doc.getText(DECK_TEXT_NAME);
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly presence = new RoomPresence(this.awareness, { viewersChanged: () => this.viewerCountChanged() });
  readonly members = new Set<RoomMember>();
  /** Members that asked for the viewer count (MessageType.viewerCount). */
  private readonly countSubscribers = new Set<RoomMember>();
  /** Viewers on the other instances, by instance id (server/sync/redis-bridge.ts). */
  private readonly remoteViewers = new Map<string, number>();
  private countTimer: NodeJS.Timeout | null = null;
  private countDirty = false;
  private sentViewers = 0;
  private publishedViewers = 0;
  /** Log entries written since the last compaction (including those found at load). */
  logEntries = 0;
  /**
   * Settles once every update accepted so far is committed: the update log commits in order, so
   * the last append's promise covers all earlier ones. Save acknowledgements wait on it.
   */
  stored: Promise<void> = Promise.resolve();
  /** Set while other instances share this deck. */
  replication: RoomReplication | null = null;
  /** Who presents this deck (server/sync/presenter-channel.ts); made when a client first joins it. */
  presenter: PresenterChannel | null = null;
  /** The account whose edit was applied last (library's "last edited by"); null for guests. */
  lastEditorId: string | null = null;
  private derivedCache: { markdown: string; columns: DerivedColumns } | null = null;
  /** The document's latest transaction (applyClientUpdate asks whether it changed anything). */
  private lastTransaction: Y.Transaction | null = null;
  /**
   * An upper bound of the document's encoded size: what it was loaded from plus every update
   * accepted since (a merged state is never larger than its parts). Measured again only near the limit.
   */
  private sizeBound = 0;

  constructor(
    readonly deckId: string,
    private readonly updateLog: UpdateLog,
    private readonly log: Logger,
  ) {
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocUpdate);
    this.doc.on("afterTransaction", this.onTransaction);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Restores the stored state (snapshot, then later log entries) without logging it again. */
  restore(state: StoredDocumentState): void {
    // Without the update listener: Yjs would encode the whole loaded state for it, to be ignored.
    this.doc.off("update", this.onDocUpdate);
    try {
      this.doc.transact(() => {
        if (state.snapshot) Y.applyUpdate(this.doc, state.snapshot);
        for (const update of state.updates) Y.applyUpdate(this.doc, update);
      }, LOADED_FROM_STORAGE);
    } finally {
      this.doc.on("update", this.onDocUpdate);
    }
    this.logEntries = state.logEntries;
    this.sizeBound = (state.snapshot?.byteLength ?? 0) + state.updates.reduce((sum, update) => sum + update.byteLength, 0);
  }

  encodedSizeBound(): number {
    return this.sizeBound;
  }

  measureEncodedSize(): number {
    this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.sizeBound;
  }

  /** Replaces the text through the live document as a minimal edit, so open editors keep their cursors. */
  replaceText(markdown: string): void {
    const edits = computeTextEdits(this.text.toString(), markdown);
    if (edits.length === 0) return;
    this.doc.transact(() => {
      for (const edit of edits) {
        if (edit.kind === "insert") this.text.insert(edit.index, edit.text);
        else this.text.delete(edit.index, edit.length);
      }
    }, API_ORIGIN);
  }

  derivedColumns(): DerivedColumns {
    const markdown = this.text.toString();
    if (this.derivedCache?.markdown !== markdown) {
      this.derivedCache = { markdown, columns: { markdown, ...extractDeckMetadata(markdown), sections: sectionSummary(markdown) } };
    }
    return this.derivedCache.columns;
  }

  join(member: RoomMember): void {
    this.members.add(member);
  }

  leave(member: RoomMember): void {
    if (!this.members.delete(member)) return;
    this.countSubscribers.delete(member);
    this.presence.leave(member);
    this.presenter?.leave(member);
  }

  /**
   * Sends `message` to every member but `except`: encoded once, the same Buffer to all (ws then
   * only prepends its 2-byte header per socket), no per-member work beyond the socket write.
   */
  broadcast(message: Uint8Array, except?: unknown): void {
    fanOut(this.members, this.members.size, message, except);
  }


  /** Viewers of the deck on every instance. */
  get viewers(): number {
    let viewers = this.presence.viewers;
    for (const count of this.remoteViewers.values()) viewers += count;
    return viewers;
  }

  /** Sends the member the viewer count now and whenever it changes. */
  subscribeViewerCount(member: RoomMember): void {
    this.countSubscribers.add(member);
    member.send(viewerCountMessage(this.viewers));
  }

  /** Another instance's viewer count of this deck; 0 removes it (it left, or died). */
  setRemoteViewers(instance: string, viewers: number): void {
    if ((this.remoteViewers.get(instance) ?? 0) === viewers) return;
    if (viewers === 0) this.remoteViewers.delete(instance);
    else this.remoteViewers.set(instance, viewers);
    this.viewerCountChanged();
  }

  /** Throttled: the first change goes out at once, later ones at most every VIEWER_COUNT_INTERVAL_MS. */
  private viewerCountChanged(): void {
    if (this.countTimer) {
      this.countDirty = true;
      // The last viewer gone: the room may unload before the timer, so tell the others now.
      if (this.presence.viewers === 0 && this.publishedViewers !== 0) {
        this.publishedViewers = 0;
        this.replication?.publishViewerCount(0);
      }
      return;
    }
    const local = this.presence.viewers;
    if (local !== this.publishedViewers && this.replication) this.replication.publishViewerCount(local);
    this.publishedViewers = local;
    const viewers = this.viewers;
    if (viewers === this.sentViewers) return;
    this.sentViewers = viewers;
    const message = viewerCountMessage(viewers);
    for (const member of this.countSubscribers) member.send(message);
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      if (!this.countDirty) return;
      this.countDirty = false;
      this.viewerCountChanged();
    }, VIEWER_COUNT_INTERVAL_MS);
    this.countTimer.unref();
  }

  closeAll(code: number, reason: string): void {
    for (const member of [...this.members]) member.close(code, reason);
  }

  destroy(): void {
    this.doc.off("update", this.onDocUpdate);
    this.doc.off("afterTransaction", this.onTransaction);
    this.awareness.off("update", this.onAwarenessUpdate);
    if (this.countTimer) clearTimeout(this.countTimer);
    this.presence.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Stores an update another instance accepted but never committed (it went away). */
  storeOrphan(update: Uint8Array): void {
    this.updateLog.append(this.deckId, update, this).catch((error: unknown) => {
      this.log.warn({ err: error, deckId: this.deckId }, "update not persisted");
    });
  }

  /**
   * Applies a client's update, already checked by update-guard.ts (shape, limits). Yjs encodes every transaction anew for "update" listeners, but a
   * client's update arrives encoded: the room keeps those bytes for the log and the other
   * clients, and only watches whether the transaction changed anything (as Yjs would).
   * If the update breaks half-way, what it did change is encoded and logged, then it throws.
   * (An update whose dependencies are missing is logged and sent on as it came, so every copy
   * holds it pending alike, until the missing part arrives.)
   */
  applyClientUpdate(update: Uint8Array, member: RoomMember): void {
    const { pendingStructs, pendingDs } = this.doc.store;
    if (pendingStructs || pendingDs) {
      // Parts of earlier updates wait for their dependencies and may integrate now, inside this
      // transaction: only Yjs's own encoding of the transaction covers them.
      Y.applyUpdate(this.doc, update, member);
      return;
    }
    this.lastTransaction = null;
    this.doc.off("update", this.onDocUpdate);
    try {
      Y.applyUpdate(this.doc, update, member);
    } catch (error) {
      const partial = this.lastTransactionChanges();
      if (partial) this.accept(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(partial.beforeState)), member);
      throw error;
    } finally {
      this.doc.on("update", this.onDocUpdate);
    }
    if (this.lastTransactionChanges()) this.accept(update, member);
  }

  /** The latest transaction if it changed the document (Yjs's own test before it emits "update"). */
  private lastTransactionChanges(): Y.Transaction | null {
    const transaction = this.lastTransaction;
    if (!transaction) return null;
    if (transaction.deleteSet.clients.size > 0) return transaction;
    for (const [client, clock] of transaction.afterState) {
      if (transaction.beforeState.get(client) !== clock) return transaction;
    }
    return null;
  }

  private onTransaction = (transaction: Y.Transaction): void => {
    this.lastTransaction = transaction;
  };

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) {
      this.sizeBound += update.byteLength;
      this.broadcast(syncUpdateMessage(update));
      return;
    }
    this.accept(update, origin);
  };

  /** Logs an update this instance accepted, shares it with the other instances and clients. */
  private accept(update: Uint8Array, origin: unknown): void {
    this.sizeBound += update.byteLength;
    const stored = this.updateLog.append(this.deckId, update, this);
    // Every update of one flush window shares the promise: report a failure once per window.
    if (stored !== this.stored) {
      this.stored = stored;
      stored.catch((error: unknown) => {
        this.log.warn({ err: error, deckId: this.deckId }, "updates not persisted");
      });
    }
    this.replication?.publishUpdate(update, this.stored);
    // A deck edited by one person alone (the common case) has nobody to send this to.
    if (this.members.size === 0 || (this.members.size === 1 && this.members.has(origin as RoomMember))) return;
    this.broadcast(syncUpdateMessage(update), origin);
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    // Only writers' states are here (presence.ts keeps viewers' apart): they go to everyone.
    if (origin === REMOTE_ORIGIN) this.presence.trackRemote({ added, removed });
    else if (this.replication) this.replication.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    this.broadcast(awarenessMessage(this.awareness, changed));
  };
}

