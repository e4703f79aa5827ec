// Inflates one uploaded zip off the event loop (server/library/import-inflate.ts starts it in a
// worker thread), counting the bytes it really produces, whatever the zip's headers claim: past the
// request's remaining budget (entries or unpacked bytes) it stops at once and says which limit.
// Plain JavaScript: a worker thread cannot rely on the TypeScript loader of the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { Unzip, UnzipInflate } from "fflate";

const { bytes, maxEntries, maxUnpackedBytes, maxFileBytes, ignored } = workerData;
const ignoredPattern = new RegExp(ignored);
const CHUNK = 64 * 1024;

const entries = [];
const oversized = [];
let entryCount = 0;
let unpacked = 0;
let exceeded = null;
let failure = null;

const unzip = new Unzip((file) => {
  if (exceeded || file.name.endsWith("/") || ignoredPattern.test(file.name)) return;
  if (++entryCount > maxEntries) {
    exceeded = "entries";
    return;
  }
  const chunks = [];
  let size = 0;
  file.ondata = (error, data, final) => {
    if (exceeded) return;
    if (error) {
      failure = error.message;
      return;
    }
    size += data.length;
    unpacked += data.length;
    if (unpacked > maxUnpackedBytes) {
      exceeded = "bytes";
      file.terminate();
      return;
    }
    if (size > maxFileBytes) {
      oversized.push(file.name);
      file.terminate();
      return;
    }
    chunks.push(data);
    if (final) entries.push({ name: file.name, bytes: concat(chunks, size) });
  };
  file.start();
});
unzip.register(UnzipInflate);

try {
  for (let offset = 0; offset < bytes.length && !exceeded && !failure; offset += CHUNK) {
    unzip.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
  }
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
}

parentPort.postMessage(
  { entries, oversized, entryCount, unpacked, exceeded, failure },
  entries.map((entry) => entry.bytes.buffer),
);

function concat(chunks, size) {
  if (chunks.length === 1 && chunks[0].byteOffset === 0 && chunks[0].byteLength === chunks[0].buffer.byteLength) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
