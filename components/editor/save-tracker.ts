// Counts my changes the server has not yet stored. After each local change (and after every
// reconnect) the tab asks the server for a save acknowledgement (MessageType.savedState, a
// numbered request); the server answers once everything this socket sent before the request is
// committed to PostgreSQL. The count outlives a reload in localStorage, beside the edits
// themselves in IndexedDB, so a tab reopened offline still knows what it owes the server.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ObservableV2 } from "lib0/observable";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { MessageType } from "@/core/sync-protocol";

/** Time to gather a burst of keystrokes into one request. */
const REQUEST_DELAY_MS = 150;

export class SaveTracker extends ObservableV2<{ change: (unsaved: number) => void }> {
  /** Local changes made (including those inherited from a previous page load). */
  private changes: number;
  /** Local changes the server has acknowledged as stored. */
  private saved = 0;
  private requested = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What localStorage holds: whether anything is owed. */
  private storedOwed: boolean;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    /** Origins of updates that are not my edits (the server, IndexedDB). */
    private readonly remoteOrigins: ReadonlySet<unknown>,
    private readonly storageKey: string,
  ) {
    super();
    this.changes = readCount(storageKey);
    this.storedOwed = this.changes > 0;
    provider.messageHandlers[MessageType.savedState] = (_encoder, decoder) => this.acknowledged(decoding.readVarUint(decoder));
    doc.on("update", this.onUpdate);
    provider.on("sync", this.onSync);
  }

  get unsaved(): number {
    return this.changes - this.saved;
  }

  destroy(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.storeCount();
    }
    this.doc.off("update", this.onUpdate);
    this.provider.off("sync", this.onSync);
    super.destroy();
  }

  /** The deck is gone: nothing is owed to the server any more. */
  forget(): void {
    this.saved = this.changes;
    this.changed();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.remoteOrigins.has(origin)) return;
    this.changes++;
    this.changed();
    // The provider's own update listener ran first and already sent the update; a request sent
    // after it is answered only once that update is stored.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.storeCount();
      this.request();
    }, REQUEST_DELAY_MS);
  };

  private onSync = (synced: boolean): void => {
    // After a reconnect the handshake has re-sent everything the server lacked: ask again.
    if (synced) {
      this.requested = 0;
      this.request();
    }
  };

  private request(): void {
    const socket = this.provider.ws;
    if (!this.provider.wsconnected || !this.provider.synced || !socket || this.changes <= this.requested) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.savedState);
    encoding.writeVarUint(encoder, this.changes);
    socket.send(encoding.toUint8Array(encoder));
    this.requested = this.changes;
  }

  private acknowledged(sequence: number): void {
    if (sequence <= this.saved) return;
    this.saved = Math.min(sequence, this.changes);
    this.changed();
  }

  private changed(): void {
    // Whether anything is owed is written at once; the exact count (it moves with every
    // keystroke, and localStorage writes synchronously) with the next save request.
    const owed = this.unsaved > 0;
    if (owed !== this.storedOwed) this.storeCount();
    this.emit("change", [this.unsaved]);
  }

  private storeCount(): void {
    writeCount(this.storageKey, this.unsaved);
    this.storedOwed = this.unsaved > 0;
  }
}

function readCount(key: string): number {
  const stored = Number(localStorage.getItem(key));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
}

function writeCount(key: string, unsaved: number): void {
  try {
    if (unsaved > 0) localStorage.setItem(key, String(unsaved));
    else localStorage.removeItem(key);
  } catch (error) {
    // Full or disabled storage: the edits are still in IndexedDB, only the count is not kept.
    console.warn("Podium could not remember the number of unsaved changes", error);
  }
}
