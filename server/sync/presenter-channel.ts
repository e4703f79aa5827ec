// A deck's presenter channel (core/presenter-protocol.ts): who presents it now, where they are,
// the pending hand-over request, and the call's clock, held by the server so that followers,
// remotes and the next presenter all see one truth. Rules:
// - only a connection that may edit the deck presents, moves, hands over or asks for the deck;
//   a pairing (a phone paired by the presenter's account) or the presenter's own account on
//   another device may steer the presenter's slideshow (commands), nobody else;
// - the presenter hands the deck to another open slideshow that may present, or accepts a request;
// - when the presenter's connection drops, the position stays, and after `graceMs` anyone who may
//   present can take over (the presenter's own account at once);
// - a read-only connection that tries to drive, and a connection flooding the channel, are closed
//   with a reason; a malformed message closes its sender. Nobody else is affected.
// One state message is encoded once per change and the same bytes go to every joined member.
import * as encoding from "lib0/encoding";
import type { SlideIndices } from "../../core/deck-frame-protocol";
import {
  PRESENTER_MAX_SECTIONS,
  PRESENTER_MESSAGE_MAX_BYTES,
  PRESENTER_NAME_MAX,
  parsePresenterClientMessage,
  type PresenterClientMessage,
  type PresenterPerson,
  type PresenterRole,
  type PresenterServerMessage,
  type PresenterSnapshot,
} from "../../core/presenter-protocol";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import { fanOut } from "./room";

/** Who is behind a connection, as the upgrade decided it. */
export interface PresenterIdentity {
  /** The signed-in account; null for guests and pairings. */
  userId: string | null;
  /** The name shown when this connection presents (the account's name, "Guest" else). */
  name: string;
  /** A paired device steers for the account that paired it. */
  pairing: { id: string; userId: string } | null;
}

/** What the channel needs from a connection. */
export interface PresenterPeer {
  send(message: Uint8Array, onWritten?: () => void): void;
  close(code: number, reason: string): void;
  readonly presenterIdentity: PresenterIdentity;
  /** May this connection edit the deck now? (It changes when the deck's sharing does.) */
  readonly canWrite: boolean;
}

export interface PresenterChannelOptions {
  /** How long after the presenter's connection dropped others may take over. */
  graceMs: number;
  /** Channel messages one connection may send per second, sustained, and at once. */
  messagesPerSecond: number;
  burst: number;
  now?: () => number;
}

export const DEFAULT_PRESENTER_OPTIONS: PresenterChannelOptions = { graceMs: 30_000, messagesPerSecond: 20, burst: 40 };

export const PRESENTER_REFUSALS = {
  readOnly: "Read-only: only people who may edit this deck can present or steer it.",
  flood: "Too many presenter messages: slow down.",
  malformed: "Malformed presenter message.",
} as const;

interface Member {
  id: number;
  role: PresenterRole;
  peer: PresenterPeer;
  tokens: number;
  refilledAt: number;
}

interface Presenter {
  member: Member | null;
  id: number;
  name: string;
  principal: string;
  leftAt: number | null;
}

const MAX_CANDIDATES = 20;

export class PresenterChannel {
  private readonly members = new Map<PresenterPeer, Member>();
  private nextId = 1;
  private presenter: Presenter | null = null;
  private position: SlideIndices | null = null;
  private request: Member | null = null;
  /** The clock: elapsed time banked while stopped, and since when it runs. */
  private elapsedBanked = 0;
  private runningSince: number | null = null;
  private readonly sectionBanked = new Map<number, number>();
  /** Since when the current section's time runs unbanked. */
  private sectionSince = 0;
  private readonly now: () => number;

  constructor(private readonly options: PresenterChannelOptions = DEFAULT_PRESENTER_OPTIONS) {
    this.now = options.now ?? Date.now;
  }

  /** Members that joined the channel (tests, metrics). */
  get size(): number {
    return this.members.size;
  }

  /** Handles one presenter message's payload (the JSON text after the message type). */
  receive(peer: PresenterPeer, json: string): void {
    if (json.length > PRESENTER_MESSAGE_MAX_BYTES) return peer.close(WsCloseCode.messageTooBig, "Presenter message too large.");
    let message: PresenterClientMessage | null = null;
    try {
      message = parsePresenterClientMessage(JSON.parse(json));
    } catch {
      message = null;
    }
    if (!message) return peer.close(WsCloseCode.unsupportedData, PRESENTER_REFUSALS.malformed);
    const member = this.members.get(peer);
    if (message.type === "join") {
      if (!member) this.join(peer, message.role);
      return;
    }
    if (!member) return peer.close(WsCloseCode.policyViolation, "Join the presenter channel first.");
    if (!this.takeToken(member)) return peer.close(WsCloseCode.policyViolation, PRESENTER_REFUSALS.flood);
    const steersOnly = message.type === "command" || message.type === "reset-timer";
    if (!peer.canWrite && !(steersOnly && peer.presenterIdentity.pairing)) return peer.close(WsCloseCode.policyViolation, PRESENTER_REFUSALS.readOnly);
    this.act(member, message);
  }

  /** A connection left the room: its presenting pauses for the grace period, its request lapses. */
  leave(peer: object): void {
    const member = this.members.get(peer as PresenterPeer);
    if (!member) return;
    this.members.delete(member.peer);
    if (this.request === member) this.request = null;
    if (this.presenter?.member === member) {
      this.presenter.member = null;
      this.presenter.leftAt = this.now();
    }
    this.broadcast();
  }

  private join(peer: PresenterPeer, role: PresenterRole): void {
    const member: Member = { id: this.nextId++, role, peer, tokens: this.options.burst, refilledAt: this.now() };
    this.members.set(peer, member);
    const mayControl = peer.canWrite || peer.presenterIdentity.pairing !== null;
    this.sendTo(peer, { type: "welcome", you: member.id, mayPresent: peer.canWrite && role === "slideshow", mayControl });
    // A new candidate changes the hand-over list for the presenter; anyone else just needs the state.
    if (role === "slideshow" && peer.canWrite) this.broadcast();
    else this.sendTo(peer, { type: "state", state: this.snapshot() });
  }

  private act(member: Member, message: PresenterClientMessage): void {
    const isPresenter = this.presenter?.member === member;
    switch (message.type) {
      case "present":
        return this.present(member, message.position);
      case "move":
        if (!isPresenter) return this.refuse(member, "You are not presenting this deck.");
        this.moveTo(message.position);
        return this.broadcast();
      case "stop":
        if (!isPresenter) return;
        this.pauseClock();
        this.presenter = null;
        this.request = null;
        return this.broadcast();
      case "command": {
        const presenter = this.presenter;
        if (!presenter?.member) return this.refuse(member, presenter ? `${presenter.name} is not connected.` : "Nobody is presenting this deck.");
        if (presenter.principal !== this.principal(member)) return this.refuse(member, `${presenter.name} is presenting; only their devices can steer the slides.`);
        return this.sendTo(presenter.member.peer, { type: "command", command: message.command });
      }
      case "hand-over": {
        if (!isPresenter) return this.refuse(member, "Only the presenter can hand the deck over.");
        const target = [...this.members.values()].find((candidate) => candidate.id === message.to);
        if (!target || !this.isCandidate(target)) return this.refuse(member, "That person can no longer present this deck.");
        this.makePresenter(target);
        return this.broadcast();
      }
      case "request":
        if (isPresenter || member.role !== "slideshow") return;
        if (!this.presenter?.member) return this.present(member, this.position ?? { h: 0, v: 0 });
        this.request = member;
        return this.broadcast();
      case "decline":
        if (!isPresenter || !this.request) return;
        this.request = null;
        return this.broadcast();
      case "reset-timer":
        if (!this.presenter || this.presenter.principal !== this.principal(member)) return this.refuse(member, "Only the presenter can reset the timer.");
        this.elapsedBanked = 0;
        this.sectionBanked.clear();
        if (this.runningSince !== null) this.runningSince = this.sectionSince = this.now();
        return this.broadcast();
      case "join":
        return;
    }
  }

  private present(member: Member, position: SlideIndices): void {
    if (member.role !== "slideshow") return this.refuse(member, "Present from the slideshow.");
    const current = this.presenter;
    if (current && current.member !== member) {
      if (current.member) return this.refuse(member, `${current.name} is presenting: ask them to hand over.`);
      const waitMs = (current.leftAt ?? 0) + this.options.graceMs - this.now();
      if (waitMs > 0 && current.principal !== this.principal(member)) {
        return this.refuse(member, `${current.name} left; you can take over in ${Math.ceil(waitMs / 1000)} s.`);
      }
    }
    if (this.presenter?.member !== member) this.makePresenter(member);
    this.moveTo(position);
    this.broadcast();
  }

  private makePresenter(member: Member): void {
    this.presenter = { member, id: member.id, name: this.nameOf(member), principal: this.principal(member), leftAt: null };
    // The new presenter starts with no request pending (theirs is granted, anyone else's lapses).
    this.request = null;
    if (this.runningSince === null) {
      this.runningSince = this.now();
      this.sectionSince = this.runningSince;
    }
  }

  private moveTo(position: SlideIndices): void {
    if (this.position && this.position.h !== position.h) this.bankSection();
    this.position = position;
  }

  /** Adds the current section's running time to its bank and restarts its count. */
  private bankSection(): void {
    if (this.runningSince === null || !this.position) return;
    const now = this.now();
    const h = this.position.h;
    if (h < PRESENTER_MAX_SECTIONS) this.sectionBanked.set(h, (this.sectionBanked.get(h) ?? 0) + now - this.sectionSince);
    this.sectionSince = now;
  }

  private pauseClock(): void {
    if (this.runningSince === null) return;
    this.bankSection();
    this.elapsedBanked += this.now() - this.runningSince;
    this.runningSince = null;
  }

  private snapshot(): PresenterSnapshot {
    const now = this.now();
    const presenter = this.presenter;
    const sectionMs: Record<number, number> = Object.fromEntries(this.sectionBanked);
    if (this.runningSince !== null && this.position && this.position.h < PRESENTER_MAX_SECTIONS) {
      const h = this.position.h;
      sectionMs[h] = (sectionMs[h] ?? 0) + now - this.sectionSince;
    }
    const candidates: PresenterPerson[] = [];
    for (const member of this.members.values()) {
      if (candidates.length >= MAX_CANDIDATES) break;
      if (member !== presenter?.member && this.isCandidate(member)) candidates.push({ id: member.id, name: this.nameOf(member) });
    }
    return {
      presenter: presenter ? { id: presenter.id, name: presenter.name, connected: presenter.member !== null } : null,
      position: this.position,
      takeOverInMs: presenter && presenter.leftAt !== null ? Math.max(0, presenter.leftAt + this.options.graceMs - now) : null,
      request: this.request ? { id: this.request.id, name: this.nameOf(this.request) } : null,
      candidates,
      timing: {
        elapsedMs: this.elapsedBanked + (this.runningSince === null ? 0 : now - this.runningSince),
        sectionMs,
        running: this.runningSince !== null,
      },
    };
  }

  private isCandidate(member: Member): boolean {
    return member.role === "slideshow" && member.peer.canWrite;
  }

  /** Whose devices these are: an account (a pairing counts as its account's), else this connection alone. */
  private principal(member: Member): string {
    const { userId, pairing } = member.peer.presenterIdentity;
    if (pairing) return `user:${pairing.userId}`;
    return userId ? `user:${userId}` : `connection:${member.id}`;
  }

  private nameOf(member: Member): string {
    return member.peer.presenterIdentity.name.slice(0, PRESENTER_NAME_MAX) || "Someone";
  }

  private takeToken(member: Member): boolean {
    const now = this.now();
    member.tokens = Math.min(this.options.burst, member.tokens + ((now - member.refilledAt) * this.options.messagesPerSecond) / 1000);
    member.refilledAt = now;
    if (member.tokens < 1) return false;
    member.tokens -= 1;
    return true;
  }

  private refuse(member: Member, reason: string): void {
    this.sendTo(member.peer, { type: "refused", reason });
  }

  private sendTo(peer: PresenterPeer, message: PresenterServerMessage): void {
    peer.send(presenterMessage(message));
  }

  private broadcast(): void {
    fanOut(this.peers(), this.members.size, presenterMessage({ type: "state", state: this.snapshot() }));
  }

  private *peers(): Iterable<PresenterPeer> {
    for (const member of this.members.values()) yield member.peer;
  }
}

export function presenterMessage(message: PresenterServerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.presenter);
  encoding.writeVarString(encoder, JSON.stringify(message));
  return encoding.toUint8Array(encoder);
}
