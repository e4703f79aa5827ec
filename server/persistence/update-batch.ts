// One update-log entry can hold several Yjs updates: a group commit writes one row per deck with
// every update that deck accepted in the flush window, in order. Concatenating is a copy, where
// merging them with Y.mergeUpdates would cost more CPU than the rest of the write.
// Layout (lib0 encoding): varUint count, then each update as a length-prefixed byte array.
// `update_count` tells the two apart: 1 means the column holds one plain Yjs update.
import * as decoding from "lib0/decoding";

export interface LogEntry {
  update: Uint8Array;
  updateCount: number;
}

export function encodeLogEntry(updates: readonly Uint8Array[]): LogEntry {
  if (updates.length === 1) return { update: updates[0]!, updateCount: 1 };
  // Sized up front and filled in place: a growing encoder would copy the batch several times.
  let size = varUintLength(updates.length);
  for (const update of updates) size += varUintLength(update.byteLength) + update.byteLength;
  const bytes = new Uint8Array(size);
  let offset = writeVarUint(bytes, 0, updates.length);
  for (const update of updates) {
    offset = writeVarUint(bytes, offset, update.byteLength);
    bytes.set(update, offset);
    offset += update.byteLength;
  }
  return { update: bytes, updateCount: updates.length };
}

function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Writes `value` as lib0's varUint (7 bits per byte, low first) and returns the next offset. */
function writeVarUint(bytes: Uint8Array, offset: number, value: number): number {
  while (value > 0x7f) {
    bytes[offset++] = 0x80 | (value & 0x7f);
    value = Math.floor(value / 128);
  }
  bytes[offset++] = value;
  return offset;
}

/** The Yjs updates of one stored entry, oldest first (views into `entry.update`, not copies). */
export function decodeLogEntry(entry: LogEntry): Uint8Array[] {
  if (entry.updateCount === 1) return [entry.update];
  const decoder = decoding.createDecoder(entry.update);
  const count = decoding.readVarUint(decoder);
  if (count !== entry.updateCount) throw new Error(`log entry says ${entry.updateCount} updates but holds ${count}`);
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
  if (decoding.hasContent(decoder)) throw new Error("log entry has bytes after its last update");
  return updates;
}
