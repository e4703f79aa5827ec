// Presence (y-protocols awareness) on the server: who may set which state, what a state may hold,
// and who gets to see it. Every WebSocket client is untrusted, so:
//
// - A connection owns the awareness client ids it introduced (first come). Entries for an id
//   another connection holds are dropped: a guest cannot rename, move or delete someone else's
//   presence, whatever clock it sends. A writer may take an id over from a read-only
//   connection (a guest cannot squat the presenter's id), from a connection of the same account
//   (the tab reconnected before the server noticed its old socket was dead: the presenter's
//   slide must not stick) and from one silent for longer than a renewal period.
// - States are bounded: bytes per state, ids per connection; a connection that sends faster than
//   its awareness rate has its entries coalesced (latest state per id wins) and applied as the
//   rate allows, so a flood costs the room one state per id, not one fan-out per message.
// - Names and colours are checked: y-codemirror writes `user.color` into a style attribute, so
//   only `#rrggbb` (and `#rrggbbaa` for `colorLight`) pass. An entry that fails is dropped.
// - Writers' states go to everyone, as y-websocket does. Read-only connections (viewers) keep a
//   state here, without `presenter` (only writers broadcast slides), but it is fanned out to no
//   one: 1,000 viewers would otherwise send each other 1,000² messages, renewals every 15 s
//   included. They are counted instead (MessageType.viewerCount).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { WsCloseCode } from "../../core/ws-close-codes";
import { MessageRateLimiter } from "./message-rate-limiter";

export const PRESENTER_FIELD = "presenter";

export interface PresenceLimits {
  /** Largest state, in bytes of its JSON. */
  maxStateBytes: number;
  /** Awareness client ids one connection may hold (a browser tab holds one). */
  maxClientsPerConnection: number;
  /** Awareness messages applied per second, sustained, and in one burst; the rest is coalesced. */
  perSecond: number;
  burst: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = { maxStateBytes: 4096, maxClientsPerConnection: 4, perSecond: 20, burst: 40 };

export const MAX_PRESENCE_NAME_LENGTH = 64;
const COLOR = /^#[0-9a-f]{6}$/i;
const COLOR_WITH_ALPHA = /^#[0-9a-f]{6}([0-9a-f]{2})?$/i;
/** Control characters, line/paragraph separators and bidi overrides: they garble whatever shows the name. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What a room member must offer its presence. */
export interface PresenceMember {
  close(code: number, reason: string): void;
  /** Writers' presence is fanned out to everyone; viewers' is kept and counted. */
  readonly writable: boolean;
  /** The signed-in account behind the connection; null for guests. */
  readonly account: string | null;
}

/** y-protocols renews a state every 15 s: an owner silent for longer has most likely gone. */
const SILENT_OWNER_MS = 20_000;

/** Closes the sending connection: its message broke a limit or could not be read. */
export class PresenceError extends Error {
  constructor(
    message: string,
    readonly closeCode: number,
  ) {
    super(message);
  }
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null: the client removes its presence. */
  state: Record<string, unknown> | null;
}

/** Decodes and checks an awareness update; throws PresenceError for what closes the connection. */
export function readAwarenessEntries(
  update: Uint8Array,
  limits: PresenceLimits,
  writable: boolean,
  /** Entries to pass over unread (echoes of states the room already has). */
  skip?: (clientId: number, clock: number) => boolean,
): { entries: AwarenessEntry[]; dropped: string[] } {
  const entries: AwarenessEntry[] = [];
  const dropped: string[] = [];
  let count: number;
  const decoder = decoding.createDecoder(update);
  try {
    count = decoding.readVarUint(decoder);
  } catch {
    throw new PresenceError("malformed presence", WsCloseCode.unsupportedData);
  }
  if (count > limits.maxClientsPerConnection) {
    throw new PresenceError(`a presence message may carry at most ${limits.maxClientsPerConnection} states`, WsCloseCode.policyViolation);
  }
  for (let index = 0; index < count; index++) {
    let clientId: number, clock: number, json: string;
    try {
      clientId = decoding.readVarUint(decoder);
      clock = decoding.readVarUint(decoder);
      json = decoding.readVarString(decoder);
    } catch {
      throw new PresenceError("malformed presence", WsCloseCode.unsupportedData);
    }
    if (skip?.(clientId, clock)) continue;
    if (json.length > limits.maxStateBytes || Buffer.byteLength(json) > limits.maxStateBytes) {
      throw new PresenceError(`a presence state may be at most ${limits.maxStateBytes} bytes`, WsCloseCode.messageTooBig);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new PresenceError("malformed presence", WsCloseCode.unsupportedData);
    }
    const problem = stateProblem(parsed);
    if (problem) {
      dropped.push(problem);
      continue;
    }
    let state = parsed as Record<string, unknown> | null;
    // Only someone who may edit the deck may broadcast slides to followers.
    if (!writable && state && PRESENTER_FIELD in state) {
      state = { ...state };
      delete state[PRESENTER_FIELD];
    }
    entries.push({ clientId, clock, state });
  }
  return { entries, dropped };
}

/** Why a state may not be shown to others; null when it may. */
export function stateProblem(state: unknown): string | null {
  if (state === null) return null;
  if (typeof state !== "object" || Array.isArray(state)) return "a presence state must be an object";
  const { user, presenter } = state as Record<string, unknown>;
  if (user !== undefined && user !== null) {
    if (typeof user !== "object" || Array.isArray(user)) return "user must be an object";
    const { name, color, colorLight } = user as Record<string, unknown>;
    const nameProblem = displayNameProblem(name);
    if (nameProblem) return nameProblem;
    if (typeof color !== "string" || !COLOR.test(color)) return "user.color must be #rrggbb";
    if (colorLight !== undefined && (typeof colorLight !== "string" || !COLOR_WITH_ALPHA.test(colorLight))) return "user.colorLight must be #rrggbb or #rrggbbaa";
  }
  if (presenter !== undefined && presenter !== null) {
    if (typeof presenter !== "object" || Array.isArray(presenter)) return "presenter must be an object";
    const { name } = presenter as Record<string, unknown>;
    if (name !== undefined && displayNameProblem(name)) return "presenter.name is not a valid name";
  }
  return null;
}

function displayNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.trim() === "") return "user.name must be a non-empty string";
  if (name.length > MAX_PRESENCE_NAME_LENGTH) return `user.name may be at most ${MAX_PRESENCE_NAME_LENGTH} characters`;
  if (UNPRINTABLE.test(name)) return "user.name holds control characters";
  return null;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Another instance's client (server/sync/redis-bridge.ts): that instance checked it. */
const REMOTE_OWNER = Symbol("remote-owner");

let recordSequence = 0;

/** What the room's presence keeps for one connection. */
class MemberPresence {
  readonly ids = new Set<number>();
  /** While read-only: its states, kept for the count and never fanned out. */
  readonly viewerStates = new Map<number, AwarenessEntry>();
  readonly rate: MessageRateLimiter;
  /** Entries over the rate, latest per id, applied when the rate allows. */
  pending = new Map<number, AwarenessEntry>();
  timer: NodeJS.Timeout | null = null;
  lastMessageAt = performance.now();
  /** Records are numbered as they are made: a newer connection of an account wins, not an older one. */
  readonly sequence = ++recordSequence;

  constructor(readonly limits: PresenceLimits) {
    this.rate = new MessageRateLimiter(limits.perSecond, limits.burst);
  }
}

export interface RoomPresenceHooks {
  /** The number of viewers (read-only connections with a presence) on this instance changed. */
  viewersChanged(): void;
}

/** One room's presence: the y-protocols Awareness holds the shared (writers') states. */
export class RoomPresence {
  private readonly owners = new Map<number, PresenceMember | typeof REMOTE_OWNER>();
  private readonly records = new Map<PresenceMember, MemberPresence>();
  private localViewers = 0;

  constructor(
    readonly awareness: awarenessProtocol.Awareness,
    private readonly hooks: RoomPresenceHooks,
  ) {}

  /** Read-only connections of this instance that hold a presence. */
  get viewers(): number {
    return this.localViewers;
  }

  /** Applies a member's awareness message; throws PresenceError when the connection must close. */
  receive(member: PresenceMember, update: Uint8Array, limits: PresenceLimits): string[] {
    const { entries, dropped } = readAwarenessEntries(update, limits, member.writable, (clientId, clock) => this.isEcho(member, clientId, clock));
    const record = this.record(member, limits);
    record.lastMessageAt = performance.now();
    if (record.pending.size > 0 || record.rate.take() > 0) {
      for (const entry of entries) {
        const waiting = record.pending.get(entry.clientId);
        if (!waiting || waiting.clock <= entry.clock) record.pending.set(entry.clientId, entry);
      }
      if (record.pending.size > limits.maxClientsPerConnection) {
        throw new PresenceError(`a connection may hold at most ${limits.maxClientsPerConnection} presence states`, WsCloseCode.policyViolation);
      }
      this.scheduleFlush(member, record);
      return dropped;
    }
    return dropped.concat(this.apply(member, record, entries));
  }

  /** The client ids whose states everyone sees (writers', here and on other instances). */
  sharedClientIds(): number[] {
    return [...this.awareness.getStates().keys()];
  }

  /** A member lost write access: its presence is a viewer's from now on. */
  demote(member: PresenceMember): void {
    const record = this.records.get(member);
    if (!record) return;
    const shared: number[] = [];
    for (const id of record.ids) {
      const state = this.awareness.getStates().get(id);
      if (!state) continue;
      shared.push(id);
      const { [PRESENTER_FIELD]: _presenter, ...viewerState } = state;
      record.viewerStates.set(id, { clientId: id, clock: this.awareness.meta.get(id)?.clock ?? 0, state: viewerState });
    }
    if (shared.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, shared, member);
    this.recount();
  }

  leave(member: PresenceMember): void {
    const record = this.records.get(member);
    if (!record) return;
    this.records.delete(member);
    if (record.timer) clearTimeout(record.timer);
    for (const id of record.ids) this.owners.delete(id);
    const shared = [...record.ids].filter((id) => this.awareness.getStates().has(id));
    if (shared.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, shared, member);
    if (record.viewerStates.size > 0) this.recount();
  }

  /** Keeps ownership of the ids another instance's clients set (the bridge applies them). */
  trackRemote({ added, removed }: { added: number[]; removed: number[] }): void {
    for (const id of added) if (!this.owners.has(id)) this.owners.set(id, REMOTE_OWNER);
    for (const id of removed) if (this.owners.get(id) === REMOTE_OWNER) this.owners.delete(id);
  }

  destroy(): void {
    for (const record of this.records.values()) if (record.timer) clearTimeout(record.timer);
    this.records.clear();
  }

  private record(member: PresenceMember, limits: PresenceLimits): MemberPresence {
    let record = this.records.get(member);
    if (!record) this.records.set(member, (record = new MemberPresence(limits)));
    return record;
  }

  private scheduleFlush(member: PresenceMember, record: MemberPresence): void {
    if (record.timer) return;
    const wait = Math.max(1, Math.ceil(1000 / Math.max(1, record.limits.perSecond)));
    record.timer = setTimeout(() => {
      record.timer = null;
      if (this.records.get(member) !== record) return;
      if (record.rate.take() > 0) return this.scheduleFlush(member, record);
      const entries = [...record.pending.values()];
      record.pending.clear();
      try {
        this.apply(member, record, entries);
      } catch (error) {
        if (!(error instanceof PresenceError)) throw error;
        member.close(error.closeCode, error.message);
      }
    }, wait);
  }

  /**
   * y-websocket sends every awareness change it applies back to the server, others' states
   * included (and a removal when a state times out on its side): an entry for someone else's
   * shared state at a clock the room already has is such an echo, and means nothing.
   */
  private isEcho(member: PresenceMember, clientId: number, clock: number): boolean {
    if (this.owners.get(clientId) === member) return false;
    const known = this.awareness.meta.get(clientId);
    return known !== undefined && clock <= known.clock;
  }

  /** Applies entries the member may set; returns why others were dropped. */
  private apply(member: PresenceMember, record: MemberPresence, entries: AwarenessEntry[]): string[] {
    const dropped: string[] = [];
    const shared: AwarenessEntry[] = [];
    let viewersChanged = false;
    for (const entry of entries) {
      // Checked again: entries coalesced over the rate may have become echoes meanwhile.
      if (this.isEcho(member, entry.clientId, entry.clock)) continue;
      let owner = this.owners.get(entry.clientId);
      // Another instance's client whose state is gone here (timed out): free for whoever comes,
      // e.g. that same tab reconnecting through this instance.
      if (owner === REMOTE_OWNER && !this.awareness.getStates().has(entry.clientId)) {
        this.owners.delete(entry.clientId);
        owner = undefined;
      }
      if (owner !== undefined && owner !== member) {
        if (owner === REMOTE_OWNER || !member.writable || !this.mayTakeOver(member, owner)) {
          dropped.push(`presence ${entry.clientId} belongs to another connection`);
          continue;
        }
        viewersChanged = this.release(owner, entry.clientId) || viewersChanged;
      }
      if (owner !== member) {
        if (entry.state === null) continue;
        if (record.ids.size >= record.limits.maxClientsPerConnection) {
          throw new PresenceError(`a connection may hold at most ${record.limits.maxClientsPerConnection} presence states`, WsCloseCode.policyViolation);
        }
        record.ids.add(entry.clientId);
        this.owners.set(entry.clientId, member);
      }
      if (member.writable) {
        shared.push(entry);
      } else {
        const before = record.viewerStates.size;
        if (entry.state === null) record.viewerStates.delete(entry.clientId);
        else record.viewerStates.set(entry.clientId, entry);
        if ((before === 0) !== (record.viewerStates.size === 0)) viewersChanged = true;
      }
      if (entry.state === null) {
        record.ids.delete(entry.clientId);
        this.owners.delete(entry.clientId);
      }
    }
    if (shared.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(shared), member);
    if (viewersChanged) this.recount();
    return dropped;
  }

  /** May writer `member` take an id `owner` holds? (See the header.) */
  private mayTakeOver(member: PresenceMember, owner: PresenceMember): boolean {
    if (!owner.writable) return true;
    const record = this.records.get(owner);
    if (!record) return true;
    if (member.account !== null && member.account === owner.account && this.records.get(member)!.sequence > record.sequence) return true;
    return performance.now() - record.lastMessageAt > SILENT_OWNER_MS;
  }

  /** Takes an id from its owner (a writer claims it); true when that changed the viewer count. */
  private release(owner: PresenceMember, id: number): boolean {
    const record = this.records.get(owner);
    this.owners.delete(id);
    if (!record) return false;
    record.ids.delete(id);
    return record.viewerStates.delete(id) && record.viewerStates.size === 0;
  }

  private recount(): void {
    let viewers = 0;
    for (const [member, record] of this.records) if (!member.writable && record.viewerStates.size > 0) viewers++;
    if (viewers === this.localViewers) return;
    this.localViewers = viewers;
    this.hooks.viewersChanged();
  }
}
