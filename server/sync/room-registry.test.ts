// The registry and its rooms on the in-memory deck log, without sockets: the stages each deck goes
// through (loaded, accepted, committed, unloaded) as extensions see them, the idle unload with its
// compaction, storage failures, deletion and the early-state path.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../log";
import { DeckLifecycle, type DeckExtension } from "./deck-lifecycle";
import { MemoryDeckLog } from "./memory-deck-log";
import { RoomRegistry } from "./room-registry";

const log = createLogger("silent");
let registry: RoomRegistry | null = null;

afterEach(async () => {
  await registry?.closeAll(1001, "test done");
  registry = null;
});

/** A registry on a fresh in-memory log, with an extension that writes down every stage it sees. */
function setUp(options: { idleMs?: number; compactAfterEntries?: number; extensions?: DeckExtension[] } = {}) {
  const stages: string[] = [];
  const recorder: DeckExtension = {
    name: "recorder",
    opening: (deckId) => void stages.push(`opening ${deckId}`),
    loaded: (room) => void stages.push(`loaded ${room.deckId}`),
    acceptedUpdate: (room, accepted) => void stages.push(`accepted ${room.deckId} by ${accepted.author}`),
    committed: (entries) => void stages.push(`committed ${[...entries.keys()].join(",")}`),
    unloaded: (deckId, reason) => void stages.push(`unloaded ${deckId} ${reason}`),
  };
  const lifecycle = new DeckLifecycle(log);
  const deckLog = new MemoryDeckLog({ committed: (entries) => lifecycle.committed(entries) });
  registry = new RoomRegistry(deckLog, lifecycle, { idleMs: options.idleMs ?? 60_000, compactAfterEntries: options.compactAfterEntries ?? 1_000, log });
  lifecycle.use(recorder, ...(options.extensions ?? []));
  return { stages, deckLog, rooms: registry, lifecycle };
}

describe("RoomRegistry on the in-memory log", () => {
  it("runs a deck through its stages: opened, loaded, an API edit accepted and committed, unloaded when idle and compacted", async () => {
    const { stages, deckLog, rooms } = setUp({ idleMs: 1 });
    deckLog.create("d1", "Hello");
    const room = await rooms.acquire("d1");
    expect(room?.text.toString()).toBe("Hello");
    expect(await rooms.acquire("d1")).toBe(room);
    room!.replaceText("Hello, world", "user-7");
    await deckLog.flush();
    expect(deckLog.stored("d1")).toEqual({ markdown: "Hello, world", logEntries: 1 });
    rooms.release(room!);
    rooms.release(room!);
    await new Promise<void>((resolve) => {
      const check = () => (stages.includes("unloaded d1 idle") ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(stages).toEqual(["opening d1", "loaded d1", "accepted d1 by user-7", "committed d1", "unloaded d1 idle"]);
    expect(rooms.peek("d1")).toBeUndefined();
    // Compacted on the way out; opening again gives the same text.
    expect(deckLog.stored("d1")?.logEntries).toBe(0);
    expect((await rooms.acquire("d1"))?.text.toString()).toBe("Hello, world");
  });

  it("an unknown deck is null, and its opening is undone", async () => {
    const { stages, rooms } = setUp();
    expect(await rooms.acquire("nope")).toBeNull();
    expect(stages).toEqual(["opening nope", "unloaded nope missing"]);
  });

  it("keeps an idle room while its updates cannot be stored, and unloads it once they are", async () => {
    const { stages, deckLog, rooms } = setUp({ idleMs: 1 });
    deckLog.create("d2", "");
    const room = (await rooms.acquire("d2"))!;
    room.replaceText("kept");
    deckLog.failNextFlushes(3);
    rooms.release(room);
    await new Promise<void>((resolve) => {
      const check = () => (stages.includes("unloaded d2 idle") ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(deckLog.stored("d2")?.markdown).toBe("kept");
  });

  it("deleting a deck closes its members, drops its queued updates and tells the extensions", async () => {
    const { stages, deckLog, rooms } = setUp();
    deckLog.create("d3", "x");
    const room = (await rooms.acquire("d3"))!;
    const closed: number[] = [];
    room.join({ send: () => undefined, close: (code) => void closed.push(code), writable: true, account: null });
    room.replaceText("never stored");
    const stored = room.stored;
    rooms.evict("d3", 4404, "This deck was deleted.");
    await expect(stored).rejects.toThrow(/deleted/);
    expect(closed).toEqual([4404]);
    expect(stages.at(-1)).toBe("unloaded d3 deleted");
    expect(deckLog.backlog).toBe(0);
  });

  it("compacts a long log while the deck stays open", async () => {
    const { deckLog, rooms } = setUp({ compactAfterEntries: 3 });
    deckLog.create("d4", "");
    const room = (await rooms.acquire("d4"))!;
    for (let i = 0; i < 3; i++) {
      room.replaceText(`edit ${i}`);
      await deckLog.flush();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(deckLog.stored("d4")).toEqual({ markdown: "edit 2", logEntries: 0 });
    expect(room.logEntries).toBe(0);
  });

  it("an extension failing at `accepted` is logged; the edit is stored and the others still run", async () => {
    const seen: string[] = [];
    const failing: DeckExtension = {
      name: "failing",
      acceptedUpdate: () => {
        throw new Error("boom");
      },
    };
    const after: DeckExtension = { name: "after", acceptedUpdate: (room) => void seen.push(room.deckId) };
    const { deckLog, rooms } = setUp({ extensions: [failing, after] });
    deckLog.create("d5", "");
    const room = (await rooms.acquire("d5"))!;
    room.replaceText("still stored");
    await deckLog.flush();
    expect(seen).toEqual(["d5"]);
    expect(deckLog.stored("d5")?.markdown).toBe("still stored");
  });

  it("a load that an extension fails is refused, and undone for the others", async () => {
    const failing: DeckExtension = {
      name: "failing",
      loaded: () => {
        throw new Error("the other instances did not answer");
      },
    };
    const { stages, deckLog, rooms } = setUp({ extensions: [failing] });
    deckLog.create("d6", "");
    await expect(rooms.acquire("d6")).rejects.toThrow(/did not answer/);
    expect(stages.at(-1)).toBe("unloaded d6 missing");
    expect(rooms.peek("d6")).toBeUndefined();
  });

  it("acquireEarly hands over the stored bytes before the room, then the room holding them", async () => {
    const { deckLog, rooms } = setUp();
    deckLog.create("d7", "early bytes");
    const opening = await rooms.acquireEarly("d7");
    if (!opening?.stored) throw new Error("expected the stored bytes first");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, opening.stored.snapshot!);
    expect(doc.getText("markdown").toString()).toBe("early bytes");
    const ready = await opening.ready;
    expect(ready?.room.text.toString()).toBe("early bytes");
    expect(rooms.peek("d7")).toBe(ready?.room);
  });

  it("with an extension whose storage may lag (Redis), there is no early state: the room is ready first", async () => {
    const { deckLog, rooms } = setUp({ extensions: [{ name: "lagging", storageMayLag: true }] });
    deckLog.create("d8", "shared");
    const opening = await rooms.acquireEarly("d8");
    if (!opening || opening.stored) throw new Error("expected the room, not stored bytes");
    expect(opening.room.text.toString()).toBe("shared");
  });
});
