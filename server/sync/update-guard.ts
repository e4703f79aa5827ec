// Checks a client's Yjs update before any of it touches a room's document. A deck's document has one
// shape: the Y.Text named "markdown" holding strings (and the tombstones of deleted ones). An update
// that would add anything else (another root, a map key, an embed, a format, binary, a sub-document,
// a nested type) is refused whole, as is one that is malformed, would take the deck over its text
// or encoded-size limit, or would leave too much waiting for dependencies that may never arrive.
//
// The check reads the update's V1 encoding once, by hand, without building Yjs structs: Y.decodeUpdate
// on every keystroke cost more than anything else on the server's path (bench:sync), while this scan
// only reads a few varints and the strings' bytes.
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";

export type RejectionReason = "malformed" | "shape" | "too-large" | "pending";

export class RejectedUpdate extends Error {
  constructor(
    message: string,
    readonly reason: RejectionReason,
  ) {
    super(message);
  }
}

/** What a scan learns about an update. */
export interface UpdateScan {
  /** UTF-16 code units the update's strings insert (an upper bound: some may already be known). */
  insertedChars: number;
  /** Does the update carry structs (not only deletions)? */
  hasStructs: boolean;
  /** Would part of it wait for structs the document does not hold (y's "pending")? */
  waitsForDependencies: boolean;
}

// Content refs of Yjs's V1 encoding (yjs/src/structs/Item.js, contentRefs).
const GC_REF = 0;
const CONTENT_DELETED = 1;
const CONTENT_STRING = 4;
const SKIP_REF = 10;
const BITS5 = 0b11111;
const HAS_PARENT_SUB = 1 << 5;
const HAS_RIGHT_ORIGIN = 1 << 6;
const HAS_ORIGIN = 1 << 7;
const CONTENT_NAMES: Record<number, string> = { 2: "JSON", 3: "binary", 5: "an embed", 6: "a format", 7: "a nested type", 8: "values", 9: "a sub-document" };
const DECK_TEXT_BYTES = new TextEncoder().encode(DECK_TEXT_NAME);

function shape(message: string): never {
  throw new RejectedUpdate(`only text in "${DECK_TEXT_NAME}" is allowed: ${message}`, "shape");
}

/**
 * Reads `update` (y-websocket's V1 encoding) against `doc`'s state; throws RejectedUpdate
 * ("malformed" or "shape") for anything but string content in the markdown text.
 */
export function scanUpdate(update: Uint8Array, doc: Y.Doc): UpdateScan {
  try {
    return scan(update, doc);
  } catch (error) {
    if (error instanceof RejectedUpdate) throw error;
    throw new RejectedUpdate("malformed Yjs update", "malformed");
  }
}

function scan(update: Uint8Array, doc: Y.Doc): UpdateScan {
  const decoder = decoding.createDecoder(update);
  const state = (client: number) => Y.getState(doc.store, client);
  /** Per client: the clock the update's structs end at, when they follow on from the document's state. */
  const endClocks = new Map<number, number>();
  const references: number[] = [];
  let insertedChars = 0;
  let hasStructs = false;
  let waits = false;
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    if (structs > 0) hasStructs = true;
    // A gap before the first struct: the whole block waits.
    const followsOn = clock <= state(client);
    if (!followsOn) waits = true;
    for (let s = 0; s < structs; s++) {
      const info = decoding.readUint8(decoder);
      const ref = info & BITS5;
      if (ref === GC_REF || ref === SKIP_REF) {
        // A skip is a hole in the update: what follows it waits for the hole to be filled.
        if (ref === SKIP_REF) waits = true;
        clock += decoding.readVarUint(decoder);
        continue;
      }
      if (info & HAS_ORIGIN) readReference(decoder, client, clock, references);
      if (info & HAS_RIGHT_ORIGIN) readReference(decoder, client, clock, references);
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        // No neighbour to inherit the parent from: the parent is written out.
        const isRootKey = decoding.readVarUint(decoder) === 1;
        if (!isRootKey) shape("content inside a nested type");
        const key = decoding.readVarUint8Array(decoder);
        if (!sameBytes(key, DECK_TEXT_BYTES)) shape("another root type");
        if (info & HAS_PARENT_SUB) shape(`a map entry on "${DECK_TEXT_NAME}"`);
      } else if (info & HAS_PARENT_SUB) {
        // Yjs ignores it here (the neighbour's wins) but it is no part of a text's encoding.
        throw new RejectedUpdate("malformed Yjs update", "malformed");
      }
      if (ref === CONTENT_STRING) {
        const length = utf16Length(decoding.readVarUint8Array(decoder));
        insertedChars += length;
        clock += length;
      } else if (ref === CONTENT_DELETED) {
        clock += decoding.readVarUint(decoder);
      } else {
        shape(CONTENT_NAMES[ref] ?? `content type ${ref}`);
      }
    }
    if (followsOn) endClocks.set(client, Math.max(clock, endClocks.get(client) ?? 0));
  }
  const known = (client: number) => Math.max(state(client), endClocks.get(client) ?? 0);
  for (let i = 0; i < references.length && !waits; i += 2) {
    if (references[i + 1]! >= known(references[i]!)) waits = true;
  }
  const deletedClients = decoding.readVarUint(decoder);
  for (let c = 0; c < deletedClients; c++) {
    const client = decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      if (clock + length > known(client)) waits = true;
    }
  }
  return { insertedChars, hasStructs, waitsForDependencies: waits };
}

/** Reads an origin ID; remembers other clients' ones, whose presence decides whether the item waits. */
function readReference(decoder: decoding.Decoder, client: number, clock: number, references: number[]): void {
  const refClient = decoding.readVarUint(decoder);
  const refClock = decoding.readVarUint(decoder);
  if (refClient !== client) references.push(refClient, refClock);
  // Yjs trusts a client's own origins to come before the item; one that does not breaks integration half-way.
  else if (refClock >= clock) throw new RejectedUpdate("malformed Yjs update", "malformed");
}

const utf8 = new TextDecoder();

/** The string's length as Yjs will decode it; ASCII (most keystrokes) without a decoder call. */
function utf16Length(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return utf8.decode(bytes).length;
  return bytes.length;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The document an update is checked against (server/sync/room.ts). */
export interface GuardedDocument {
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  /** An upper bound of the document's encoded size, kept cheaply as updates are accepted. */
  encodedSizeBound(): number;
  /** The document's encoded size, measured (Y.encodeStateAsUpdate); resets the bound. */
  measureEncodedSize(): number;
}

export interface UpdateLimits {
  /** The text's length, in UTF-16 code units (MAX_DECK_CHARS). */
  maxChars: number;
  /** The document's encoded size, tombstones and all clients included (MAX_DECK_BYTES). */
  maxBytes: number;
  /** Bytes of updates waiting for missing dependencies (MAX_PENDING_UPDATE_BYTES). */
  maxPendingBytes: number;
}

/** Throws RejectedUpdate unless `update` keeps `target` in its shape and within `limits`. */
export function checkClientUpdate(update: Uint8Array, target: GuardedDocument, limits: UpdateLimits): void {
  const scanned = scanUpdate(update, target.doc);
  if (target.text.length + scanned.insertedChars > limits.maxChars) {
    throw new RejectedUpdate(`the deck would exceed ${limits.maxChars} characters`, "too-large");
  }
  // Deletions alone may pass: they only ever shrink a document that is at its limit.
  if (scanned.hasStructs && target.encodedSizeBound() + update.byteLength > limits.maxBytes) {
    if (target.measureEncodedSize() + update.byteLength > limits.maxBytes) {
      throw new RejectedUpdate(`the deck's document would exceed ${limits.maxBytes} bytes (its edit history included)`, "too-large");
    }
  }
  if (scanned.waitsForDependencies) {
    const { pendingStructs, pendingDs } = target.doc.store;
    const pendingBytes = (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
    if (pendingBytes + update.byteLength > limits.maxPendingBytes) {
      throw new RejectedUpdate(`over ${limits.maxPendingBytes} bytes of edits would wait for edits the server never received`, "pending");
    }
  }
}
