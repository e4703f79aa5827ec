// `npm run bench:follow`: 100, 500 and 1,000 read-only followers on one deck, spread over several
// client processes (bench/follow-worker.ts: real y-websocket providers with a viewer presence);
// the presenter changes slide 100 times. Records slide change → follower informed (p50, p99,
// max), the server's own fan-out time (podium_fanout_seconds: fan-out start → last frame
// written), its RSS and CPU, and a live edit's propagation to the followers. The server is
// configured for 1,000 clients from 127.0.0.1 (MAX_CONNECTIONS_PER_IP=0).
// Prints a markdown table for docs/benchmarks.md and writes bench/results/follow-latency.json.
//   BENCH_FOLLOWERS=100,500,1000  BENCH_FOLLOW_PROCESSES=4  BENCH_SLIDE_CHANGES=100
//   BENCH_FOLLOW_ADAPTER=channel|awareness  PROFILE_SERVER_DIR=<dir> (a V8 CPU profile of the server)
//   BENCH_PIN=1: the server on CPU 0, the follower processes on CPU 1 (taskset), as bench:sync does
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import * as Y from "yjs";
import { newDeckId } from "../core/deck-id";
import { DECK_TEXT_NAME } from "../core/sync-protocol";
import { hashToken } from "../server/auth/api-tokens";
import { TEST_METRICS_TOKEN } from "../test/support/server-process";
import { connectClient, waitForSync } from "../test/support/yjs-client";
import { createBenchDatabase } from "./bench-database";
import { residentBytes, startPodiumServer, type RunningServer } from "./bench-servers";
import { ADAPTERS } from "./follow-adapters";
import { describeMachine, histogramQuantile } from "./machine";
import { percentile } from "./sync-clients";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_FOLLOWERS ?? "100,500,1000").split(",").map(Number);
const PROCESSES = Number(process.env.BENCH_FOLLOW_PROCESSES ?? 4);
const SLIDE_CHANGES = Number(process.env.BENCH_SLIDE_CHANGES ?? 100);
const INTERVAL_MS = Number(process.env.BENCH_SLIDE_INTERVAL_MS ?? 250);
const EDIT_EVERY = 10;
const adapter = ADAPTERS[process.env.BENCH_FOLLOW_ADAPTER ?? "channel"]!;
const now = () => performance.timeOrigin + performance.now();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row {
  followers: number;
  processes: number;
  samples: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  fanOutP50: number;
  fanOutP99: number;
  editP50: number;
  editP99: number;
  editSamples: number;
  rssMb: number;
  cpuPercent: number;
  connectSeconds: number;
}

/** A deck guests may read only, and a member's API token (members may write) for the presenter. */
async function setUpDeck(databaseUrl: string): Promise<{ deckId: string; token: string }> {
  const doc = new Y.Doc();
  doc.getText(DECK_TEXT_NAME).insert(0, Array.from({ length: SLIDE_CHANGES + 1 }, (_, i) => `# Slide ${i}\n`).join("\n---\n\n"));
  const deckId = newDeckId();
  const token = `podium_bench${randomUUID().replaceAll("-", "")}`;
  const userId = randomUUID();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("INSERT INTO deck (id, snapshot, markdown, guest_access) VALUES ($1, $2, '', 'read')", [deckId, Buffer.from(Y.encodeStateAsUpdate(doc))]);
    await client.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'Presenter', $2, true)`, [userId, `presenter-${userId}@bench.test`]);
    await client.query("INSERT INTO api_token (id, user_id, name, prefix, token_hash) VALUES ($1, $2, 'bench', $3, $4)", [randomUUID(), userId, token.slice(0, 13), hashToken(token)]);
  } finally {
    await client.end();
  }
  return { deckId, token };
}

async function cpuTicks(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

function startWorkers(count: number, baseUrl: string, deckId: string): Promise<ChildProcess[]> {
  const workers: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const processes = Math.min(PROCESSES, count);
  for (let index = 0; index < processes; index++) {
    const worker = fork(path.join(HERE, "follow-worker.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const share = Math.floor(count / processes) + (index < count % processes ? 1 : 0);
    const first = index * Math.ceil(count / processes);
    ready.push(
      new Promise((resolve, reject) => {
        worker.once("exit", (code) => reject(new Error(`follower process exited (${code})`)));
        worker.on("message", (message: { type: string }) => message.type === "ready" && resolve());
      }),
    );
    worker.send({ type: "start", baseUrl, deckId, count: share, first, adapter: Object.keys(ADAPTERS).find((key) => ADAPTERS[key] === adapter) });
    workers.push(worker);
  }
  return Promise.all(ready).then(() => workers);
}

/** BENCH_PIN=1: pins the server to CPU 0 and the follower processes to CPU 1; returns what it did. */
function pin(serverPid: number, workers: ChildProcess[]): string {
  if (process.env.BENCH_PIN !== "1" || os.availableParallelism() < 2) return "not pinned";
  try {
    execFileSync("taskset", ["-a", "-cp", "0", String(serverPid)], { stdio: "ignore" });
    for (const worker of workers) execFileSync("taskset", ["-a", "-cp", "1", String(worker.pid)], { stdio: "ignore" });
    return "server on CPU 0, follower processes on CPU 1 (taskset)";
  } catch {
    return "not pinned (no taskset)";
  }
}
let pinning = "not pinned";

function collect(worker: ChildProcess): Promise<{ slides: Array<[number, number[]]>; edits: Array<[number, number[]]> }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; slides: Array<[number, number[]]>; edits: Array<[number, number[]]> }) => {
      if (message.type !== "samples") return;
      worker.off("message", onMessage);
      resolve(message);
    };
    worker.on("message", onMessage);
    worker.send({ type: "report" });
  });
}

async function run(server: RunningServer, baseUrl: string, followers: number): Promise<Row> {
  const { deckId, token } = await setUpDeck(process.env.BENCH_DATABASE_URL!);
  const presenter = connectClient(baseUrl, deckId, { headers: { authorization: `Bearer ${token}` } });
  presenter.provider.awareness.setLocalStateField("user", { name: "Presenter", color: "#2557d6", colorLight: "#2557d633" });
  await waitForSync(presenter);
  adapter.changeSlide(presenter, 0);

  const connectStarted = performance.now();
  const workers = await startWorkers(followers, baseUrl, deckId);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  pinning = pin(server.pid, workers);
  await pause(1_000);
  const metricsBefore = await (await fetch(server.metricsUrl!, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();

  const sentSlides = new Map<number, number>();
  const sentEdits = new Map<number, number>();
  const cpuBefore = await cpuTicks(server.pid);
  const phaseStarted = performance.now();
  let peakRss = await residentBytes(server.pid);
  for (let change = 1; change <= SLIDE_CHANGES; change++) {
    sentSlides.set(change, now());
    adapter.changeSlide(presenter, change);
    if (change % EDIT_EVERY === 0) {
      const edit = change / EDIT_EVERY;
      sentEdits.set(edit, now());
      presenter.text.insert(presenter.text.length, `\nNote ⟦${edit}⟧`);
    }
    await pause(INTERVAL_MS);
    if (change % 20 === 0) peakRss = Math.max(peakRss, await residentBytes(server.pid));
  }
  await pause(2_000);
  const cpuSeconds = (await cpuTicks(server.pid)) - cpuBefore;
  const elapsed = (performance.now() - phaseStarted) / 1000;
  const metricsAfter = await (await fetch(server.metricsUrl!, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();

  const latencies: number[] = [];
  const editLatencies: number[] = [];
  for (const worker of workers) {
    const { slides, edits } = await collect(worker);
    for (const [slide, times] of slides) {
      const sent = sentSlides.get(slide);
      if (sent !== undefined) for (const at of times) latencies.push(at - sent);
    }
    for (const [edit, times] of edits) {
      const sent = sentEdits.get(edit);
      if (sent !== undefined) for (const at of times) editLatencies.push(at - sent);
    }
  }
  for (const worker of workers) worker.send({ type: "stop" });
  await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve)))));
  presenter.destroy();
  latencies.sort((a, b) => a - b);
  editLatencies.sort((a, b) => a - b);
  const fanOut = fanOutDelta(metricsBefore, metricsAfter);
  return {
    followers,
    processes: Math.min(PROCESSES, followers),
    samples: latencies.length,
    expected: followers * SLIDE_CHANGES,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    fanOutP50: fanOut(0.5) * 1000,
    fanOutP99: fanOut(0.99) * 1000,
    editP50: percentile(editLatencies, 50),
    editP99: percentile(editLatencies, 99),
    editSamples: editLatencies.length,
    rssMb: peakRss / 2 ** 20,
    cpuPercent: ((cpuSeconds / 100) * 100) / elapsed,
    connectSeconds,
  };
}

/** Quantiles of the fan-outs observed between two scrapes (histogram buckets subtracted). */
function fanOutDelta(before: string, after: string): (q: number) => number {
  const name = "podium_fanout_seconds";
  const counts = (text: string) => new Map([...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, "gm"))].map((m) => [m[1]!, Number(m[2])]));
  const a = counts(before);
  const lines = [...counts(after)].map(([le, count]) => `${name}_bucket{le="${le}"} ${count - (a.get(le) ?? 0)}`).join("\n");
  return (q) => histogramQuantile(lines, name, q);
}

const format = (ms: number) => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString("en")) : "–");

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  process.env.BENCH_DATABASE_URL = database.url;
  const server = await startPodiumServer(database.url, { MAX_CONNECTIONS_PER_IP: "0", WS_MESSAGES_PER_SECOND: "0", LOG_LEVEL: "warn" });
  const baseUrl = server.url("x").replace(/\/ws\/x$/, "").replace(/^ws/, "http");
  const rows: Row[] = [];
  const loadBefore = os.loadavg();
  try {
    for (const followers of SIZES) {
      const row = await run(server, baseUrl, followers);
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    await server.stop();
    await database.drop();
  }
  const loadAfter = os.loadavg();
  const machine = describeMachine();
  const load = `load average ${loadBefore.map((n) => n.toFixed(2)).join(" / ")} before, ${loadAfter.map((n) => n.toFixed(2)).join(" / ")} after (1 / 5 / 15 min)`;
  console.log(`\n${machine}; ${load}; adapter: ${adapter.name}; ${pinning}; ${SLIDE_CHANGES} slide changes every ${INTERVAL_MS} ms, a live edit every ${EDIT_EVERY}\n`);
  console.log("| followers | processes | slide → follower p50 / p99 / max (ms) | server fan-out p50 / p99 (ms) | live edit p50 / p99 (ms) | server RSS | server CPU | received |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.followers.toLocaleString("en")} | ${row.processes} | ${format(row.p50)} / ${format(row.p99)} / ${format(row.max)} | ≤ ${format(row.fanOutP50)} / ≤ ${format(row.fanOutP99)} | ${format(row.editP50)} / ${format(row.editP99)} | ${Math.round(row.rssMb)} MB | ${Math.round(row.cpuPercent)} % | ${row.samples.toLocaleString("en")} of ${row.expected.toLocaleString("en")} |`,
    );
  }
  await mkdir(path.join(HERE, "results"), { recursive: true });
  await writeFile(path.join(HERE, "results/follow-latency.json"), JSON.stringify({ machine, load, adapter: adapter.name, pinning, rows }, null, 2));
}

await main();
