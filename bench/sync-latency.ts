// `npm run bench:sync`: Podium alone. Keystroke-to-other-client latency with 1, 10 and 50 clients
// in one deck (p50, p99); time from a keystroke to its commit in PostgreSQL (the save
// acknowledgement, and the server's own histogram); accepted updates per second persisted.
// Prints markdown tables for docs/benchmarks.md and writes bench/results/sync-latency.json.
import { mkdir, writeFile } from "node:fs/promises";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pg from "pg";
import * as Y from "yjs";
import { DECK_TEXT_NAME, MessageType } from "../core/sync-protocol";
import { insertGuestDeck } from "../test/support/deck-fixtures";
import { TEST_METRICS_TOKEN } from "../test/support/server-process";
import { createBenchDatabase } from "./bench-database";
import { pinServersAndClients, startPodiumServer, type RunningServer } from "./bench-servers";
import { describeMachine, histogramQuantile } from "./machine";
import { connect, measureLatency, percentile, updateMessage, withoutSamples, type LatencyResult } from "./sync-clients";

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);

export interface CommitLatency {
  samples: number;
  ackP50: number;
  ackP99: number;
  histogramP50: number;
  histogramP99: number;
}

/** One typist at 20 keystrokes/s asking, after each, to be told when it is committed. */
export async function measureCommitLatency(server: RunningServer, deckId: string, keystrokes: number): Promise<CommitLatency> {
  const sentAt = new Map<number, number>();
  const delays: number[] = [];
  const client = connect(server, deckId, (data) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.savedState) return;
    const n = decoding.readVarUint(decoder);
    const sent = sentAt.get(n);
    if (sent !== undefined) delays.push(performance.now() - sent);
  });
  await client.synced;
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  let pending: Uint8Array | null = null;
  doc.on("update", (update: Uint8Array) => (pending = update));
  for (let n = 1; n <= keystrokes; n++) {
    text.insert(text.length, "x");
    sentAt.set(n, performance.now());
    client.send(updateMessage(server, deckId, pending!));
    client.send(encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, MessageType.savedState);
      encoding.writeVarUint(encoder, n);
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deadline = performance.now() + 10_000;
  while (delays.length < keystrokes && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  client.close();
  doc.destroy();
  delays.sort((a, b) => a - b);
  const metrics = await (await fetch(server.metricsUrl!, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
  return {
    samples: delays.length,
    ackP50: percentile(delays, 50),
    ackP99: percentile(delays, 99),
    histogramP50: histogramQuantile(metrics, "podium_update_commit_delay_seconds", 0.5) * 1000,
    histogramP99: histogramQuantile(metrics, "podium_update_commit_delay_seconds", 0.99) * 1000,
  };
}

export interface Throughput {
  writers: number;
  updates: number;
  seconds: number;
  perSecond: number;
}

/** `writers` clients each send `each` keystroke updates as fast as they can; time until all are in PostgreSQL. */
export async function measurePersistedThroughput(server: RunningServer, databaseUrl: string, writers: number, each: number): Promise<Throughput> {
  const deckId = await insertGuestDeck(databaseUrl, "");
  const clients = Array.from({ length: writers }, () => connect(server, deckId));
  await Promise.all(clients.map((client) => client.synced));
  const messages = clients.map(() => {
    const doc = new Y.Doc();
    const text = doc.getText(DECK_TEXT_NAME);
    const out: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => out.push(updateMessage(server, deckId, update)));
    for (let i = 0; i < each; i++) text.insert(text.length, "y");
    doc.destroy();
    return out;
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = performance.now();
  // Interleaved, in slices, so every writer is sending at once.
  for (let i = 0; i < each; i += 100) {
    clients.forEach((client, w) => {
      for (const message of messages[w]!.slice(i, i + 100)) client.send(message);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const total = writers * each;
  for (;;) {
    const { rows } = await db.query<{ count: string | null }>(
      "SELECT sum(update_count) AS count FROM deck_update WHERE deck_id = $1",
      [deckId],
    );
    if (Number(rows[0]!.count) >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const seconds = (performance.now() - started) / 1000;
  await db.end();
  for (const client of clients) client.close();
  return { writers, updates: total, seconds, perSecond: total / seconds };
}

export function latencyTable(results: LatencyResult[]): string {
  const rows = results.map((r) => `| ${r.server} | ${r.clients} | ${r.samples} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} |`);
  return ["| server | listening clients | samples | p50 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|", ...rows].join("\n");
}

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  // No compaction during the run: the throughput phase counts log rows.
  const server = await startPodiumServer(database.url, { COMPACT_AFTER_UPDATES: "10000000" });
  try {
    const latency: LatencyResult[] = [];
    const pinning = pinServersAndClients([server]);
    console.log(pinning.description);
    try {
      for (const listeners of [1, 10, 50]) {
        const deckId = await insertGuestDeck(database.url, "");
        latency.push(await measureLatency(server, deckId, { listeners, keystrokes: KEYSTROKES, perSecond: 20 }));
        console.log(latencyTable(latency.slice(-1)).split("\n")[2]);
      }
    } finally {
      pinning.unpin();
    }
    const commit = await measureCommitLatency(server, await insertGuestDeck(database.url, ""), KEYSTROKES);
    const throughput = await measurePersistedThroughput(server, database.url, 10, 5_000);
    const machine = describeMachine();
    const report = [
      `Machine: ${machine}; ${database.description}.`,
      "",
      `Keystroke to other clients (one typist at 20 keystrokes/s, ${KEYSTROKES} keystrokes):`,
      "",
      latencyTable(latency),
      "",
      `Keystroke to commit in PostgreSQL (${commit.samples} keystrokes, FLUSH_INTERVAL_MS=10): save acknowledgement p50 ` +
        `${commit.ackP50.toFixed(1)} ms, p99 ${commit.ackP99.toFixed(1)} ms; server histogram p50 ≤ ${commit.histogramP50} ms, p99 ≤ ${commit.histogramP99} ms.`,
      "",
      `Persisted throughput: ${throughput.writers} writers, ${throughput.updates} single-keystroke updates, all committed in ` +
        `${throughput.seconds.toFixed(2)} s = ${Math.round(throughput.perSecond)} updates/s.`,
    ].join("\n");
    console.log(`\n${report}`);
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/sync-latency.json", JSON.stringify({ machine, database: database.description, latency, commit, throughput }, withoutSamples, 2));
  } finally {
    await server.stop();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
