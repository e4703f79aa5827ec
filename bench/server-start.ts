// `npm run bench:start`: the server as `npm start` runs it (compiled, dist/server/main.mjs) against
// the same server run through tsx (`npm run dev`'s loader, what `npm start` ran before), each in
// fresh processes with Next.js: start → listening, resident memory at idle, the first deck opened
// after the start (a deck with a real editing history: connect → its whole state received), and
// resident memory with 500 decks open. Needs the Next build (`npm run build` or `npm start` once).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as decoding from "lib0/decoding";
import pg from "pg";
import * as Y from "yjs";
import { newDeckId } from "../core/deck-id";
import { DECK_TEXT_NAME } from "../core/sync-protocol";
import { createBenchDatabase } from "./bench-database";
import { residentBytes } from "./bench-servers";
import { describeMachine } from "./machine";
import { connect, percentile, type SyncServer } from "./sync-clients";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const OPEN_DECKS = 500;
const READY = /Podium is ready on http:\/\/localhost:(\d+)/;

const MODES = {
  compiled: ["--enable-source-maps", path.join(ROOT, "dist/server/main.mjs")],
  plain: [path.join(ROOT, "dist/server/main.mjs")],
  tsx: ["--import", "tsx", path.join(ROOT, "server/main.ts")],
} as const;
type Mode = keyof typeof MODES;
const MODE_NAMES: Record<Mode, string> = { compiled: "compiled (npm start)", plain: "compiled, no source maps", tsx: "tsx (npm run dev, what npm start ran before)" };

/** A deck typed one character at a time at scattered places, as a long editing session leaves it. */
function editedDeckState(edits: number): { state: Buffer; markdown: string } {
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < edits; i++) {
    if (text.length > 10 && random() < 0.15) text.delete(Math.floor(random() * (text.length - 1)), 1);
    else text.insert(Math.floor(random() * (text.length + 1)), "abcdefghij -\n"[i % 13]!);
  }
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  const markdown = text.toString();
  doc.destroy();
  return { state, markdown };
}

async function insertDeck(client: pg.Client, state: Buffer, markdown: string): Promise<string> {
  const id = newDeckId();
  await client.query("INSERT INTO deck (id, snapshot, markdown, guest_access) VALUES ($1, $2, $3, 'read')", [id, state, markdown]);
  return id;
}

interface Started {
  child: ChildProcess;
  port: number;
  startMs: number;
}

async function startServer(mode: Mode, databaseUrl: string): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, MODES[mode], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", MAX_CONNECTIONS_PER_IP: "0", REDIS_URL: "", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.SERVER_STDERR) process.stderr.write(chunk);
    });
    child.once("exit", (code) => reject(new Error(`server (${mode}) exited with ${code}:\n${output}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return { child, port, startMs: performance.now() - started };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connect → the deck's whole state received (the sync step 2 that completes it has arrived; what
 * the client then spends applying it is its own), checked against the stored text.
 */
async function openDeck(server: SyncServer, deckId: string, markdown: string): Promise<number> {
  const doc = new Y.Doc();
  const client = connect(server, deckId, (data) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return;
    const step = decoding.readVarUint(decoder);
    if (step === 1 || step === 2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  });
  const elapsed = await client.synced;
  client.close();
  const text = doc.getText(DECK_TEXT_NAME).toString();
  doc.destroy();
  if (text !== markdown) throw new Error(`the deck arrived with ${text.length} characters, ${markdown.length} expected`);
  return elapsed;
}

interface ModeResult {
  startMs: number[];
  idleRss: number[];
  firstDeckMs: number[];
  openDecksRss: number;
}

async function measure(mode: Mode, databaseUrl: string, heavy: { id: string; markdown: string }, small: string[]): Promise<ModeResult> {
  const result: ModeResult = { startMs: [], idleRss: [], firstDeckMs: [], openDecksRss: 0 };
  for (let run = 0; run < STARTS; run++) {
    const server = await startServer(mode, databaseUrl);
    const sync: SyncServer = { name: mode, hocuspocus: false, url: (deckId) => `ws://127.0.0.1:${server.port}/ws/${deckId}` };
    try {
      result.startMs.push(server.startMs);
      await pause(2_000);
      result.idleRss.push(await residentBytes(server.child.pid!));
      result.firstDeckMs.push(await openDeck(sync, heavy.id, heavy.markdown));
      if (run === STARTS - 1) {
        const clients = small.map((id) => connect(sync, id));
        await Promise.all(clients.map((client) => client.synced));
        await pause(1_000);
        result.openDecksRss = await residentBytes(server.child.pid!);
        for (const client of clients) client.close();
      }
    } finally {
      await stop(server.child);
    }
  }
  return result;
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(path.join(ROOT, "dist/server/main.mjs"))) {
    throw new Error("Build first: npm run build");
  }
  const database = await createBenchDatabase();
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const history = editedDeckState(60_000);
    const heavy = { id: await insertDeck(client, history.state, history.markdown), markdown: history.markdown };
    const smallState = editedDeckState(200);
    const small: string[] = [];
    for (let i = 0; i < OPEN_DECKS; i++) small.push(await insertDeck(client, smallState.state, smallState.markdown));
    await client.end();

    const modes = (process.env.BENCH_MODES?.split(",") ?? ["compiled", "tsx"]) as Mode[];
    const results = {} as Record<Mode, ModeResult>;
    for (const mode of modes) results[mode] = await measure(mode, database.url, heavy, small);

    console.log(`\n${describeMachine()}; ${database.description}; ${STARTS} fresh starts per mode`);
    console.log(`deck with history: 60,000 single-character edits, ${(history.state.byteLength / 1024).toFixed(0)} KB stored state, ${history.markdown.length} characters\n`);
    console.log("| server | start → listening (median) | RSS at idle | first deck opened (median; each run) | RSS with 500 decks open |");
    console.log("|---|---:|---:|---:|---:|");
    for (const mode of modes) {
      const r = results[mode];
      const runs = r.firstDeckMs.map((ms) => ms.toFixed(0)).join(", ");
      console.log(`| ${MODE_NAMES[mode]} | ${median(r.startMs).toFixed(0)} ms | ${mb(median(r.idleRss))} | ${median(r.firstDeckMs).toFixed(1)} ms (${runs}) | ${mb(r.openDecksRss)} |`);
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
