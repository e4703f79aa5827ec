// The servers a benchmark compares, each in its own process: Podium (test/support/podium-child.ts,
// the sync server without Next.js), y-websocket's bare reference room server and Hocuspocus
// (bench/reference-servers/, installed there on first use so their yjs stays out of our tree).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess } from "../test/support/server-process";
import type { SyncServer } from "./sync-clients";

const ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const REFERENCE = path.join(ROOT, "bench/reference-servers");

export interface RunningServer extends SyncServer {
  pid: number;
  /** Podium only: its Prometheus endpoint. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

/** Podium tuned for benchmarking: no per-address or rate limits (all clients come from 127.0.0.1). */
export async function startPodiumServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServerProcess({
    DATABASE_URL: databaseUrl,
    PORT: "0",
    LOG_LEVEL: "warn",
    MAX_CONNECTIONS_PER_IP: "0",
    WS_MESSAGES_PER_SECOND: "0",
    // One instance unless the caller asks for Redis (the benchmark's own REDIS_URL is for part 4).
    REDIS_URL: "",
    ...env,
  });
  const base = server.url.replace("http", "ws");
  return {
    name: env.REDIS_URL ? "Podium (Redis)" : "Podium",
    hocuspocus: false,
    url: (deckId) => `${base}/ws/${deckId}`,
    pid: server.child.pid!,
    metricsUrl: `${server.url}/metrics`,
    stop: () => server.stop(),
  };
}

function ensureReferenceServers(): void {
  if (existsSync(path.join(REFERENCE, "node_modules/@hocuspocus/server"))) return;
  console.log("Installing the reference servers into bench/reference-servers (first run only)…");
  execFileSync("npm", ["install", "--prefix", REFERENCE, "--no-audit", "--no-fund"], { stdio: "inherit" });
}

function startReference(script: string): Promise<{ port: number; child: ChildProcess }> {
  ensureReferenceServers();
  const child = spawn(process.execPath, [path.join(REFERENCE, script)], {
    cwd: REFERENCE,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), child });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
}

const stopChild = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

export async function startYWebsocketServer(): Promise<RunningServer> {
  const { port, child } = await startReference("y-websocket-server.mjs");
  return {
    name: "y-websocket reference (@y/websocket-server 0.1.1)",
    hocuspocus: false,
    url: (deckId) => `ws://127.0.0.1:${port}/${deckId}`,
    pid: child.pid!,
    stop: stopChild(child),
  };
}

export async function startHocuspocusServer(): Promise<RunningServer> {
  const { port, child } = await startReference("hocuspocus-server.mjs");
  const version = JSON.parse(await readFile(path.join(REFERENCE, "node_modules/@hocuspocus/server/package.json"), "utf8")).version as string;
  return {
    name: `Hocuspocus ${version}`,
    hocuspocus: true,
    url: () => `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: stopChild(child),
  };
}

/** Resident memory of a process, in bytes. */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb * 1024;
}

/**
 * On a machine with two or more cores, runs the servers on CPU 0 and this process (the clients) on
 * CPU 1, so the client load does not preempt the server it measures (the same for every server;
 * PostgreSQL and Redis are not pinned). BENCH_PIN=0 turns it off; without `taskset` it does
 * nothing. Returns what it did, and a function that lets this process use every CPU again.
 */
export function pinServersAndClients(servers: RunningServer[]): { description: string; unpin(): void } {
  const cpus = os.availableParallelism();
  const none = (description: string) => ({ description, unpin: () => {} });
  if (process.env.BENCH_PIN === "0" || cpus < 2) return none("not pinned");
  try {
    for (const server of servers) execFileSync("taskset", ["-a", "-cp", "0", String(server.pid)], { stdio: "ignore" });
    execFileSync("taskset", ["-a", "-cp", "1", String(process.pid)], { stdio: "ignore" });
  } catch {
    return none("not pinned (no taskset)");
  }
  return {
    description: "servers pinned to CPU 0, clients to CPU 1 (taskset)",
    unpin: () => execFileSync("taskset", ["-a", "-cp", `0-${cpus - 1}`, String(process.pid)], { stdio: "ignore" }),
  };
}
