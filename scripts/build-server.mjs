// Compiles the server (server/main.ts and everything it imports from server/ and core/) into one
// JavaScript file, dist/server/main.mjs, which `npm start` runs with plain Node: no TypeScript
// loader stays resident, and nothing is compiled when the first person opens a deck. Packages
// stay in node_modules (imported at run time), so the bundle holds only Podium's own code.
// Next.js builds the pages separately (`next build`); server/project-root.ts finds the folder.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  entryPoints: { main: path.join(root, "server", "main.ts") },
  outdir: path.join(root, "dist", "server"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  // Stack traces in logs point at the TypeScript sources.
  sourcesContent: false,
  logLevel: "warning",
});
