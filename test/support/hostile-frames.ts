// Hostile y-protocol frames, seeded, and a driver that fires them at a room through real sockets.
// Used by test/integration/fuzz.test.ts (a sample) and bench/fuzz-frames.ts (the full 100,000).
import * as encoding from "lib0/encoding";
import * as prng from "lib0/prng";
import WebSocket from "ws";
import * as Y from "yjs";
import { DECK_TEXT_NAME, MessageType } from "../../core/sync-protocol";

/** Genuine updates to mutate: typing, deleting, formatting-free text, from a few clients. */
function sampleUpdates(gen: prng.PRNG): Uint8Array[] {
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 40; i++) {
    if (text.length > 4 && prng.bool(gen)) text.delete(prng.uint32(gen, 0, text.length - 2), 2);
    else text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 12));
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return updates;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function randomBytes(gen: prng.PRNG, max: number): Uint8Array {
  return prng.uint8Array(gen, prng.uint32(gen, 0, max));
}

function mutate(gen: prng.PRNG, source: Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(source);
  switch (prng.uint32(gen, 0, 3)) {
    case 0: // flip a few bytes
      for (let i = prng.uint32(gen, 1, 4); i > 0 && bytes.length > 0; i--) bytes[prng.uint32(gen, 0, bytes.length - 1)] = prng.uint32(gen, 0, 255);
      return bytes;
    case 1: // truncate
      return bytes.slice(0, prng.uint32(gen, 0, Math.max(0, bytes.length - 1)));
    case 2: {
      // splice random bytes in
      const at = prng.uint32(gen, 0, bytes.length);
      const insert = randomBytes(gen, 8);
      const out = new Uint8Array(bytes.length + insert.length);
      out.set(bytes.subarray(0, at));
      out.set(insert, at);
      out.set(bytes.subarray(at), at + insert.length);
      return out;
    }
    default: // duplicate the tail
      return Uint8Array.from([...bytes, ...bytes.subarray(prng.uint32(gen, 0, bytes.length))]);
  }
}

/** Endless hostile frames from `seed`. */
export function* hostileFrames(seed: number): Generator<Uint8Array> {
  const gen = prng.create(seed);
  const samples = sampleUpdates(gen);
  const sample = () => samples[prng.uint32(gen, 0, samples.length - 1)]!;
  for (;;) {
    switch (prng.uint32(gen, 0, 10)) {
      case 0:
        yield randomBytes(gen, 48);
        break;
      case 1: // a huge length prefix
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, prng.uint32(gen, 1 << 20, 0xffffffff));
          encoding.writeUint8Array(e, randomBytes(gen, 16));
        });
        break;
      case 2: // a varint that never ends
        yield Uint8Array.from([prng.uint32(gen, 0, 3), ...Array.from({ length: prng.uint32(gen, 1, 9) }, () => 0x80 | prng.uint32(gen, 0, 127))]);
        break;
      case 3: // a wrong message type or sync step
        yield frame((e) => {
          if (prng.bool(gen)) encoding.writeVarUint(e, prng.uint32(gen, 4, 1 << 30));
          else {
            encoding.writeVarUint(e, MessageType.sync);
            encoding.writeVarUint(e, prng.uint32(gen, 3, 1 << 20));
          }
          encoding.writeUint8Array(e, randomBytes(gen, 16));
        });
        break;
      case 4:
      case 5: // a mutated genuine update
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, prng.uint32(gen, 1, 2));
          encoding.writeVarUint8Array(e, mutate(gen, sample()));
        });
        break;
      case 6: // a valid-looking update of garbage structs
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(
            e,
            frame((u) => {
              encoding.writeVarUint(u, 1);
              encoding.writeVarUint(u, prng.uint32(gen, 1, 20));
              encoding.writeVarUint(u, prng.uint32(gen, 0, 0x7fffffff));
              encoding.writeVarUint(u, prng.uint32(gen, 0, 100));
              encoding.writeUint8Array(u, randomBytes(gen, 40));
            }),
          );
        });
        break;
      case 7: // awareness: garbage, or a valid shape with odd JSON
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.awareness);
          encoding.writeVarUint8Array(
            e,
            prng.bool(gen)
              ? randomBytes(gen, 32)
              : frame((a) => {
                  encoding.writeVarUint(a, 1);
                  encoding.writeVarUint(a, prng.uint32(gen, 0, 0xffffffff));
                  encoding.writeVarUint(a, prng.uint32(gen, 0, 0xffffffff));
                  encoding.writeVarString(a, prng.bool(gen) ? `{"user":{"name":"${prng.word(gen, 0, 20)}"}}` : prng.word(gen, 0, 20));
                }),
          );
        });
        break;
      case 8: // sync step 1 with a garbage state vector
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(e, randomBytes(gen, 24));
        });
        break;
      case 9: // a genuine update whose dependencies never arrive
        yield frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(e, samples[prng.uint32(gen, 1, samples.length - 2)]!);
        });
        break;
      default: // plain valid traffic mixed in
        yield frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness));
    }
  }
}

export interface FuzzResult {
  frames: number;
  /** Frames after which the connection was still open (answered the probe). */
  survived: number;
  /** Connections closed by the server, by close code. */
  closes: Map<number, number>;
}

const PROBE = Uint8Array.from([MessageType.queryAwareness]);

/**
 * Sends `count` frames at a room over `concurrency` sockets. Each frame is followed by an awareness
 * query, so the server has handled the frame once the socket either answers or is closed.
 */
export async function fireHostileFrames(wsUrl: string, deckId: string, options: { count: number; seed: number; concurrency: number }): Promise<FuzzResult> {
  const frames = hostileFrames(options.seed);
  const result: FuzzResult = { frames: 0, survived: 0, closes: new Map() };
  let remaining = options.count;

  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}/${deckId}`);
      socket.binaryType = "nodebuffer";
      socket.once("open", () => resolve(socket));
      socket.once("error", reject);
    });

  async function lane(): Promise<void> {
    let socket = await open();
    while (remaining > 0) {
      remaining--;
      const next = frames.next().value as Uint8Array;
      result.frames++;
      const outcome = await new Promise<"answered" | number>((resolve) => {
        const onMessage = (data: Buffer) => {
          // The probe's answer is an awareness message; other messages (sync replies) may come first.
          if (data[0] !== MessageType.awareness) return;
          cleanup();
          resolve("answered");
        };
        const onClose = (code: number) => {
          cleanup();
          resolve(code);
        };
        const cleanup = () => {
          socket.off("message", onMessage);
          socket.off("close", onClose);
        };
        socket.on("message", onMessage);
        socket.on("close", onClose);
        socket.send(next);
        socket.send(PROBE);
      });
      if (outcome === "answered") {
        result.survived++;
        continue;
      }
      result.closes.set(outcome, (result.closes.get(outcome) ?? 0) + 1);
      socket = await open();
    }
    socket.close();
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => lane()));
  return result;
}
