// `npm run bench`: the full run for docs/benchmarks.md, one after the other on the same machine.
//  1. Propagation latency with 1, 10, 50 and 200 clients in one deck, with the same client load,
//     through Podium, y-websocket's bare reference room server and Hocuspocus.
//  2. Idle connections: 5,000 connections across 500 decks on one Podium; memory per connection
//     and per open deck.
//  3. The editing trace (synthetic B4, see bench/editing-trace.ts) replayed through Podium into
//     PostgreSQL, against applying it to a bare Y.Doc; stored bytes after compaction; cold load.
//  4. Two Podium instances over Redis (REDIS_URL, default redis://127.0.0.1:6379): cross-instance
//     propagation latency.
// Prints markdown tables and writes bench/results/side-by-side.json.
import { mkdir, writeFile } from "node:fs/promises";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pg from "pg";
import * as Y from "yjs";
import { DECK_TEXT_NAME, MessageType } from "../core/sync-protocol";
import { insertGuestDeck } from "../test/support/deck-fixtures";
import { createBenchDatabase, type BenchDatabase } from "./bench-database";
import { pinServersAndClients, residentBytes, startHocuspocusServer, startPodiumServer, startYWebsocketServer, type RunningServer } from "./bench-servers";
import { syntheticEditingTrace, TRACE_DELETES, TRACE_INSERTS } from "./editing-trace";
import { describeMachine } from "./machine";
import { connect, measureLatency, percentile, pooledResult, updateMessage, withoutSamples, type BenchClient, type LatencyResult } from "./sync-clients";
import { latencyTable } from "./sync-latency";

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? "1,10,50,200").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rounds: every server and client count once per round, interleaved, so that whatever else the
 * machine does at some moment falls on all three servers alike; a cell's samples are pooled.
 */
async function latencySideBySide(database: BenchDatabase): Promise<LatencyResult[]> {
  const servers: RunningServer[] = [await startPodiumServer(database.url), await startYWebsocketServer(), await startHocuspocusServer()];
  const pinning = pinServersAndClients(servers);
  console.log(pinning.description);
  const runs = new Map<string, LatencyResult[]>();
  try {
    let deck = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const listeners of CLIENT_COUNTS) {
        for (const server of servers) {
          const deckId = server.name === "Podium" ? await insertGuestDeck(database.url, "") : `bench-${deck++}`;
          const result = await measureLatency(server, deckId, { listeners, keystrokes: KEYSTROKES, perSecond: 20 });
          const key = `${listeners} ${server.name}`;
          runs.set(key, [...(runs.get(key) ?? []), result]);
          console.log(`round ${round}: ${latencyTable([result]).split("\n")[2]}`);
          await pause(500);
        }
      }
    }
  } finally {
    pinning.unpin();
    await Promise.all(servers.map((server) => server.stop()));
  }
  return [...runs.values()].map(pooledResult);
}

interface IdleResult {
  decks: number;
  connections: number;
  baselineMiB: number;
  oneConnectionPerDeckMiB: number;
  allConnectionsMiB: number;
  /** (all connections − baseline) / connections: each connection with its share of the open decks. */
  perConnectionKiB: number;
  /** (every deck open − baseline) / decks: noisy, the garbage collector runs when it likes. */
  perDeckKiB: number;
}

async function idleConnections(database: BenchDatabase, decks: number, perDeck: number): Promise<IdleResult> {
  const server = await startPodiumServer(database.url, { ROOM_IDLE_MS: "3600000" });
  const clients: BenchClient[] = [];
  try {
    const markdown = `---\ntype: slide\n---\n\n# A deck\n\n${"Some speaker notes and bullet points.\n".repeat(25)}`;
    const ids: string[] = [];
    for (let i = 0; i < decks; i++) ids.push(await insertGuestDeck(database.url, markdown));
    // Warm the server up with one deck, then measure from there.
    const warm = connect(server, ids[0]!);
    await warm.synced;
    warm.close();
    await pause(2_000);
    const baseline = await residentBytes(server.pid);
    const open = async (deckIds: string[]) => {
      for (let i = 0; i < deckIds.length; i += 100) {
        const batch = deckIds.slice(i, i + 100).map((id) => connect(server, id));
        clients.push(...batch);
        await Promise.all(batch.map((client) => client.synced));
      }
    };
    await open(ids);
    await pause(2_000);
    const oneEach = await residentBytes(server.pid);
    for (let round = 1; round < perDeck; round++) await open(ids);
    await pause(2_000);
    const all = await residentBytes(server.pid);
    const mib = (bytes: number) => bytes / 1024 / 1024;
    return {
      decks,
      connections: clients.length,
      baselineMiB: mib(baseline),
      oneConnectionPerDeckMiB: mib(oneEach),
      allConnectionsMiB: mib(all),
      perConnectionKiB: (all - baseline) / clients.length / 1024,
      perDeckKiB: (oneEach - baseline) / decks / 1024,
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop();
  }
}

interface TraceResult {
  operations: number;
  finalLength: number;
  bareYDocSeconds: number;
  /** The client's messages prepared before the clock starts: the server's own path. */
  throughServerSeconds: number;
  ratio: number;
  /** The same with the client producing its updates from the operations while the clock runs. */
  withClientSeconds: number;
  withClientRatio: number;
  snapshotBytes: number;
  logEntriesLeft: number;
  coldLoadFirstMs: number;
  coldLoadMedianMs: number;
}

/** Connects and resolves with the time to receive the deck's whole state, checking its length. */
async function loadTime(server: RunningServer, deckId: string, expectedLength: number): Promise<number> {
  const doc = new Y.Doc();
  const started = performance.now();
  const client = connect(server, deckId, (data) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) return;
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  });
  await client.synced;
  const elapsed = performance.now() - started;
  client.close();
  const length = doc.getText(DECK_TEXT_NAME).length;
  doc.destroy();
  if (length !== expectedLength) throw new Error(`cold load gave ${length} characters, expected ${expectedLength}`);
  return elapsed;
}

type TraceOps = ReturnType<typeof syntheticEditingTrace>;
const applyOp = (text: Y.Text, op: TraceOps[number]) => ("insert" in op ? text.insert(op.pos, op.insert) : text.delete(op.pos, 1));

/**
 * Sends the trace into a new deck, one update per operation, and resolves with the seconds until
 * the server acknowledges the last one as committed. `prepared`: the messages exist before the
 * clock starts; otherwise the client applies each operation to its Y.Doc and sends the update.
 */
async function replayTrace(server: RunningServer, deckId: string, ops: TraceOps, prepared: boolean): Promise<number> {
  let acknowledged = () => {};
  const done = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = connect(server, deckId, (data) => {
    if (data[0] === MessageType.savedState) acknowledged();
  });
  await client.synced;
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  const messages: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => {
    const message = updateMessage(server, deckId, update);
    if (prepared) messages.push(message);
    else client.send(message);
  });
  if (prepared) for (const op of ops) applyOp(text, op);
  const started = performance.now();
  for (let i = 0; i < ops.length; i++) {
    if (prepared) client.send(messages[i]!);
    else applyOp(text, ops[i]!);
    // Let the socket drain now and then, as a typing client's event loop would.
    if (i % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  client.send(encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.savedState);
    encoding.writeVarUint(encoder, 1);
  }));
  await done;
  const seconds = (performance.now() - started) / 1000;
  client.close();
  doc.destroy();
  return seconds;
}

async function editingTrace(database: BenchDatabase): Promise<TraceResult> {
  const ops = syntheticEditingTrace();

  const bare = new Y.Doc();
  const bareText = bare.getText(DECK_TEXT_NAME);
  const started = performance.now();
  for (const op of ops) applyOp(bareText, op);
  const bareYDocSeconds = (performance.now() - started) / 1000;
  const finalLength = bareText.length;
  bare.destroy();

  const env = { ROOM_IDLE_MS: "1000" };
  let server = await startPodiumServer(database.url, env);
  const deckId = await insertGuestDeck(database.url, "");
  let throughServerSeconds: number;
  let withClientSeconds: number;
  try {
    throughServerSeconds = await replayTrace(server, deckId, ops, true);
    withClientSeconds = await replayTrace(server, await insertGuestDeck(database.url, ""), ops, false);
  } catch (error) {
    await server.stop();
    throw error;
  }

  // The room unloads after ROOM_IDLE_MS and compacts what is left of its log.
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  let stored: { snapshot: number; left: number };
  const waitingSince = performance.now();
  for (;;) {
    const { rows } = await db.query<{ snapshot: number; left: string }>(
      "SELECT octet_length(snapshot) AS snapshot, (SELECT count(*) FROM deck_update WHERE deck_id = $1) AS left FROM deck WHERE id = $1",
      [deckId],
    );
    stored = { snapshot: rows[0]!.snapshot, left: Number(rows[0]!.left) };
    if (stored.left === 0 || performance.now() - waitingSince > 600_000) break;
    await pause(200);
  }
  await db.end();

  // Cold: a fresh server process, then the deck loaded again after each unload.
  await server.stop();
  server = await startPodiumServer(database.url, env);
  try {
    const coldLoadFirstMs = await loadTime(server, deckId, finalLength);
    const later: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pause(1_500);
      later.push(await loadTime(server, deckId, finalLength));
    }
    later.sort((a, b) => a - b);
    return {
      operations: ops.length,
      finalLength,
      bareYDocSeconds,
      throughServerSeconds,
      ratio: throughServerSeconds / bareYDocSeconds,
      withClientSeconds,
      withClientRatio: withClientSeconds / bareYDocSeconds,
      snapshotBytes: stored.snapshot,
      logEntriesLeft: stored.left,
      coldLoadFirstMs,
      coldLoadMedianMs: percentile(later, 50),
    };
  } finally {
    await server.stop();
  }
}

async function crossInstance(database: BenchDatabase, redisUrl: string): Promise<LatencyResult[]> {
  const one = await startPodiumServer(database.url, { REDIS_URL: redisUrl });
  const two = await startPodiumServer(database.url, { REDIS_URL: redisUrl });
  const pinning = pinServersAndClients([one, two]);
  try {
    const results: LatencyResult[] = [];
    for (const listeners of [1, 10, 50]) {
      const deckId = await insertGuestDeck(database.url, "");
      const result = await measureLatency(two, deckId, { listeners, keystrokes: KEYSTROKES, perSecond: 20, typistServer: one });
      results.push({ ...result, server: "Podium instance 1 → Redis → instance 2" });
    }
    return results;
  } finally {
    pinning.unpin();
    await Promise.all([one.stop(), two.stop()]);
  }
}

/** BENCH_PARTS=latency,idle,trace,redis runs only those parts (default: all four). */
const PARTS = new Set((process.env.BENCH_PARTS ?? "latency,idle,trace,redis").split(","));

async function main(): Promise<void> {
  const machine = describeMachine();
  const database = await createBenchDatabase();
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  try {
    console.log(`Machine: ${machine}; ${database.description}\n`);
    const report = [`Machine: ${machine}; ${database.description}.`];
    const results: Record<string, unknown> = { machine, database: database.description };
    if (PARTS.has("latency")) {
      console.log("1. Propagation latency, side by side");
      const latency = await latencySideBySide(database);
      results.latency = latency;
      report.push(
        "",
        `### Propagation latency (one typist at 20 keystrokes/s, ${KEYSTROKES} keystrokes × ${ROUNDS} interleaved rounds, N listening clients)`,
        "",
        latencyTable(latency),
      );
    }
    if (PARTS.has("idle")) {
      console.log("\n2. Idle connections");
      const idle = await idleConnections(database, 500, 10);
      console.log(idle);
      results.idle = idle;
      report.push(
        "",
        `### Idle connections: ${idle.connections} connections across ${idle.decks} decks`,
        "",
        `RSS ${idle.baselineMiB.toFixed(0)} MiB after start, ${idle.oneConnectionPerDeckMiB.toFixed(0)} MiB with every deck open, ` +
          `${idle.allConnectionsMiB.toFixed(0)} MiB with all connections: ${idle.perConnectionKiB.toFixed(1)} KiB per connection ` +
          `including its share of the open decks; ${idle.perDeckKiB.toFixed(1)} KiB per open deck with one connection (noisy: GC timing).`,
      );
    }
    if (PARTS.has("trace")) {
      console.log("\n3. Editing trace");
      const trace = await editingTrace(database);
      console.log(trace);
      results.trace = trace;
      report.push(
        "",
        `### Editing trace (synthetic B4: ${TRACE_INSERTS} inserts, ${TRACE_DELETES} deletes)`,
        "",
        `Bare Y.Doc ${trace.bareYDocSeconds.toFixed(2)} s; through Podium into PostgreSQL ${trace.throughServerSeconds.toFixed(2)} s ` +
          `(${trace.ratio.toFixed(2)}×), ${trace.withClientSeconds.toFixed(2)} s with the client's own Y.Doc work on the clock ` +
          `(${trace.withClientRatio.toFixed(2)}×); after compaction ${trace.snapshotBytes} bytes stored (${trace.logEntriesLeft} log entries left); ` +
          `cold load ${trace.coldLoadFirstMs.toFixed(1)} ms in a fresh process, median ${trace.coldLoadMedianMs.toFixed(1)} ms after later unloads.`,
      );
    }
    if (PARTS.has("redis")) {
      console.log("\n4. Two instances over Redis");
      const scaleOut = await crossInstance(database, redisUrl);
      console.log(latencyTable(scaleOut));
      results.scaleOut = scaleOut;
      report.push("", "### Two instances over Redis", "", latencyTable(scaleOut));
    }
    console.log(`\n${report.join("\n")}`);
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/side-by-side.json", JSON.stringify(results, withoutSamples, 2));
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
