// The repository's root folder, where node_modules/, prisma/ and the Next.js build live. Found by
// walking up from this module: it is server/ when run through tsx (development, tests) and
// dist/server/ when `npm start` runs the compiled bundle (scripts/build-server.mjs).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: cannot find Podium's folder.`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
