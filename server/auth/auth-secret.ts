// The secret that signs session cookies: AUTH_SECRET when given, else one generated on first start
// and kept in DATA_DIR, so `npm start` works with no configuration and sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function loadAuthSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 32) return stored;
    throw new Error(`${file} holds no usable secret (under 32 characters): delete it or set AUTH_SECRET.`);
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": two processes starting at once must not overwrite each other's secret.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return (await readFile(file, "utf8")).trim();
}
