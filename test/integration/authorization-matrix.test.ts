// Every cell of {actor} × {deck access for members and guests} × {operation}, asserted against the
// real server: route handlers on its services, the WebSocket endpoint over a real socket, and the
// editor page's decision. The expected answer of each cell comes from the rule written out below,
// independently of server/access/deck-access.ts.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessRoute from "../../app/api/decks/[id]/access/route";
import * as deckRoute from "../../app/api/decks/[id]/route";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import { ACCESS_LEVELS, type AccessLevel } from "../../core/access";
import { editorPageAccess } from "../../server/access/page-access";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, signIn, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;

type ActorName = "admin" | "owner" | "member with read grant" | "member with write grant" | "member" | "guest" | "revoked token";
const ACTORS: ActorName[] = ["admin", "owner", "member with read grant", "member with write grant", "member", "guest", "revoked token"];

interface Credentials {
  /** For REST and the WebSocket: Authorization: Bearer … (none for the guest). */
  headers: Record<string, string>;
  /** For the page: a cookie session (none for the guest and the revoked token). */
  pageHeaders: Record<string, string>;
  userId?: string;
}
const credentials = new Map<ActorName, Credentials>();
let owner: TestUser;
let readGrantee: TestUser;
let writeGrantee: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  const admin = await createTestUser(podium, { admin: true });
  owner = await createTestUser(podium);
  readGrantee = await createTestUser(podium);
  writeGrantee = await createTestUser(podium);
  const member = await createTestUser(podium);
  const revoked = await createTestUser(podium);
  const [revokedToken] = await podium.services.tokens.list(revoked.user.id);
  await podium.services.tokens.revoke(revoked.user.id, revokedToken!.id);
  const withSession = async (user: TestUser): Promise<Credentials> => ({
    headers: user.headers,
    pageHeaders: { cookie: await signIn(podium, ORIGIN, user.user.email) },
    userId: user.user.id,
  });
  credentials.set("admin", await withSession(admin));
  credentials.set("owner", await withSession(owner));
  credentials.set("member with read grant", await withSession(readGrantee));
  credentials.set("member with write grant", await withSession(writeGrantee));
  credentials.set("member", await withSession(member));
  credentials.set("guest", { headers: {}, pageHeaders: {} });
  credentials.set("revoked token", { headers: revoked.headers, pageHeaders: revoked.headers });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

// The rule, written out: what each actor may do with a deck with these settings.
type Expected = "none" | "read" | "write" | "owner" | "invalid";
function expectedRole(actor: ActorName, memberAccess: AccessLevel, guestAccess: AccessLevel): Expected {
  const rank = (level: AccessLevel) => ACCESS_LEVELS.indexOf(level);
  const best = (...levels: AccessLevel[]) => levels.reduce((a, b) => (rank(a) >= rank(b) ? a : b));
  switch (actor) {
    case "admin":
    case "owner":
      return "owner";
    case "member with read grant":
      return best(memberAccess, guestAccess, "read");
    case "member with write grant":
      return best(memberAccess, guestAccess, "write");
    case "member":
      return best(memberAccess, guestAccess);
    case "guest":
      return guestAccess;
    case "revoked token":
      return "invalid";
  }
}
const canRead = (role: Expected) => role === "read" || role === "write" || role === "owner";
const canWrite = (role: Expected) => role === "write" || role === "owner";
/** The refusal: 401 when signing in could help (guests, bad tokens), 403 for a signed-in user. */
const refusal = (actor: ActorName) => (actor === "guest" || actor === "revoked token" ? 401 : 403);

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (actor: ActorName, path: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...credentials.get(actor)!.headers } });

/** The HTTP status of a WebSocket upgrade (101 when admitted). */
function upgradeStatus(actor: ActorName, deckId: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${podium.url.replace("http", "ws")}/ws/${deckId}`, { headers: credentials.get(actor)!.headers });
    socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.once("open", () => {
      resolve(101);
      socket.close();
    });
    socket.once("error", () => undefined);
  });
}

/** Connects as the actor, types, and reports whether the edit reached the room and the database. */
async function wsWrite(actor: ActorName, deckId: string, marker: string): Promise<"stored" | "dropped"> {
  const client = connectClient(podium.url, deckId, { headers: credentials.get(actor)!.headers });
  let denied: string | null = null;
  // y-protocols' auth message: the server says it dropped our edit.
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoder.pos++;
    const length = decoder.arr[decoder.pos++]!;
    denied = new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length));
  };
  try {
    await waitForSync(client);
    client.text.insert(0, marker);
    let stored = false;
    await eventually(async () => {
      stored = (await podium.services.decks.markdown(deckId))!.includes(marker);
      expect(stored || denied !== null).toBe(true);
    });
    if (stored) return "stored";
    await podium.updateLog.flush();
    const persisted = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id: deckId }, select: { markdown: true } });
    expect(persisted.markdown).not.toContain(marker);
    expect(await podium.services.decks.markdown(deckId)).not.toContain(marker);
    return "dropped";
  } finally {
    client.destroy();
  }
}

async function deckWith(memberAccess: AccessLevel, guestAccess: AccessLevel): Promise<string> {
  const { id } = await podium.services.decks.create("# Matrix\n", owner.user.id);
  await podium.services.access.updateSettings(id, { memberAccess, guestAccess });
  await podium.services.access.grant(id, readGrantee.user.email, "read");
  await podium.services.access.grant(id, writeGrantee.user.email, "write");
  return id;
}

describe("authorization matrix", () => {
  for (const memberAccess of ACCESS_LEVELS) {
    for (const guestAccess of ACCESS_LEVELS) {
      for (const actor of ACTORS) {
        const role = expectedRole(actor, memberAccess, guestAccess);
        it(`${actor} on a deck with member ${memberAccess} / guest ${guestAccess}: ${role}`, async () => {
          const id = await deckWith(memberAccess, guestAccess);
          const cells: Record<string, unknown> = {};
          const want: Record<string, unknown> = {};

          const page = await editorPageAccess(podium.services.access, new Headers(credentials.get(actor)!.pageHeaders), id);
          cells.page = page.kind === "editor" ? `editor:${page.role === "owner" || page.role === "write" ? "write" : "read"}` : page.kind;
          // Browsers send no Authorization header: on a page, a bad token is simply no credentials.
          const pageRole = actor === "revoked token" ? expectedRole("guest", memberAccess, guestAccess) : role;
          want.page = canRead(pageRole) ? `editor:${canWrite(pageRole) ? "write" : "read"}` : refusal(actor) === 401 ? "sign-in" : "forbidden";

          cells.getMarkdown = (await markdownRoute.GET(request(actor, `/api/decks/${id}/markdown`), params(id))).status;
          want.getMarkdown = canRead(role) ? 200 : refusal(actor);

          cells.wsRead = await upgradeStatus(actor, id);
          want.wsRead = canRead(role) ? 101 : refusal(actor);

          cells.wsWrite = canRead(role) ? await wsWrite(actor, id, `ws-${actor}|`) : cells.wsRead;
          want.wsWrite = canWrite(role) ? "stored" : canRead(role) ? "dropped" : refusal(actor);

          const put = await markdownRoute.PUT(
            request(actor, `/api/decks/${id}/markdown`, { method: "PUT", body: "# Put\n", headers: { "content-type": "text/markdown" } }),
            params(id),
          );
          cells.putMarkdown = put.status;
          want.putMarkdown = canWrite(role) ? 204 : refusal(actor);
          const text = await podium.services.decks.markdown(id);
          expect(text === "# Put\n").toBe(canWrite(role));

          const change = await accessRoute.PATCH(
            request(actor, `/api/decks/${id}/access`, { method: "PATCH", body: JSON.stringify({ memberAccess, guestAccess }) }),
            params(id),
          );
          cells.changeAccess = change.status;
          want.changeAccess = role === "owner" ? 200 : refusal(actor);

          const deleted = await deckRoute.DELETE(request(actor, `/api/decks/${id}`, { method: "DELETE" }), params(id));
          cells.delete = deleted.status;
          want.delete = role === "owner" ? 204 : refusal(actor);
          // Deleting moves the deck to the trash (admins restore it for 30 days).
          const row = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id }, select: { deletedAt: true } });
          expect(row.deletedAt !== null).toBe(role === "owner");

          expect(cells).toEqual(want);
        });
      }
    }
  }
});
