// What the client does with each way the server ends a deck's WebSocket (codes in
// core/ws-close-codes.ts): the one table the editor, the slideshow, the speaker view and the remote
// read. A close either leaves the connection offline for y-websocket to retry, asks for a fresh
// connection that may write, or ends the session for good with a reason to show.
import { ACCESS_MESSAGES } from "@/core/access";
import { WsCloseCode } from "@/core/ws-close-codes";

export type SessionEndCause = "deck-deleted" | "access-revoked";

export type CloseOutcome =
  /** Offline until y-websocket connects again (`reconnect: false`: it stops trying, as it always has for 44xx). */
  | { kind: "offline"; reconnect: boolean }
  /** The access went up (read → write): the reconnect gets the new role. */
  | { kind: "reconnect-to-write" }
  /** Nothing to reconnect to: the deck is gone or may no longer be seen. */
  | { kind: "ended"; cause: SessionEndCause; reason: string };

interface CloseRule {
  outcome: "offline" | "reconnect-to-write" | SessionEndCause;
  reconnect: boolean;
  /** Shown when the server sent no reason of its own. */
  fallbackReason?: string;
}

const CLOSE_RULES: Record<number, CloseRule> = {
  [WsCloseCode.goingAway]: { outcome: "offline", reconnect: true },
  [WsCloseCode.unsupportedData]: { outcome: "offline", reconnect: true },
  [WsCloseCode.policyViolation]: { outcome: "offline", reconnect: true },
  [WsCloseCode.messageTooBig]: { outcome: "offline", reconnect: true },
  [WsCloseCode.loadFailed]: { outcome: "offline", reconnect: true },
  // The same update would be refused again: y-websocket stops (it does for every 44xx code).
  [WsCloseCode.documentShape]: { outcome: "offline", reconnect: false },
  [WsCloseCode.accessChanged]: { outcome: "reconnect-to-write", reconnect: true },
  [WsCloseCode.accessRevoked]: { outcome: "access-revoked", reconnect: false, fallbackReason: ACCESS_MESSAGES.revoked },
  [WsCloseCode.deckDeleted]: { outcome: "deck-deleted", reconnect: false, fallbackReason: "This deck was deleted." },
};

/** y-websocket's own rule for codes not in the table: the 44xx range means "do not retry". */
const defaultRule = (code: number): CloseRule => ({ outcome: "offline", reconnect: !(code >= 4400 && code < 4500) });

/** `event` is null when this page closed the socket itself (then y-websocket reconnects). */
export function interpretClose(event: { code: number; reason: string } | null): CloseOutcome {
  if (!event) return { kind: "offline", reconnect: true };
  const rule = CLOSE_RULES[event.code] ?? defaultRule(event.code);
  if (rule.outcome === "offline") return { kind: "offline", reconnect: rule.reconnect };
  if (rule.outcome === "reconnect-to-write") return { kind: "reconnect-to-write" };
  return { kind: "ended", cause: rule.outcome, reason: event.reason || rule.fallbackReason || "" };
}
