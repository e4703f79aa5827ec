// Revocation is immediate, on every instance: two real servers share one PostgreSQL (no Redis).
// Revoking an API token, signing out, a session reaching its expiry, an account disabled from
// another process, a deck archived or purged by the CLI (a separate process): every affected
// WebSocket is downgraded or closed within 2 s, through PostgreSQL's LISTEN/NOTIFY.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_MESSAGES } from "../../core/access";
import { WsCloseCode } from "../../core/ws-close-codes";
import { CREDENTIAL_MESSAGES } from "../../server/access/live-access";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, signIn, type TestUser } from "../support/auth";
import { runCli } from "../support/cli";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
const WITHIN_MS = 2_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: PodiumServer;
let second: PodiumServer;
let work: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  first = await startTestPodium(database.url);
  second = await startTestPodium(database.url);
  work = mkdtempSync(path.join(tmpdir(), "podium-revocation-"));
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await database.drop();
  rmSync(work, { recursive: true, force: true });
});

/** A y-websocket client that records permission-denied reasons and close events. */
async function watched(podium: PodiumServer, deckId: string, headers: Record<string, string>) {
  const client = connectClient(podium.url, deckId, { headers });
  clients.push(client);
  const denied: string[] = [];
  const closes: Array<{ code: number; reason: string; at: number }> = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoder.pos++;
    const length = decoder.arr[decoder.pos++]!;
    denied.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
  };
  client.provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason, at: performance.now() });
  });
  await waitForSync(client);
  return { client, denied, closes };
}

async function deckOf(user: TestUser, markdown = "# Call\n"): Promise<string> {
  return (await first.services.decks.create(markdown, user.user.id)).id;
}

const cookieHeaders = (cookie: string) => ({ cookie, origin: ORIGIN });

async function sql(query: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(query, values);
  } finally {
    await client.end();
  }
}

const cli = (...args: string[]) => runCli(database.url, ...args);

describe("revocation reaches open WebSockets on every instance", () => {
  it("revoking an API token closes the connections it opened, on the other instance too, within 2 s", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user);
    const here = await watched(first, id, user.headers);
    const there = await watched(second, id, user.headers);
    const cookie = await signIn(first, ORIGIN, user.user.email);
    const bySession = await watched(second, id, cookieHeaders(cookie));
    const [token] = await first.services.tokens.list(user.user.id);
    const revokedAt = performance.now();
    expect(await first.services.tokens.revoke(user.user.id, token!.id)).toBe(true);
    for (const connection of [here, there]) {
      await eventually(() => expect(connection.closes[0]).toMatchObject({ code: WsCloseCode.accessRevoked, reason: CREDENTIAL_MESSAGES.tokenRevoked }), WITHIN_MS);
      expect(connection.closes[0]!.at - revokedAt).toBeLessThan(WITHIN_MS);
    }
    // The same account's session is another credential: it stays.
    expect(bySession.closes).toEqual([]);
  });

  it("signing out closes the session's connections on every instance within 2 s", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user);
    const cookie = await signIn(first, ORIGIN, user.user.email);
    const there = await watched(second, id, cookieHeaders(cookie));
    const byToken = await watched(second, id, user.headers);
    const response = await first.services.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { ...cookieHeaders(cookie), "content-type": "application/json" }, body: "{}" }),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(there.closes[0]).toMatchObject({ code: WsCloseCode.accessRevoked, reason: CREDENTIAL_MESSAGES.sessionEnded }), WITHIN_MS);
    expect(byToken.closes).toEqual([]);
  });

  it("a session reaching its expiry closes its connections at that moment", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user);
    const cookie = await signIn(first, ORIGIN, user.user.email);
    const connection = await watched(second, id, cookieHeaders(cookie));
    // Cut short from another process: the connection's timer moves to the new expiry.
    const expiresAt = performance.now() + 1_200;
    await sql(`UPDATE "session" SET expires_at = now() + interval '1200 milliseconds' WHERE user_id = $1`, [user.user.id]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(connection.closes).toEqual([]);
    await eventually(() => expect(connection.closes[0]).toMatchObject({ code: WsCloseCode.accessRevoked, reason: CREDENTIAL_MESSAGES.sessionEnded }), 1_200 + WITHIN_MS);
    expect(connection.closes[0]!.at - expiresAt).toBeLessThan(WITHIN_MS);
  });

  it("an account disabled from another process is closed out on every instance within 2 s", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user);
    const here = await watched(first, id, user.headers);
    const there = await watched(second, id, user.headers);
    await sql(`UPDATE "user" SET banned = true WHERE id = $1`, [user.user.id]);
    for (const connection of [here, there]) {
      await eventually(() => expect(connection.closes[0]).toMatchObject({ code: WsCloseCode.accessRevoked }), WITHIN_MS);
    }
  });

  it("an account disabled with its sessions deleted says so to its session's connections, not 'signed out'", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user);
    const cookie = await signIn(first, ORIGIN, user.user.email);
    const connection = await watched(second, id, cookieHeaders(cookie));
    // What the admin action does: both changes in one transaction, so both notices arrive together.
    await sql(`WITH banned AS (UPDATE "user" SET banned = true WHERE id = $1) DELETE FROM "session" WHERE user_id = $1`, [user.user.id]);
    await eventually(() => expect(connection.closes[0]).toMatchObject({ code: WsCloseCode.accessRevoked, reason: CREDENTIAL_MESSAGES.accountDisabled }), WITHIN_MS);
  });

  it("the CLI's archive downgrades every instance's writers within 2 s, and its purge closes them with 4404", async () => {
    const user = await createTestUser(first);
    const id = await deckOf(user, "# Old call\n");
    await first.services.prisma.deck.updateMany({ where: { id }, data: { updatedAt: new Date(Date.now() - 400 * 86_400_000) } });
    const here = await watched(first, id, user.headers);
    const there = await watched(second, id, user.headers);
    await cli("archive", "--older-than", "365d");
    for (const connection of [here, there]) {
      await eventually(() => expect(connection.denied).toEqual([ACCESS_MESSAGES.downgraded]), WITHIN_MS);
    }
    there.client.text.insert(0, "too late ");
    here.client.text.insert(0, "also late ");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(first.rooms.peek(id)?.text.toString()).toBe("# Old call\n");
    expect(second.rooms.peek(id)?.text.toString()).toBe("# Old call\n");

    await cli("export", "--archived", "--out", path.join(work, "archive.zip"), "--purge");
    for (const connection of [here, there]) {
      await eventually(() => expect(connection.closes[0]).toMatchObject({ code: WsCloseCode.deckDeleted }), WITHIN_MS);
    }
    expect(first.rooms.peek(id)).toBeUndefined();
    expect(second.rooms.peek(id)).toBeUndefined();
  });
});
