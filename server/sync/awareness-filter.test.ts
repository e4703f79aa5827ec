import { describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { withoutPresenter } from "./awareness-filter";

function updateWith(state: Record<string, unknown>): { update: Uint8Array; clientId: number } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  return { update: encodeAwarenessUpdate(awareness, [awareness.clientID]), clientId: awareness.clientID };
}

describe("withoutPresenter", () => {
  it("removes the presenter field and keeps the rest of the state", () => {
    const { update, clientId } = updateWith({ user: { name: "Ann", color: "#123456" }, presenter: { h: 2, v: 0, broadcasting: true } });
    const receiver = new Awareness(new Y.Doc());
    applyAwarenessUpdate(receiver, withoutPresenter(update), "test");
    expect(receiver.getStates().get(clientId)).toEqual({ user: { name: "Ann", color: "#123456" } });
  });

  it("returns an update without a presenter unchanged", () => {
    const { update } = updateWith({ user: { name: "Bob", color: "#654321" } });
    expect(withoutPresenter(update)).toBe(update);
  });

  it("throws on a malformed update, as the awareness protocol itself would", () => {
    expect(() => withoutPresenter(new Uint8Array([1, 5, 1, 3, 123, 123, 123]))).toThrow();
  });
});
