// The presenter channel: who presents a deck, where they are, hand-over and remote control, on
// the deck's own WebSocket as y-websocket message type 101 (MessageType.presenter) carrying one
// JSON object. The server (server/sync/presenter-channel.ts) holds the state and decides; every
// client parses what it receives with the functions below, and the server parses what clients
// send the same way, so a malformed or oversized message is refused before anything acts on it.
import { parseSlideIndices, type SlideIndices } from "./deck-frame-protocol";
import { DECK_COMMANDS, type DeckCommand } from "./presenter-keys";

/** Largest presenter message a client may send (bytes of JSON). */
export const PRESENTER_MESSAGE_MAX_BYTES = 1024;
/** Longest name shown for a presenter or a candidate. */
export const PRESENTER_NAME_MAX = 80;
/** Most sections whose time is tracked (a deck has far fewer; the rest are not counted). */
export const PRESENTER_MAX_SECTIONS = 500;

/** What a client joins as: a slideshow can present or be handed the deck; a remote only steers. */
export type PresenterRole = "slideshow" | "remote" | "speaker";

export type PresenterClientMessage =
  | { type: "join"; role: PresenterRole }
  /** Start presenting (or take over a deck whose presenter left), at this slide. */
  | { type: "present"; position: SlideIndices }
  /** The presenter's slideshow moved. */
  | { type: "move"; position: SlideIndices }
  | { type: "stop" }
  /** A remote or speaker view steers the presenter's slideshow. */
  | { type: "command"; command: DeckCommand }
  /** The presenter hands the deck to the person with this peer id. */
  | { type: "hand-over"; to: number }
  /** Someone asks the presenter for the deck. */
  | { type: "request" }
  /** The presenter declines the pending request. */
  | { type: "decline" }
  | { type: "reset-timer" };

export interface PresenterPerson {
  /** The server's id for this connection in the channel. */
  id: number;
  name: string;
}

export interface PresenterTiming {
  /** Time since presenting started (or the timer was reset), when the message was sent. */
  elapsedMs: number;
  /** Time spent per section (horizontal slide index), the current one included, when sent. */
  sectionMs: Record<number, number>;
  /** Is the clock running (somebody presents and is connected)? */
  running: boolean;
}

export interface PresenterSnapshot {
  presenter: (PresenterPerson & { connected: boolean }) | null;
  /** Where the presenter is; kept when they leave, so followers stay there. */
  position: SlideIndices | null;
  /** Milliseconds (from sending) until anyone who may present can take over; null: nobody presents, or they are connected. */
  takeOverInMs: number | null;
  request: PresenterPerson | null;
  /** The people with an open slideshow who may present: whom the deck can be handed to. */
  candidates: PresenterPerson[];
  timing: PresenterTiming;
}

export type PresenterServerMessage =
  /** The first answer to "join": my own id, and whether I may present. */
  | { type: "welcome"; you: number; mayPresent: boolean; mayControl: boolean }
  | { type: "state"; state: PresenterSnapshot }
  /** To the presenter's slideshow: a remote or the speaker view asked for this. */
  | { type: "command"; command: DeckCommand }
  /** An action that was not allowed now (someone else presents, too early to take over…). */
  | { type: "refused"; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isPeerId = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value > 0 && value < 2 ** 31;
const isDuration = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 1e10;

export function parsePresenterClientMessage(data: unknown): PresenterClientMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "join":
      return data.role === "slideshow" || data.role === "remote" || data.role === "speaker" ? { type: "join", role: data.role } : null;
    case "present":
    case "move": {
      const position = parseSlideIndices(data.position);
      return position ? { type: data.type, position } : null;
    }
    case "command":
      return (DECK_COMMANDS as readonly unknown[]).includes(data.command) ? { type: "command", command: data.command as DeckCommand } : null;
    case "hand-over":
      return isPeerId(data.to) ? { type: "hand-over", to: data.to } : null;
    case "stop":
    case "request":
    case "decline":
    case "reset-timer":
      return { type: data.type };
    default:
      return null;
  }
}

function parsePerson(value: unknown): PresenterPerson | null {
  if (!isRecord(value) || !isPeerId(value.id) || typeof value.name !== "string") return null;
  return { id: value.id, name: value.name.slice(0, PRESENTER_NAME_MAX) };
}

function parseTiming(value: unknown): PresenterTiming | null {
  if (!isRecord(value) || !isDuration(value.elapsedMs) || !isRecord(value.sectionMs) || typeof value.running !== "boolean") return null;
  const sectionMs: Record<number, number> = {};
  for (const [key, ms] of Object.entries(value.sectionMs)) {
    const h = Number(key);
    if (Number.isInteger(h) && h >= 0 && h < PRESENTER_MAX_SECTIONS && isDuration(ms)) sectionMs[h] = ms;
  }
  return { elapsedMs: value.elapsedMs, sectionMs, running: value.running };
}

function parseSnapshot(value: unknown): PresenterSnapshot | null {
  if (!isRecord(value) || !Array.isArray(value.candidates)) return null;
  const presenter = value.presenter === null ? null : parsePerson(value.presenter);
  if (value.presenter !== null && !presenter) return null;
  const position = value.position === null ? null : parseSlideIndices(value.position);
  const request = value.request === null ? null : parsePerson(value.request);
  const timing = parseTiming(value.timing);
  if (!timing) return null;
  const takeOverInMs = isDuration(value.takeOverInMs) ? value.takeOverInMs : null;
  const connected = isRecord(value.presenter) && value.presenter.connected === true;
  return {
    presenter: presenter ? { ...presenter, connected } : null,
    position,
    takeOverInMs,
    request,
    candidates: value.candidates.map(parsePerson).filter((person): person is PresenterPerson => person !== null),
    timing,
  };
}

export function parsePresenterServerMessage(data: unknown): PresenterServerMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "welcome":
      return isPeerId(data.you) ? { type: "welcome", you: data.you, mayPresent: data.mayPresent === true, mayControl: data.mayControl === true } : null;
    case "state": {
      const state = parseSnapshot(data.state);
      return state ? { type: "state", state } : null;
    }
    case "command":
      return (DECK_COMMANDS as readonly unknown[]).includes(data.command) ? { type: "command", command: data.command as DeckCommand } : null;
    case "refused":
      return typeof data.reason === "string" ? { type: "refused", reason: data.reason.slice(0, 200) } : null;
    default:
      return null;
  }
}
