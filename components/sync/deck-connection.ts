// The browser's one connection to a deck: a Y.Doc synced over /ws/<id> by y-websocket, with what
// the server says about the connection turned into typed state. The editor, the slideshow, the
// speaker view and the remote all open their deck through it; what each adds (the editor's offline
// copy and save tracking, the presenter channel) attaches to its doc and provider.
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DECK_TEXT_NAME, MessageType } from "@/core/sync-protocol";
import { interpretClose, type SessionEndCause } from "./close-codes";

/** y-websocket's socket status. */
export type ConnectionState = "connecting" | "connected" | "disconnected";

export interface DeckConnectionState {
  status: ConnectionState;
  /** Has the document caught up with the server since the last connect? */
  synced: boolean;
  /** Has it caught up once since the connection was made? Until then the text may be empty. */
  syncedOnce: boolean;
  /** Why the server ended the session for good; then nothing reconnects. */
  ended: { cause: SessionEndCause; reason: string } | null;
}

/** What the server told this connection, beyond the state. */
export type ConnectionEvent =
  /** My writes are refused from now on (y-protocols' permission-denied message), with the reason. */
  | { kind: "read-only"; reason: string }
  /** The server closed the connection so that the next one may write: read the new role. */
  | { kind: "reconnect-to-write" }
  | { kind: "ended"; cause: SessionEndCause; reason: string };

/** The typed state a screen shows: one word for the status and the sync together. */
export type ConnectionPhase = "connecting" | "syncing" | "synced" | "offline" | "ended";

export function connectionPhase(status: ConnectionState, synced: boolean, ended: boolean): ConnectionPhase {
  if (ended) return "ended";
  if (status === "connected") return synced ? "synced" : "syncing";
  return status === "connecting" ? "connecting" : "offline";
}

export interface DeckConnectionOptions {
  /** A paired device's secret (server/access/presenter-pairings.ts) instead of the session cookie. */
  pairing?: string | null;
  /** The sync endpoint; by default this page's host's /ws. */
  serverUrl?: string;
  /** Outside a browser (tests): the WebSocket class to use. */
  WebSocketPolyfill?: typeof WebSocket;
}

const MAX_BACKOFF_MS = 5_000;

export class DeckConnection {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText(DECK_TEXT_NAME);
  readonly provider: WebsocketProvider;
  state: DeckConnectionState = { status: "connecting", synced: false, syncedOnce: false, ended: null };
  private readonly stateListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: ConnectionEvent) => void>();

  constructor(deckId: string, options: DeckConnectionOptions = {}) {
    const serverUrl = options.serverUrl ?? `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    this.provider = new WebsocketProvider(serverUrl, deckId, this.doc, {
      maxBackoffTime: MAX_BACKOFF_MS,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill, disableBc: true } : {}),
      ...(options.pairing ? { params: { pairing: options.pairing } } : {}),
      shouldReconnect: (event) => {
        const outcome = interpretClose(event);
        return outcome.kind === "offline" ? outcome.reconnect : outcome.kind === "reconnect-to-write";
      },
    });
    // y-websocket only logs the auth message; here its reason reaches the page.
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      // y-protocols/auth: a sub-type (0 = permission denied), then the reason.
      if (decoding.readVarUint(decoder) === 0) this.emit({ kind: "read-only", reason: decoding.readVarString(decoder) });
    };
    this.provider.on("status", this.onStatus);
    this.provider.on("sync", this.onSync);
    this.provider.on("connection-close", this.onClose);
  }

  /** Calls `listener` after every change of `state`; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Calls `listener` with what the server says; returns the unsubscribe. */
  onEvent(listener: (event: ConnectionEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  destroy(): void {
    this.provider.off("status", this.onStatus);
    this.provider.off("sync", this.onSync);
    this.provider.off("connection-close", this.onClose);
    this.stateListeners.clear();
    this.eventListeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }

  private onStatus = ({ status }: { status: ConnectionState }): void => {
    this.update({ status, synced: status === "connected" ? this.state.synced : false });
  };

  private onSync = (synced: boolean): void => {
    this.update({ synced, syncedOnce: this.state.syncedOnce || synced });
  };

  private onClose = (event: CloseEvent | null): void => {
    const outcome = interpretClose(event);
    if (outcome.kind === "reconnect-to-write") this.emit(outcome);
    if (outcome.kind !== "ended" || this.state.ended) return;
    this.provider.disconnect();
    this.update({ ended: { cause: outcome.cause, reason: outcome.reason } });
    this.emit(outcome);
  };

  private update(change: Partial<DeckConnectionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.stateListeners) listener();
  }

  private emit(event: ConnectionEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
