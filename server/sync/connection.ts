// One client's WebSocket in a room: decodes its y-websocket messages, applies what it may, answers
// the sync handshake, and keeps the socket alive. A message it cannot decode, or one that breaks a
// limit, closes this connection only: the room and its other members carry on.
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { Logger } from "../log";
import { awarenessMessage, syncStep1Message, syncStep2Message } from "./messages";
import type { Room, RoomMember } from "./room";
import { checkUpdate, RejectedUpdate } from "./update-guard";

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export interface ConnectionOptions {
  /** May this connection change the document? Read-only connections still share presence. */
  canWrite: boolean;
  maxDeckChars: number;
  pingIntervalMs: number;
  log: Logger;
}

class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: number,
  ) {
    super(message);
  }
}

export class Connection implements RoomMember {
  readonly controlledClientIds = new Set<number>();
  private alive = true;
  private pingTimer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    socket.binaryType = "nodebuffer";
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

  /** Joins the room and starts the sync handshake. */
  start(): void {
    this.room.join(this);
    this.send(syncStep1Message(this.room.doc));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(this.room.awareness, states));
    this.socket.on("message", (data, isBinary) => {
      if (!isBinary) {
        this.close(WsCloseCode.unsupportedData, "text frames are not part of the protocol");
        return;
      }
      this.receive(toBuffer(data));
    });
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(message, { binary: true }, (error) => {
      if (error) this.dispose();
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason.slice(0, 120));
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
      case MessageType.awareness:
        awarenessProtocol.applyAwarenessUpdate(this.room.awareness, decoding.readVarUint8Array(decoder), this);
        return;
      case MessageType.queryAwareness:
        this.send(awarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]));
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`, WsCloseCode.unsupportedData);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    switch (step) {
      case SYNC_STEP1:
        this.send(syncStep2Message(this.room.doc, decoding.readVarUint8Array(decoder)));
        return;
      case SYNC_STEP2:
      case SYNC_UPDATE: {
        const update = decoding.readVarUint8Array(decoder);
        if (!this.options.canWrite) return;
        try {
          checkUpdate(update, this.room.text.length, this.options.maxDeckChars);
        } catch (error) {
          if (error instanceof RejectedUpdate) {
            throw new ProtocolError(
              error.message,
              error.reason === "too-large" ? WsCloseCode.policyViolation : WsCloseCode.unsupportedData,
            );
          }
          throw error;
        }
        Y.applyUpdate(this.room.doc, update, this);
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
