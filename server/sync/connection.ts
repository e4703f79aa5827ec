// One client's WebSocket in a room: decodes its y-websocket messages, applies what it may, answers
// the sync handshake, and keeps the socket alive. A message it cannot decode, or one that breaks a
// limit, closes this connection only: the room and its other members carry on.
import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import { ACCESS_MESSAGES } from "../../core/access";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { Logger } from "../log";
import { awarenessMessage, permissionDeniedMessage, savedStateMessage, syncStep1Message, syncStep2Message } from "./messages";
import { MessageRateLimiter } from "./message-rate-limiter";
import { DEFAULT_PRESENCE_LIMITS, PresenceError, type PresenceLimits } from "./presence";
import type { Room, RoomMember } from "./room";
import { sliceUsedUp } from "./event-loop-slice";
import { checkClientUpdate, RejectedUpdate, type RejectionReason, type UpdateLimits } from "./update-guard";
import { mergeStateVectors } from "./early-state";
import { DEFAULT_PRESENTER_OPTIONS, PresenterChannel, type PresenterChannelOptions, type PresenterIdentity, type PresenterPeer } from "./presenter-channel";

const SEND_OPTIONS = { binary: true } as const;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export interface ConnectionOptions {
  /** May this connection change the document? Read-only connections still share presence. */
  canWrite: boolean;
  /** What one deck's document may hold (server/sync/update-guard.ts). */
  limits: UpdateLimits;
  pingIntervalMs: number;
  log: Logger;
  /** Sustained messages per second (0: no limit) and burst; faster senders are read more slowly. */
  rateLimit?: { perSecond: number; burst: number };
  /** Bytes queued for this client beyond which it is disconnected (it is not reading). */
  maxSendBufferBytes?: number;
  /** Called each time the connection is paused for sending too fast (metrics). */
  onThrottled?: () => void;
  /** The signed-in account behind this connection (its edits make it the deck's last editor); null for guests. */
  editorId?: string | null;
  /** The state vector of what the client was sent before the room was ready (early-state.ts). */
  clientWasSent?: Uint8Array;
  /** Bounds on this connection's presence (server/sync/presence.ts). */
  presence?: PresenceLimits;
  /** Who presents through this connection (server/sync/presenter-channel.ts); a guest by default. */
  identity?: PresenterIdentity;
  presenter?: PresenterChannelOptions;
}

const REJECTION_CLOSE_CODES: Record<RejectionReason, number> = {
  malformed: WsCloseCode.unsupportedData,
  shape: WsCloseCode.documentShape,
  "too-large": WsCloseCode.policyViolation,
  pending: WsCloseCode.policyViolation,
};

const GUEST_IDENTITY: PresenterIdentity = { userId: null, name: "Guest", pairing: null };

class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: number,
  ) {
    super(message);
  }
}

export class Connection implements RoomMember, PresenterPeer {
  private alive = true;
  private pingTimer: NodeJS.Timeout;
  /** Cancels the pending resume of a paused socket. */
  private resumeTimer: (() => void) | null = null;
  private throttled: Buffer[] = [];
  private closed = false;
  private readonly rateLimiter: MessageRateLimiter;
  /** Changes at runtime when the deck's permissions change (server/access/live-access.ts); set it through setWritable. */
  writable: boolean;
  private toldReadOnly = false;
  private clientWasSent: Uint8Array | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    socket.binaryType = "nodebuffer";
    this.writable = options.canWrite;
    this.clientWasSent = options.clientWasSent;
    this.rateLimiter = new MessageRateLimiter(options.rateLimit?.perSecond ?? 0, options.rateLimit?.burst ?? 1);
    socket.on("pong", () => {
      this.alive = true;
    });
    socket.on("close", () => this.dispose());
    socket.on("error", (error) => {
      options.log.debug({ err: error, deckId: room.deckId }, "websocket error");
      this.dispose();
    });
    this.pingTimer = setInterval(() => this.heartbeat(), options.pingIntervalMs);
  }

  /** The signed-in account behind this connection (presence takeover on reconnect); null for guests. */
  get account(): string | null {
    return this.options.editorId ?? null;
  }

  /** Joins the room and starts the sync handshake. */
  start(): void {
    this.room.join(this);
    this.send(syncStep1Message(this.room.doc));
    const states = this.room.presence.sharedClientIds();
    if (states.length > 0) this.send(awarenessMessage(this.room.awareness, states));
    this.socket.on("message", (data, isBinary) => {
      if (!isBinary) {
        this.close(WsCloseCode.unsupportedData, "text frames are not part of the protocol");
        return;
      }
      this.admit(toBuffer(data));
    });
  }

  /**
   * Rate limit: over the limit, the socket is paused, so the excess waits in the kernel's and the
   * client's buffers. Messages `ws` had already read when it was paused (at most one socket read)
   * wait here, in order, and are handled as the bucket refills. The same queue defers messages
   * to the next turn of the event loop once this turn's slice is spent (event-loop-slice.ts).
   */
  private admit(data: Buffer): void {
    // What ws had read past a message that closed the connection: never pause a closing socket,
    // it would not read the client's answering close frame (ws then waits its 30 s close timeout).
    if (this.closed) return;
    if (this.throttled.length > 0 || this.resumeTimer) {
      this.throttled.push(data);
      return;
    }
    const pauseMs = this.rateLimiter.take();
    if (pauseMs === 0 && !sliceUsedUp()) {
      this.receive(data);
      return;
    }
    this.throttled.push(data);
    this.socket.pause();
    if (pauseMs > 0) this.options.onThrottled?.();
    this.scheduleResume(pauseMs);
  }

  private scheduleResume(pauseMs: number): void {
    const resume = () => {
      this.resumeTimer = null;
      while (!this.closed && this.throttled.length > 0) {
        this.receive(this.throttled.shift()!);
        if (this.throttled.length === 0) break;
        const wait = this.rateLimiter.take();
        if (wait > 0 || sliceUsedUp()) return this.scheduleResume(wait);
      }
      if (!this.closed) this.socket.resume();
    };
    if (pauseMs > 0) {
      const timer = setTimeout(resume, pauseMs);
      this.resumeTimer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(resume);
      this.resumeTimer = () => clearImmediate(immediate);
    }
  }

  send(message: Uint8Array, onWritten?: () => void): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.options.maxSendBufferBytes !== undefined && this.socket.bufferedAmount > this.options.maxSendBufferBytes) {
      // It is not reading, so a close frame would wait behind the backlog: drop it now.
      this.options.log.info({ deckId: this.room.deckId, buffered: this.socket.bufferedAmount }, "dropping a client that does not read");
      this.socket.terminate();
      this.dispose();
      return;
    }
    this.socket.send(message, SEND_OPTIONS, onWritten ? (error) => (error ? this.dispose() : onWritten()) : this.afterSend);
  }

  /** One callback for every send (a fan-out to 1,000 members would otherwise make 1,000 closures). */
  private readonly afterSend = (error?: Error): void => {
    if (error) this.dispose();
  };

  get canWrite(): boolean {
    return this.writable;
  }

  get presenterIdentity(): PresenterIdentity {
    return this.options.identity ?? GUEST_IDENTITY;
  }

  /** Starts or stops applying this client's edits; a client that loses write access is told why. */
  setWritable(writable: boolean, reason: string): void {
    if (this.writable && !writable) {
      this.send(permissionDeniedMessage(reason));
      this.toldReadOnly = true;
    }
    const demoted = this.writable && !writable;
    this.writable = writable;
    if (demoted) this.room.presence.demote(this);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason.slice(0, 120));
    // Paused (rate limit, event-loop slice), it would not read the client's close frame either.
    this.socket.resume();
    this.dispose();
  }

  private receive(data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.handle(data);
    } catch (error) {
      const closeCode = error instanceof ProtocolError ? error.closeCode : WsCloseCode.unsupportedData;
      const reason = error instanceof ProtocolError ? error.message : "malformed message";
      this.options.log.info({ deckId: this.room.deckId, reason, err: error instanceof ProtocolError ? undefined : error }, "closing connection");
      this.close(closeCode, reason);
    }
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.handleSync(decoder);
        return;
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        try {
          const dropped = this.room.presence.receive(this, update, this.options.presence ?? DEFAULT_PRESENCE_LIMITS);
          if (dropped.length > 0) this.options.log.debug({ deckId: this.room.deckId, dropped }, "presence entries dropped");
        } catch (error) {
          if (error instanceof PresenceError) throw new ProtocolError(error.message, error.closeCode);
          throw error;
        }
        return;
      }
      case MessageType.queryAwareness:
        this.send(awarenessMessage(this.room.awareness, this.room.presence.sharedClientIds()));
        return;
      case MessageType.viewerCount:
        this.room.subscribeViewerCount(this);
        return;
      case MessageType.savedState: {
        // Messages of one socket are handled in order, so every update this client sent before
        // the request is already in `room.stored`. A failed write is logged by the room and left
        // unacknowledged: the client keeps counting those changes as unsaved.
        const sequence = decoding.readVarUint(decoder);
        this.room.stored.then(
          () => this.send(savedStateMessage(sequence)),
          () => undefined,
        );
        return;
      }
      case MessageType.presenter:
        (this.room.presenter ??= new PresenterChannel(this.options.presenter ?? DEFAULT_PRESENTER_OPTIONS)).receive(this, decoding.readVarString(decoder));
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`, WsCloseCode.unsupportedData);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    switch (step) {
      case SYNC_STEP1: {
        let stateVector = decoding.readVarUint8Array(decoder);
        // It asked before it received the stored state it was sent: that part it holds now.
        if (this.clientWasSent) {
          stateVector = mergeStateVectors(stateVector, this.clientWasSent);
          this.clientWasSent = undefined;
        }
        this.send(syncStep2Message(this.room.doc, stateVector));
        return;
      }
      case SYNC_STEP2:
      case SYNC_UPDATE: {
        const update = decoding.readVarUint8Array(decoder);
        if (!this.writable) {
          // Dropped, never stored. An empty update (nothing to send) is the handshake's, not an edit.
          if (update.byteLength > 2 && !this.toldReadOnly) {
            this.send(permissionDeniedMessage(ACCESS_MESSAGES.readOnly));
            this.toldReadOnly = true;
          }
          return;
        }
        try {
          checkClientUpdate(update, this.room, this.options.limits);
          this.room.applyClientUpdate(update, this);
        } catch (error) {
          if (error instanceof RejectedUpdate) throw new ProtocolError(error.message, REJECTION_CLOSE_CODES[error.reason]);
          throw new ProtocolError("malformed Yjs update", WsCloseCode.unsupportedData);
        }
        return;
      }
      default:
        throw new ProtocolError(`unknown sync message ${step}`, WsCloseCode.unsupportedData);
    }
  }

  private heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate();
      this.dispose();
      return;
    }
    this.alive = false;
    try {
      this.socket.ping();
    } catch {
      this.dispose();
    }
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    this.resumeTimer?.();
    this.throttled = [];
    this.room.leave(this);
    this.onDispose?.();
  }

  /** Called once when the connection is gone (set by the registry to release the room). */
  onDispose?: () => void;
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
