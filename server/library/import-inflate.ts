// Inflates an uploaded zip in a worker thread (import-inflate-worker.mjs), so a large or hostile zip
// never holds up the event loop: every WebSocket keeps flowing while it inflates.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-root";

export interface InflatedZip {
  entries: Array<{ name: string; bytes: Uint8Array }>;
  /** Entries over the largest file size: skipped, each reported by name. */
  oversized: string[];
  entryCount: number;
  unpacked: number;
  /** Which budget ran out first, if one did (the worker stopped there). */
  exceeded: "entries" | "bytes" | null;
  /** Why the zip could not be read, if it could not. */
  failure: string | null;
}

// From the project folder, not this module's URL: `npm start` runs this code bundled in dist/server/.
const WORKER_FILE = path.join(PROJECT_ROOT, "server", "library", "import-inflate-worker.mjs");

export function inflateZip(
  bytes: Uint8Array,
  options: { maxEntries: number; maxUnpackedBytes: number; maxFileBytes: number; ignored: RegExp },
): Promise<InflatedZip> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { bytes, maxEntries: options.maxEntries, maxUnpackedBytes: options.maxUnpackedBytes, maxFileBytes: options.maxFileBytes, ignored: options.ignored.source },
    });
    worker.once("message", (result: InflatedZip) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the zip worker stopped (exit code ${code})`)));
  });
}
