// Benchmark clients that speak either wire protocol with plain sockets: y-websocket's (Podium and
// the reference room server) and Hocuspocus's (every message prefixed with the document name,
// and an auth message first). They stay light, so thousands fit in the benchmark process, and
// the same client load reaches every server.
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../core/sync-protocol";

export interface SyncServer {
  name: string;
  /** The WebSocket URL for a deck. */
  url(deckId: string): string;
  /** Hocuspocus addresses every message to a document. */
  hocuspocus: boolean;
}

const SYNC = 0;
const AUTH = 2;

function message(server: SyncServer, deckId: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (server.hocuspocus) encoding.writeVarString(encoder, deckId);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(server: SyncServer, deckId: string, update: Uint8Array): Uint8Array {
  return message(server, deckId, (encoder) => {
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export interface BenchClient {
  socket: WebSocket;
  /** Resolves at the server's first sync message (its state), with the time it took. */
  synced: Promise<number>;
  send(data: Uint8Array): void;
  close(): void;
}

/** Connects and starts the handshake: (auth,) sync step 1 with an empty state vector. */
export function connect(server: SyncServer, deckId: string, onMessage?: (data: Buffer) => void): BenchClient {
  const started = performance.now();
  const socket = new WebSocket(server.url(deckId), { perMessageDeflate: false });
  socket.binaryType = "nodebuffer";
  const synced = new Promise<number>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("open", () => {
      if (server.hocuspocus) {
        socket.send(
          message(server, deckId, (encoder) => {
            encoding.writeVarUint(encoder, AUTH);
            encoding.writeVarUint(encoder, 0);
            encoding.writeVarString(encoder, "");
          }),
        );
      }
      socket.send(
        message(server, deckId, (encoder) => {
          encoding.writeVarUint(encoder, SYNC);
          encoding.writeVarUint(encoder, 0);
          encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
        }),
      );
    });
    const prefix = server.hocuspocus ? encoding.encode((encoder) => encoding.writeVarString(encoder, deckId)).length : 0;
    socket.on("message", (data: Buffer) => {
      // Sync step 2 (the server's state for our empty state vector).
      if (data[prefix] === SYNC && data[prefix + 1] === 1) resolve(performance.now() - started);
      onMessage?.(data);
    });
  });
  synced.catch(() => undefined);
  return {
    socket,
    synced,
    send: (data) => socket.send(data),
    close: () => socket.terminate(),
  };
}

/** The keystroke numbers in a message carrying the typist's `#<n>;` inserts (a server may merge updates). */
export function keystrokesIn(data: Buffer): number[] {
  const found: number[] = [];
  for (let at = data.indexOf(0x23); at >= 0; at = data.indexOf(0x23, at + 1)) {
    let n = 0;
    let i = at + 1;
    for (; i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39; i++) n = n * 10 + data[i]! - 0x30;
    if (data[i] === 0x3b && i > at + 1) found.push(n);
  }
  return found;
}

export interface LatencyResult {
  server: string;
  clients: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Every sample, sorted (for pooling several runs). */
  sorted: number[];
}

/** JSON.stringify replacer: results files keep the summary, not every sample. */
export const withoutSamples = (key: string, value: unknown): unknown => (key === "sorted" ? undefined : value);

/** One result from several runs of the same server and client count. */
export function pooledResult(runs: LatencyResult[]): LatencyResult {
  const sorted = runs.flatMap((run) => run.sorted).sort((a, b) => a - b);
  return {
    server: runs[0]!.server,
    clients: runs[0]!.clients,
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    sorted,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * One typist and `listeners` other clients in one deck; the typist types `keystrokes` characters
 * at `perSecond`, each its own update; every listener records when each arrives.
 * `typistServer` lets the typist sit on another instance than the listeners.
 */
export async function measureLatency(
  server: SyncServer,
  deckId: string,
  options: { listeners: number; keystrokes: number; perSecond: number; typistServer?: SyncServer },
): Promise<LatencyResult> {
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  const listeners: BenchClient[] = [];
  for (let i = 0; i < options.listeners; i += 50) {
    const batch = Array.from({ length: Math.min(50, options.listeners - i) }, () =>
      connect(server, deckId, (data) => {
        const now = performance.now();
        for (const n of keystrokesIn(data)) {
          const sent = sentAt.get(n);
          if (sent !== undefined) samples.push(now - sent);
        }
      }),
    );
    listeners.push(...batch);
    await Promise.all(batch.map((client) => client.synced));
  }
  const typistServer = options.typistServer ?? server;
  const typist = connect(typistServer, deckId);
  await typist.synced;
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  let pending: Uint8Array | null = null;
  doc.on("update", (update: Uint8Array) => (pending = update));
  // Warm-up keystrokes (JIT, first allocations) are not measured.
  const warmup = 20;
  const interval = 1000 / options.perSecond;
  const start = performance.now();
  for (let n = 0; n < options.keystrokes + warmup; n++) {
    const due = start + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    text.insert(text.length, `#${n};`);
    if (n >= warmup) sentAt.set(n, performance.now());
    typist.send(updateMessage(typistServer, deckId, pending!));
  }
  const expected = options.keystrokes * options.listeners;
  const deadline = performance.now() + 30_000;
  while (samples.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  typist.close();
  for (const listener of listeners) listener.close();
  doc.destroy();
  if (samples.length < expected) throw new Error(`${server.name}: only ${samples.length} of ${expected} keystrokes arrived`);
  samples.sort((a, b) => a - b);
  return {
    server: server.name,
    clients: options.listeners,
    samples: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.at(-1)!,
    sorted: samples,
  };
}
