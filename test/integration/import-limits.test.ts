// Bounded imports through the real route and server: one budget per request (files, unpacked
// bytes, zip entries, decks) refused with a 413 that names the limit and leaves nothing imported;
// a real zip bomb that lies about its size; one import at a time per account (429 + Retry-After);
// and WebSocket edits on another deck that keep flowing while a big zip inflates (worker thread).
import { crc32, deflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "../../app/api/import/route";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck } from "../support/deck-fixtures";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
const MiB = 1024 * 1024;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let bob: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, {
    IMPORT_MAX_FILES: "5",
    IMPORT_MAX_UNPACKED_BYTES: String(80 * MiB),
    IMPORT_MAX_ENTRIES: "50",
    IMPORT_MAX_DECKS: "20",
    MEDIA_MAX_BYTES: String(32 * MiB),
    WS_MESSAGES_PER_SECOND: "0",
    IMPORTS_PER_HOUR: "12",
  });
  alice = await createTestUser(podium, { name: "Alice" });
  bob = await createTestUser(podium, { name: "Bob" });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

function postImport(files: Record<string, Uint8Array>, user: TestUser = alice): Promise<Response> {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append("file", new Blob([Buffer.from(bytes)]), name);
  return importRoute.POST(new Request(`${ORIGIN}/api/import`, { method: "POST", body: form, headers: user.headers }));
}

const decksOf = (user: TestUser) => podium.services.prisma.deck.count({ where: { ownerId: user.user.id } });

/**
 * A zip built with Node's native deflate (fast, unlike deflating 100 MB in JavaScript). With
 * `claimedSize`, every header claims each file holds that many bytes: a bomb that lies.
 */
function nativeZip(files: Record<string, Uint8Array>, claimedSize?: number): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const compressed = deflateRawSync(data, { level: 1 });
    const size = claimedSize ?? data.byteLength;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.byteLength, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.byteLength, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    central.push(entry, nameBytes);
    offset += local.byteLength + nameBytes.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const markdownFiles = (count: number, prefix = "deck") =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}-${i}.md`, strToU8(`# Deck ${i}\n`)]));

describe("bounded imports", () => {
  it("refuses a zip bomb that lies about its size with 413 naming IMPORT_MAX_UNPACKED_BYTES, importing nothing", async () => {
    const before = await decksOf(alice);
    const response = await postImport({ "fine.md": strToU8("# Fine\n"), "minutes.zip": nativeZip({ "bomb-a.md": new Uint8Array(50 * MiB), "bomb-b.md": new Uint8Array(50 * MiB) }, 1_000) });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toContain("IMPORT_MAX_UNPACKED_BYTES");
    expect(body.error.message).toContain(String(80 * MiB));
    expect(await decksOf(alice)).toBe(before);
  });

  it("refuses more files than IMPORT_MAX_FILES with 413", async () => {
    const response = await postImport(markdownFiles(6));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("IMPORT_MAX_FILES");
  });

  it("refuses more zip entries than IMPORT_MAX_ENTRIES over all zips of the request with 413", async () => {
    const before = await decksOf(alice);
    const half = (prefix: string) => zipSync(Object.fromEntries(Object.entries(markdownFiles(30, prefix)).map(([name, bytes]) => [`images/${name}.png`, bytes])));
    const response = await postImport({ "a.zip": half("a"), "b.zip": half("b") });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("IMPORT_MAX_ENTRIES");
    expect(await decksOf(alice)).toBe(before);
  });

  it("refuses more decks than IMPORT_MAX_DECKS with 413, creating none", async () => {
    const before = await decksOf(alice);
    const response = await postImport({ "minutes.zip": zipSync(markdownFiles(25)) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("IMPORT_MAX_DECKS");
    expect(await decksOf(alice)).toBe(before);
    // Within the budget, the same kind of upload goes through.
    const fine = await postImport({ "minutes.zip": zipSync(markdownFiles(3, "ok")) });
    expect(fine.status).toBe(200);
    expect(await decksOf(alice)).toBe(before + 3);
  });

  it("runs one import at a time per account: a second one gets 429 with Retry-After, another account is not held up", async () => {
    // Holding the deck table keeps the first import at its first deck.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE deck IN ACCESS EXCLUSIVE MODE");
    let first: Promise<Response>;
    try {
      first = postImport({ "first.md": strToU8("# First\n") });
      await eventually(async () => {
        const second = await postImport({ "second.md": strToU8("# Second\n") });
        expect(second.status).toBe(429);
        expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(((await second.json()) as { error: { message: string } }).error.message).toMatch(/previous import is still running/);
      });
    } finally {
      await locker.query("COMMIT");
      await locker.end();
    }
    expect((await first).status).toBe(200);
    expect((await postImport({ "bob.md": strToU8("# Bob\n") }, bob)).status).toBe(200);
    // Once done, the account may import again.
    expect((await postImport({ "again.md": strToU8("# Again\n") })).status).toBe(200);
  });

  it("limits how often one account imports (IMPORTS_PER_HOUR): 429 with Retry-After, others unaffected", async () => {
    const carol = await createTestUser(podium, { name: "Carol" });
    for (let i = 0; i < 12; i++) expect((await postImport({ [`c${i}.md`]: strToU8(`# C${i}\n`) }, carol)).status).toBe(200);
    const refused = await postImport({ "one-more.md": strToU8("# More\n") }, carol);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("IMPORTS_PER_HOUR");
    expect((await postImport({ "bob-again.md": strToU8("# Bob\n") }, bob)).status).toBe(200);
  });

  it("keeps WebSocket edits on another deck flowing while a big zip inflates", async () => {
    const id = await insertGuestDeck(database.url, "");
    const typist = connectClient(podium.url, id);
    const reader = connectClient(podium.url, id);
    clients.push(typist, reader);
    await Promise.all([waitForSync(typist), waitForSync(reader)]);
    const big = nativeZip({ "a.bin": new Uint8Array(24 * MiB), "b.bin": new Uint8Array(24 * MiB), "c.bin": new Uint8Array(24 * MiB) });
    const arrivals: number[] = [];
    reader.text.observe(() => arrivals.push(performance.now()));
    const typing = setInterval(() => typist.text.insert(typist.text.length, "x"), 10);
    // Lets the collector deal with building the zip before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const started = performance.now();
    const response = await postImport({ "big.zip": big });
    const ended = performance.now();
    clearInterval(typing);
    expect(response.status).toBe(200);
    // Keystrokes arrived throughout the import, with no long silence.
    const during = [started, ...arrivals.filter((at) => at > started && at < ended), ended];
    const longestSilence = Math.max(...during.slice(1).map((at, i) => at - during[i]!));
    expect(during.length).toBeGreaterThan(5);
    expect(longestSilence).toBeLessThan(250);
  });
});
