// A server whose parent died: its stdout and stderr pipes are closed while it keeps writing to them.
// It must go on serving without spinning on the errors, and still stop cleanly on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "../../server/free-port";
import { createTestDatabase } from "../support/database";
import { TEST_SERVER_ENV } from "../support/server-process";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CLOCK_TICKS_PER_SECOND = 100;

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

/** CPU seconds (user + system) the process has used so far (Linux /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

it("keeps serving with its stdout and stderr closed, without spinning, and exits 0 on SIGTERM", async () => {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/support/closed-pipes-child.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_SERVER_ENV, NODE_ENV: "test", HOST: "127.0.0.1", LOG_LEVEL: "info", DATABASE_URL: database.url, PORT: String(port), AUTH_SECRET: "test-secret-test-secret-test-secret-0123" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Podium is ready")) resolve();
      });
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
    });
    // The parent goes away: the read ends of both pipes close.
    child.stdout!.destroy();
    child.stderr!.destroy();

    // Every 20 ms it writes to both; give it a few hundred such writes into the closed pipes.
    let served = 0;
    const before = await cpuSeconds(child.pid!);
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/no-such-page`);
      expect(response.status).toBe(404);
      await response.text();
      served++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(served).toBe(10);
    expect(child.exitCode).toBeNull();
    // Spinning on its own errors it used ~0.6 CPU seconds per second; idle writing, a small fraction.
    const used = (await cpuSeconds(child.pid!)) - before;
    expect(used).toBeLessThan(0.5);

    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}, 60_000);
