// The presenter channel on the real server (real WebSocket, real PostgreSQL): followers follow
// whoever presents now, hand-over and requests, the presenter's connection dropping, read-only
// drivers and floods refused with a close reason while everyone else carries on, and paired
// devices steering the slideshow through the server.
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as pairingsRoute from "../../app/api/decks/[id]/pairings/route";
import * as pairingRoute from "../../app/api/decks/[id]/pairings/[pairingId]/route";
import * as redeemRoute from "../../app/api/decks/[id]/pairings/redeem/route";
import { PresenterClient, type PresenterView } from "../../components/slideshow/presenter-client";
import type { DeckCommand } from "../../core/presenter-keys";
import type { PresenterRole } from "../../core/presenter-protocol";
import { MessageType } from "../../core/sync-protocol";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { PRESENTER_REFUSALS } from "../../server/sync/presenter-channel";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { eventually } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
const GRACE_MS = 400;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let bob: TestUser;
const open: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { PRESENTER_TAKEOVER_GRACE_MS: String(GRACE_MS), PRESENTER_MESSAGES_PER_SECOND: "20" });
  alice = await createTestUser(podium, { name: "Alice" });
  bob = await createTestUser(podium, { name: "Bob" });
});

afterEach(() => {
  for (const client of open.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

interface Peer {
  client: PresenterClient;
  provider: WebsocketProvider;
  view: () => PresenterView;
  commands: DeckCommand[];
  closes: Array<{ code: number; reason: string }>;
}

/** A y-websocket client with the browser's presenter client on it, as a slideshow or remote tab. */
function peer(deckId: string, role: PresenterRole, options: { headers?: Record<string, string>; pairing?: string } = {}): Peer {
  const headers = options.headers ?? {};
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${podium.url.replace(/^http/, "ws")}/ws`, deckId, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    ...(options.pairing ? { params: { pairing: options.pairing } } : {}),
  });
  let latest: PresenterView | null = null;
  const commands: DeckCommand[] = [];
  const closes: Peer["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const client = new PresenterClient(provider, role, (view) => (latest = view), (command) => commands.push(command));
  open.push({ destroy: () => (client.destroy(), provider.destroy(), doc.destroy()) });
  return { client, provider, view: () => latest!, commands, closes };
}

const withOrigin = (user: TestUser) => ({ ...user.headers, origin: ORIGIN });

async function deck(guestAccess: "none" | "read" = "read"): Promise<string> {
  const { id } = await podium.services.decks.create("---\ntype: slide\n---\n# One\n\n---\n\n# Two\n\n---\n\n# Three\n", alice.user.id);
  await podium.services.access.updateSettings(id, { memberAccess: "write", guestAccess });
  return id;
}

async function joined(...peers: Peer[]): Promise<void> {
  await eventually(() => {
    for (const each of peers) expect(each.view()?.me).toBeTypeOf("number");
  });
}

describe("the presenter channel", () => {
  it("a hand-over moves three read-only followers to the new presenter, without them doing anything", async () => {
    const id = await deck();
    const a = peer(id, "slideshow", { headers: alice.headers });
    const b = peer(id, "slideshow", { headers: bob.headers });
    const followers = [peer(id, "slideshow"), peer(id, "slideshow"), peer(id, "slideshow")];
    await joined(a, b, ...followers);
    expect(followers[0]!.view().mayPresent).toBe(false);

    a.client.present({ h: 1, v: 0 });
    await eventually(() => {
      for (const follower of followers) expect(follower.view().state).toMatchObject({ presenter: { name: "Alice", connected: true }, position: { h: 1, v: 0 } });
    });
    // Bob is a candidate (an open slideshow that may present); the guests are not.
    await eventually(() => expect(a.view().state?.candidates).toEqual([{ id: b.view().me, name: "Bob" }]));

    a.client.send({ type: "hand-over", to: b.view().me! });
    await eventually(() => expect(b.view().state?.presenter?.id).toBe(b.view().me));
    b.client.move({ h: 2, v: 0 });
    await eventually(() => {
      for (const follower of followers) expect(follower.view().state).toMatchObject({ presenter: { name: "Bob" }, position: { h: 2, v: 0 } });
    });
    // Alice no longer drives.
    a.client.send({ type: "move", position: { h: 0, v: 0 } });
    await eventually(() => expect(a.view().refused).toBe("You are not presenting this deck."));
    expect(followers[0]!.view().state?.position).toEqual({ h: 2, v: 0 });
  });

  it("someone asks for the deck and the presenter accepts, or declines", async () => {
    const id = await deck();
    const a = peer(id, "slideshow", { headers: alice.headers });
    const b = peer(id, "slideshow", { headers: bob.headers });
    await joined(a, b);
    a.client.present({ h: 0, v: 0 });
    await eventually(() => expect(b.view().state?.presenter?.name).toBe("Alice"));
    b.client.present({ h: 2, v: 0 });
    await eventually(() => expect(b.view().refused).toBe("Alice is presenting: ask them to hand over."));

    b.client.send({ type: "request" });
    await eventually(() => expect(a.view().state?.request).toEqual({ id: b.view().me, name: "Bob" }));
    a.client.send({ type: "decline" });
    await eventually(() => expect(a.view().state?.request).toBeNull());
    b.client.send({ type: "request" });
    await eventually(() => expect(a.view().state?.request?.name).toBe("Bob"));
    a.client.send({ type: "hand-over", to: a.view().state!.request!.id });
    await eventually(() => expect(a.view().state).toMatchObject({ presenter: { name: "Bob" }, request: null, position: { h: 0, v: 0 } }));
  });

  it("when the presenter's connection drops, followers stay, and the deck can be taken over after the grace period", async () => {
    const id = await deck();
    const a = peer(id, "slideshow", { headers: alice.headers });
    const b = peer(id, "slideshow", { headers: bob.headers });
    const follower = peer(id, "slideshow");
    await joined(a, b, follower);
    a.client.present({ h: 1, v: 0 });
    await eventually(() => expect(follower.view().state?.position).toEqual({ h: 1, v: 0 }));

    a.provider.destroy();
    await eventually(() => expect(follower.view().state?.presenter).toMatchObject({ name: "Alice", connected: false }));
    expect(follower.view().state?.position).toEqual({ h: 1, v: 0 });
    b.client.present({ h: 0, v: 0 });
    await eventually(() => expect(b.view().refused).toMatch(/^Alice left; you can take over in \d+ s\.$/));

    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    b.client.present({ h: 1, v: 0 });
    await eventually(() => expect(follower.view().state?.presenter).toMatchObject({ name: "Bob", connected: true }));
  });

  it("refuses a read-only viewer who tries to drive or take over, with a close reason; the others carry on", async () => {
    const id = await deck();
    const a = peer(id, "slideshow", { headers: alice.headers });
    const mallory = peer(id, "slideshow");
    const follower = peer(id, "slideshow");
    await joined(a, mallory, follower);
    a.client.present({ h: 0, v: 0 });
    await eventually(() => expect(mallory.view().state?.presenter?.name).toBe("Alice"));

    mallory.client.present({ h: 2, v: 0 });
    await eventually(() => expect(mallory.closes[0]).toEqual({ code: WsCloseCode.policyViolation, reason: PRESENTER_REFUSALS.readOnly }));
    a.client.move({ h: 1, v: 0 });
    await eventually(() => expect(follower.view().state?.position).toEqual({ h: 1, v: 0 }));
    expect(follower.closes).toEqual([]);
    expect(follower.view().state?.presenter?.name).toBe("Alice");
  });

  it("closes a connection that floods the channel, and one that sends garbage; the others carry on", async () => {
    const id = await deck();
    const a = peer(id, "slideshow", { headers: alice.headers });
    const b = peer(id, "slideshow", { headers: bob.headers });
    const follower = peer(id, "slideshow");
    await joined(a, b, follower);
    a.client.present({ h: 0, v: 0 });
    await eventually(() => expect(follower.view().state?.presenter?.name).toBe("Alice"));

    // Bob's client sends 200 requests at once (the page itself coalesces moves below the limit).
    for (let index = 0; index < 200; index++) b.client.send({ type: "request" });
    await eventually(() => expect(b.closes[0]).toEqual({ code: WsCloseCode.policyViolation, reason: PRESENTER_REFUSALS.flood }));

    const garbage = peer(id, "slideshow", { headers: bob.headers });
    await joined(garbage);
    const bytes = new Uint8Array([MessageType.presenter, 3, 0x7b, 0x22, 0x78]);
    (garbage.provider.ws as unknown as { send(data: Uint8Array): void }).send(bytes);
    await eventually(() => expect(garbage.closes[0]).toEqual({ code: WsCloseCode.unsupportedData, reason: PRESENTER_REFUSALS.malformed }));

    a.client.move({ h: 2, v: 0 });
    await eventually(() => expect(follower.view().state?.position).toEqual({ h: 2, v: 0 }));
    expect(a.closes).toEqual([]);
    expect(follower.closes).toEqual([]);
  });
});

describe("pairing a device", () => {
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const create = async (deckId: string, user: TestUser) => {
    const response = await pairingsRoute.POST(new Request(`${ORIGIN}/api/decks/${deckId}/pairings`, { method: "POST", headers: withOrigin(user) }), params(deckId));
    return { status: response.status, body: (await response.json()) as { id: string; code: string; expiresAt: string } };
  };
  const redeem = async (deckId: string, code: string) => {
    const response = await redeemRoute.POST(
      new Request(`${ORIGIN}/api/decks/${deckId}/pairings/redeem`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) }),
      params(deckId),
    );
    return { status: response.status, body: (await response.json()) as { secret?: string; error?: { message: string } } };
  };

  it("a paired phone steers the presenter's slideshow through the server; the code works once; revoking disconnects it", async () => {
    const id = await deck("none");
    const a = peer(id, "slideshow", { headers: alice.headers });
    await joined(a);
    a.client.present({ h: 0, v: 0 });
    const pairing = await create(id, alice);
    expect(pairing.status).toBe(201);
    expect(pairing.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await podium.services.prisma.presenterPairing.findUniqueOrThrow({ where: { id: pairing.body.id } });
    expect(JSON.stringify(stored)).not.toContain(pairing.body.code.replace(/-/g, ""));

    const redeemed = await redeem(id, pairing.body.code.toLowerCase());
    expect(redeemed.status).toBe(201);
    expect((await redeem(id, pairing.body.code)).status).toBe(401);

    const phone = peer(id, "remote", { pairing: redeemed.body.secret! });
    await joined(phone);
    expect(phone.view()).toMatchObject({ mayPresent: false, mayControl: true });
    phone.client.command("next");
    await eventually(() => expect(a.commands).toEqual(["next"]));
    // A paired device steers; it does not present or edit.
    phone.client.send({ type: "hand-over", to: phone.view().me! });
    await eventually(() => expect(phone.closes[0]).toEqual({ code: WsCloseCode.policyViolation, reason: PRESENTER_REFUSALS.readOnly }));

    const again = peer(id, "remote", { pairing: redeemed.body.secret! });
    await joined(again);
    const revoked = await pairingRoute.DELETE(
      new Request(`${ORIGIN}/api/decks/${id}/pairings/${pairing.body.id}`, { method: "DELETE", headers: withOrigin(alice) }),
      { params: Promise.resolve({ id, pairingId: pairing.body.id }) },
    );
    expect(revoked.status).toBe(204);
    await eventually(() => expect(again.closes[0]?.code).toBe(WsCloseCode.accessRevoked));
  });

  it("refuses a forged or expired code, a forged device secret, and another account's remote", async () => {
    const id = await deck("none");
    expect((await redeem(id, "AAAA-BBBB-CCCC")).body.error?.message).toMatch(/unknown, already used, revoked or expired/);
    const pairing = await create(id, alice);
    await podium.services.prisma.presenterPairing.update({ where: { id: pairing.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await redeem(id, pairing.body.code)).status).toBe(401);

    const forged = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${podium.url.replace(/^http/, "ws")}/ws/${id}?pairing=forged-secret`);
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      socket.on("open", () => resolve(101));
    });
    expect(forged).toBe(401);

    // Bob may edit and is signed in, but Alice presents: his remote does not steer her slides.
    const a = peer(id, "slideshow", { headers: alice.headers });
    const bobsRemote = peer(id, "remote", { headers: bob.headers });
    await joined(a, bobsRemote);
    a.client.present({ h: 0, v: 0 });
    await eventually(() => expect(bobsRemote.view().state?.presenter?.name).toBe("Alice"));
    bobsRemote.client.command("next");
    await eventually(() => expect(bobsRemote.view().refused).toBe("Alice is presenting; only their devices can steer the slides."));
    expect(a.commands).toEqual([]);
  });
});
