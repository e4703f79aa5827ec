// Runs Podium (test/support/podium-child.ts) in a child process, so a test can kill -9 it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The METRICS_TOKEN of servers started here (benchmarks scrape /metrics with it). */
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";
/**
 * What every test server runs with: the suite signs strangers up freely, shares decks with every
 * member and creates many decks, as before sign-up policies and rate limits existed; the tests of
 * those (sign-up-policy, verified-addresses, account-rate-limits, metrics-access) set their own.
 */
export const TEST_SERVER_ENV: Record<string, string> = {
  SIGN_UP: "open",
  DEFAULT_MEMBER_ACCESS: "write",
  DECKS_PER_HOUR: "100000",
  API_TOKENS_PER_HOUR: "100000",
  MEDIA_UPLOADS_PER_HOUR: "100000",
  METRICS_TOKEN: TEST_METRICS_TOKEN,
};
const READY = /Podium is ready on http:\/\/localhost:(\d+)/;

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** kill -9: no flush, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM: the normal shutdown (flushes first). */
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  // PROFILE_SERVER_DIR=<dir>: the server writes a V8 CPU profile there when it stops (benchmarks).
  const profile = process.env.PROFILE_SERVER_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_SERVER_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(ROOT, "test/support/podium-child.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      // A fixed secret keeps the server from writing one into DATA_DIR.
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      ...TEST_SERVER_ENV,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server process exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  // SERVER_STDERR=1: pass the server's stderr through (debugging a benchmark).
  if (process.env.SERVER_STDERR) child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
