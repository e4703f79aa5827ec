import { expect, it } from "vitest";
import { ACCESS_MESSAGES } from "@/core/access";
import { WsCloseCode } from "@/core/ws-close-codes";
import { interpretClose } from "./close-codes";
import { connectionPhase } from "./deck-connection";

it("ends the session for a deleted deck or removed access, with the server's reason or a default", () => {
  expect(interpretClose({ code: WsCloseCode.deckDeleted, reason: "" })).toEqual({ kind: "ended", cause: "deck-deleted", reason: "This deck was deleted." });
  expect(interpretClose({ code: WsCloseCode.accessRevoked, reason: "This account was disabled." })).toEqual({
    kind: "ended",
    cause: "access-revoked",
    reason: "This account was disabled.",
  });
  expect(interpretClose({ code: WsCloseCode.accessRevoked, reason: "" })).toMatchObject({ reason: ACCESS_MESSAGES.revoked });
});

it("reconnects to write after 4001, and stays offline (retrying) for the server's other closes", () => {
  expect(interpretClose({ code: WsCloseCode.accessChanged, reason: ACCESS_MESSAGES.upgraded })).toEqual({ kind: "reconnect-to-write" });
  for (const code of [WsCloseCode.goingAway, WsCloseCode.unsupportedData, WsCloseCode.policyViolation, WsCloseCode.messageTooBig, WsCloseCode.loadFailed, 1006]) {
    expect(interpretClose({ code, reason: "" })).toEqual({ kind: "offline", reconnect: true });
  }
  expect(interpretClose(null)).toEqual({ kind: "offline", reconnect: true });
  // A refused document shape, like any other 44xx code, is not retried (y-websocket's own rule).
  expect(interpretClose({ code: WsCloseCode.documentShape, reason: "" })).toEqual({ kind: "offline", reconnect: false });
  expect(interpretClose({ code: 4499, reason: "" })).toEqual({ kind: "offline", reconnect: false });
});

it("names one phase for the status, the sync and the end", () => {
  expect(connectionPhase("connected", true, false)).toBe("synced");
  expect(connectionPhase("connected", false, false)).toBe("syncing");
  expect(connectionPhase("connecting", false, false)).toBe("connecting");
  expect(connectionPhase("disconnected", false, false)).toBe("offline");
  expect(connectionPhase("disconnected", false, true)).toBe("ended");
});
