// The browser's end of the presenter channel (core/presenter-protocol.ts) on a deck's WebSocket:
// joins it on every (re)connect, parses what the server says, sends what the page does. Slide
// moves are coalesced to MOVES_PER_SECOND, below the server's limit, so a held-down key or a
// clicker's burst never trips it; the last position is always sent.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebsocketProvider } from "y-websocket";
import type { SlideIndices } from "@/core/deck-frame-protocol";
import type { DeckCommand } from "@/core/presenter-keys";
import {
  parsePresenterServerMessage,
  type PresenterClientMessage,
  type PresenterRole,
  type PresenterServerMessage,
  type PresenterSnapshot,
} from "@/core/presenter-protocol";
import { MessageType } from "@/core/sync-protocol";

const MOVES_PER_SECOND = 8;

export interface PresenterView {
  state: PresenterSnapshot | null;
  /** When the state arrived (performance clock), to run its durations on. */
  receivedAt: number;
  me: number | null;
  mayPresent: boolean;
  mayControl: boolean;
  /** The server's last refusal, until the next state. */
  refused: string | null;
}

export class PresenterClient {
  view: PresenterView = { state: null, receivedAt: 0, me: null, mayPresent: false, mayControl: false, refused: null };
  private lastMoveAt = 0;
  private pendingMove: SlideIndices | null = null;
  private moveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly role: PresenterRole,
    private readonly onView: (view: PresenterView) => void,
    private readonly onCommand: (command: DeckCommand) => void = () => undefined,
  ) {
    provider.messageHandlers[MessageType.presenter] = (_encoder, decoder) => {
      let message: PresenterServerMessage | null = null;
      try {
        message = parsePresenterServerMessage(JSON.parse(decoding.readVarString(decoder)));
      } catch {
        message = null;
      }
      if (message) this.receive(message);
    };
    provider.on("status", this.onStatus);
    if (provider.wsconnected) this.send({ type: "join", role });
  }

  destroy(): void {
    this.provider.off("status", this.onStatus);
    if (this.moveTimer) clearTimeout(this.moveTimer);
  }

  send(message: PresenterClientMessage): void {
    const socket = this.provider.ws;
    // 1: OPEN (the constant is not on every WebSocket implementation, e.g. Node's `ws` in tests).
    if (!socket || socket.readyState !== 1) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.presenter);
    encoding.writeVarString(encoder, JSON.stringify(message));
    socket.send(encoding.toUint8Array(encoder));
  }

  present(position: SlideIndices): void {
    this.send({ type: "present", position });
  }

  command(command: DeckCommand): void {
    this.send({ type: "command", command });
  }

  /** The presenter's slide changed: sent now, or with the next slot when moves come faster. */
  move(position: SlideIndices): void {
    this.pendingMove = position;
    if (this.moveTimer) return;
    const wait = this.lastMoveAt + 1000 / MOVES_PER_SECOND - performance.now();
    if (wait <= 0) this.flushMove();
    else this.moveTimer = setTimeout(() => this.flushMove(), wait);
  }

  private flushMove(): void {
    this.moveTimer = null;
    if (!this.pendingMove) return;
    this.lastMoveAt = performance.now();
    this.send({ type: "move", position: this.pendingMove });
    this.pendingMove = null;
  }

  private onStatus = ({ status }: { status: string }): void => {
    if (status === "connected") this.send({ type: "join", role: this.role });
  };

  private receive(message: PresenterServerMessage): void {
    switch (message.type) {
      case "welcome":
        this.update({ me: message.you, mayPresent: message.mayPresent, mayControl: message.mayControl });
        return;
      case "state":
        this.update({ state: message.state, receivedAt: performance.now(), refused: null });
        return;
      case "refused":
        this.update({ refused: message.reason });
        return;
      case "command":
        this.onCommand(message.command);
        return;
    }
  }

  private update(change: Partial<PresenterView>): void {
    this.view = { ...this.view, ...change };
    this.onView(this.view);
  }
}
