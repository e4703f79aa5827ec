// Builds the Next.js app and the compiled server (scripts/build-server.mjs) when there is no build
// yet or the sources changed since the last one, so `npm start` and the browser tests always serve
// the current code without rebuilding needlessly.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "core", "server", "public", "proxy.ts", "next.config.mjs", "package-lock.json", "tsconfig.json"];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((source) => newestChange(path.join(root, source))));

// The server bundle takes about a second: rebuilt whenever it is older than its sources.
const serverBundle = path.join(root, "dist", "server", "main.mjs");
const serverBuiltAt = existsSync(serverBundle) ? statSync(serverBundle).mtimeMs : 0;
const serverChangedAt = Math.max(...["server", "core", "package-lock.json"].map((source) => newestChange(path.join(root, source))));
if (serverBuiltAt <= serverChangedAt) {
  const server = spawnSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], { cwd: root, stdio: "inherit" });
  if (server.status !== 0) process.exit(server.status ?? 1);
}
if (builtAt > changedAt) process.exit(0);

console.log(builtAt ? "Sources changed since the last build: rebuilding…" : "Building the app (first start)…");
// public/vendor/ (the deck frame's reveal.js, themes, KaTeX and script) is generated, not committed.
const vendor = spawnSync(process.execPath, [path.join(root, "scripts", "build-vendor-assets.mjs")], { cwd: root, stdio: "inherit" });
if (vendor.status !== 0) process.exit(vendor.status ?? 1);
const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
