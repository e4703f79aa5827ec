import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { DEFAULT_PRESENCE_LIMITS, PresenceError, readAwarenessEntries, stateProblem } from "./presence";

function updateWith(state: Record<string, unknown>): { update: Uint8Array; clientId: number } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return { update, clientId: awareness.clientID };
}

describe("readAwarenessEntries", () => {
  it("removes the presenter field from a read-only connection's state and keeps the rest", () => {
    const { update, clientId } = updateWith({ user: { name: "Ann", color: "#123456" }, presenter: { h: 2, v: 0, broadcasting: true } });
    const { entries } = readAwarenessEntries(update, DEFAULT_PRESENCE_LIMITS, false);
    expect(entries).toEqual([{ clientId, clock: 1, state: { user: { name: "Ann", color: "#123456" } } }]);
    expect(readAwarenessEntries(update, DEFAULT_PRESENCE_LIMITS, true).entries[0]!.state).toHaveProperty("presenter");
  });

  it("drops states that fail the checks, with the reason", () => {
    const { update } = updateWith({ user: { name: "Ann", color: "url(x)" } });
    expect(readAwarenessEntries(update, DEFAULT_PRESENCE_LIMITS, true)).toEqual({ entries: [], dropped: ["user.color must be #rrggbb"] });
  });

  it("throws a PresenceError on a malformed or oversized update", () => {
    expect(() => readAwarenessEntries(new Uint8Array([1, 5, 1, 3, 123, 123, 123]), DEFAULT_PRESENCE_LIMITS, true)).toThrow(PresenceError);
    const { update } = updateWith({ junk: "x".repeat(5000) });
    expect(() => readAwarenessEntries(update, DEFAULT_PRESENCE_LIMITS, true)).toThrow("a presence state may be at most 4096 bytes");
  });
});

describe("stateProblem", () => {
  it("accepts what the editor, y-codemirror and the slideshow send", () => {
    expect(stateProblem(null)).toBeNull();
    expect(stateProblem({})).toBeNull();
    expect(stateProblem({ user: { name: "Guest 123", color: "#2557d6", colorLight: "#2557d633" }, cursor: { anchor: {}, head: {} } })).toBeNull();
    expect(stateProblem({ presenter: { h: 1, v: 0, name: "Ann", broadcasting: true } })).toBeNull();
  });

  it("refuses colours other than #rrggbb, and unprintable or overlong names", () => {
    expect(stateProblem({ user: { name: "Ann", color: "red" } })).toBe("user.color must be #rrggbb");
    expect(stateProblem({ user: { name: "Ann", color: "#123456", colorLight: "#123456;x" } })).toBe("user.colorLight must be #rrggbb or #rrggbbaa");
    expect(stateProblem({ user: { name: "a\nb", color: "#123456" } })).toBe("user.name holds control characters");
    expect(stateProblem({ user: { name: "x".repeat(65), color: "#123456" } })).toBe("user.name may be at most 64 characters");
    expect(stateProblem({ presenter: { name: "\u202e", h: 0 } })).toBe("presenter.name is not a valid name");
    expect(stateProblem("text")).toBe("a presence state must be an object");
  });
});
