// Access enforced beyond the matrix: permission changes reaching open connections, CSRF for cookie
// sessions, cross-site WebSocket refusal, the sign-in rate limit and its single error message,
// cookie flags, API tokens, the first admin, guests and deck creation — on the real server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as accessRoute from "../../app/api/decks/[id]/access/route";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import * as adminUserRoute from "../../app/api/admin/users/[id]/route";
import * as decksRoute from "../../app/api/decks/route";
import * as tokensRoute from "../../app/api/tokens/route";
import * as tokenRoute from "../../app/api/tokens/[id]/route";
import { ACCESS_MESSAGES } from "../../core/access";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, signIn, TEST_PASSWORD, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let owner: TestUser;
let bob: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { ADMIN_EMAIL: "root@podium.test", ADMIN_PASSWORD: "first admin password" });
  owner = await createTestUser(podium);
  bob = await createTestUser(podium, { name: "Bob" });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** A y-websocket client that records permission-denied reasons and close events. */
function watchedClient(deckId: string, headers: Record<string, string>) {
  const client = connectClient(podium.url, deckId, { headers });
  clients.push(client);
  const denied: string[] = [];
  const closes: Array<{ code: number; reason: string }> = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoder.pos++;
    const length = decoder.arr[decoder.pos++]!;
    denied.push(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
  };
  client.provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return { client, denied, closes };
}

async function sharedDeck(markdown: string): Promise<string> {
  const { id } = await podium.services.decks.create(markdown, owner.user.id);
  await podium.services.access.updateSettings(id, { memberAccess: "none", guestAccess: "none" });
  await podium.services.access.grant(id, bob.user.email, "write");
  return id;
}

async function storedMarkdown(id: string): Promise<string> {
  await podium.updateLog.flush();
  return (await podium.services.prisma.deck.findUniqueOrThrow({ where: { id }, select: { markdown: true } })).markdown;
}

describe("permission changes reach open connections", () => {
  it("a downgrade to read stops the next edit, which is neither stored nor seen, and says why", async () => {
    const id = await sharedDeck("start\n");
    const ownerEditor = watchedClient(id, owner.headers);
    const bobEditor = watchedClient(id, bob.headers);
    await Promise.all([waitForSync(ownerEditor.client), waitForSync(bobEditor.client)]);
    bobEditor.client.text.insert(0, "allowed ");
    await eventually(() => expect(ownerEditor.client.text.toString()).toBe("allowed start\n"));

    await podium.services.access.grant(id, bob.user.email, "read");
    await eventually(() => expect(bobEditor.denied).toEqual([ACCESS_MESSAGES.downgraded]));
    bobEditor.client.text.insert(0, "refused ");
    // A later edit of the owner arrives at Bob, so Bob's refused edit had time to arrive too.
    ownerEditor.client.text.insert(ownerEditor.client.text.length, "owner\n");
    await eventually(() => expect(bobEditor.client.text.toString()).toContain("owner\n"));
    expect(ownerEditor.client.text.toString()).toBe("allowed start\nowner\n");
    expect(await storedMarkdown(id)).toBe("allowed start\nowner\n");
    // Bob still reads along and is still present.
    expect(bobEditor.closes).toEqual([]);
  });

  it("a revoke closes the connection with 4403 and a reason, and the client stays away", async () => {
    const id = await sharedDeck("x");
    const bobEditor = watchedClient(id, bob.headers);
    await waitForSync(bobEditor.client);
    await podium.services.access.removeGrant(id, bob.user.id);
    await eventually(() => expect(bobEditor.closes).toEqual([{ code: WsCloseCode.accessRevoked, reason: ACCESS_MESSAGES.revoked }]));
    expect(bobEditor.client.provider.shouldConnect).toBe(false);
  });

  it("an upgrade to write makes the client reconnect, after which its edits are stored", async () => {
    const id = await sharedDeck("x");
    await podium.services.access.grant(id, bob.user.email, "read");
    const bobEditor = watchedClient(id, bob.headers);
    await waitForSync(bobEditor.client);
    await podium.services.access.grant(id, bob.user.email, "write");
    await eventually(() => expect(bobEditor.closes.map((close) => close.code)).toEqual([WsCloseCode.accessChanged]));
    await eventually(() => expect(bobEditor.client.provider.synced).toBe(true));
    bobEditor.client.text.insert(1, "y");
    await eventually(async () => expect(await storedMarkdown(id)).toBe("xy"));
  });

  it("disabling an account closes its connections and its tokens stop working", async () => {
    const carol = await createTestUser(podium);
    const id = await sharedDeck("x");
    await podium.services.access.grant(id, carol.user.email, "write");
    const carolEditor = watchedClient(id, carol.headers);
    await waitForSync(carolEditor.client);
    const admin = await createTestUser(podium, { admin: true });
    const response = await adminUserRoute.PATCH(
      new Request(`${ORIGIN}/api/admin/users/${carol.user.id}`, { method: "PATCH", headers: admin.headers, body: JSON.stringify({ disabled: true }) }),
      params(carol.user.id),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(carolEditor.closes[0]?.code).toBe(WsCloseCode.accessRevoked));
    const read = await markdownRoute.GET(new Request(`${ORIGIN}/api/decks/${id}/markdown`, { headers: carol.headers }), params(id));
    expect(read.status).toBe(401);
  });
});

describe("cookie sessions", () => {
  it("are httpOnly and SameSite=Lax", async () => {
    const response = await podium.services.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "198.51.100.1" },
        body: JSON.stringify({ email: bob.user.email, password: TEST_PASSWORD }),
      }),
    );
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session_token"));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("need a same-origin request to change anything (CSRF); tokens do not", async () => {
    const id = await sharedDeck("x");
    const cookie = await signIn(podium, ORIGIN, bob.user.email);
    const put = (headers: Record<string, string>) =>
      markdownRoute.PUT(new Request(`${ORIGIN}/api/decks/${id}/markdown`, { method: "PUT", body: "changed", headers: { "content-type": "text/plain", ...headers } }), params(id));
    expect((await put({ cookie })).status).toBe(403);
    expect((await put({ cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await put({ cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await podium.services.decks.markdown(id)).toBe("x");
    expect((await put({ cookie, origin: ORIGIN })).status).toBe(204);
    expect((await put({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(204);
    expect((await put(bob.headers)).status).toBe(204);
    // Reading needs no Origin.
    const read = await markdownRoute.GET(new Request(`${ORIGIN}/api/decks/${id}/markdown`, { headers: { cookie } }), params(id));
    expect(read.status).toBe(200);
  });

  it("open the WebSocket from Podium's own pages only", async () => {
    const id = await sharedDeck("x");
    const cookie = await signIn(podium, ORIGIN, bob.user.email);
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${podium.url.replace("http", "ws")}/ws/${id}`, { headers });
        socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.once("open", () => {
          resolve(101);
          socket.close();
        });
        socket.once("error", () => undefined);
      });
    expect(await status({ cookie, origin: ORIGIN })).toBe(101);
    expect(await status({ cookie, origin: "https://evil.example" })).toBe(403);
    expect(await status({ origin: ORIGIN })).toBe(401);
  });
});

describe("sign-in", () => {
  const attempt = (email: string, password: string, address: string) =>
    podium.services.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": address },
        body: JSON.stringify({ email, password }),
      }),
    );

  it("answers a wrong email and a wrong password alike", async () => {
    const wrongEmail = await attempt("nobody@podium.test", TEST_PASSWORD, "198.51.100.2");
    const wrongPassword = await attempt(bob.user.email, "not the password", "198.51.100.2");
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.status).toBe(wrongEmail.status);
    expect(await wrongPassword.json()).toEqual(await wrongEmail.json());
  });

  it("allows 40 tries per 15 minutes per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await attempt(bob.user.email, `wrong ${i}`, "198.51.100.3")).status);
    expect(statuses.slice(0, 40).every((status) => status === 401)).toBe(true);
    expect(statuses[40]).toBe(429);
    // Even the right password is refused now from this address, but not from another one.
    expect((await attempt(bob.user.email, TEST_PASSWORD, "198.51.100.3")).status).toBe(429);
    expect((await attempt(bob.user.email, TEST_PASSWORD, "198.51.100.4")).status).toBe(200);
  });

  it("made the first admin from ADMIN_EMAIL and ADMIN_PASSWORD", async () => {
    const root = await podium.services.accounts.findByEmail("root@podium.test");
    expect(root).toMatchObject({ role: "admin", disabled: false });
    expect((await attempt("root@podium.test", "first admin password", "198.51.100.5")).status).toBe(200);
  });
});

describe("decks and tokens", () => {
  it("guests may neither create nor list decks; members list only what they may read", async () => {
    const guestCreate = await decksRoute.POST(new Request(`${ORIGIN}/api/decks`, { method: "POST", body: "{}" }));
    expect(guestCreate.status).toBe(401);
    expect((await decksRoute.GET(new Request(`${ORIGIN}/api/decks`))).status).toBe(401);

    const dave = await createTestUser(podium);
    const created = await decksRoute.POST(new Request(`${ORIGIN}/api/decks`, { method: "POST", headers: dave.headers, body: JSON.stringify({ markdown: "# Dave's secret" }) }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const setPrivate = await accessRoute.PATCH(
      new Request(`${ORIGIN}/api/decks/${id}/access`, { method: "PATCH", headers: dave.headers, body: JSON.stringify({ memberAccess: "none" }) }),
      params(id),
    );
    expect(setPrivate.status).toBe(200);
    const titles = async (user: TestUser) =>
      ((await (await decksRoute.GET(new Request(`${ORIGIN}/api/decks`, { headers: user.headers }))).json()) as { decks: Array<{ title: string }> }).decks.map((deck) => deck.title);
    expect(await titles(dave)).toContain("Dave's secret");
    expect(await titles(bob)).not.toContain("Dave's secret");
  });

  it("creates, lists and revokes personal tokens; a revoked token is refused", async () => {
    const erin = await createTestUser(podium);
    const created = await tokensRoute.POST(new Request(`${ORIGIN}/api/tokens`, { method: "POST", headers: erin.headers, body: JSON.stringify({ name: "deck export" }) }));
    expect(created.status).toBe(201);
    const token = (await created.json()) as { id: string; token: string };
    const auth = { authorization: `Bearer ${token.token}` };
    const list = (await (await tokensRoute.GET(new Request(`${ORIGIN}/api/tokens`, { headers: auth }))).json()) as { tokens: Array<Record<string, unknown>> };
    expect(list.tokens.map((entry) => entry.name).sort()).toEqual(["deck export", "tests"]);
    expect(JSON.stringify(list)).not.toContain(token.token);
    const revoked = await tokenRoute.DELETE(new Request(`${ORIGIN}/api/tokens/${token.id}`, { method: "DELETE", headers: erin.headers }), params(token.id));
    expect(revoked.status).toBe(204);
    const refused = await tokensRoute.GET(new Request(`${ORIGIN}/api/tokens`, { headers: auth }));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});

describe("OpenID Connect", () => {
  it("sends the browser to the configured issuer's authorization endpoint", async () => {
    // A tiny fake issuer: only its discovery document is needed to start a sign-in.
    const issuer = http.createServer((request, response) => {
      const base = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
      if (request.url === "/realms/community/.well-known/openid-configuration") {
        response.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            issuer: `${base}/realms/community`,
            authorization_endpoint: `${base}/realms/community/protocol/openid-connect/auth`,
            token_endpoint: `${base}/realms/community/protocol/openid-connect/token`,
            userinfo_endpoint: `${base}/realms/community/protocol/openid-connect/userinfo`,
            jwks_uri: `${base}/realms/community/protocol/openid-connect/certs`,
          }),
        );
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => issuer.listen(0, "127.0.0.1", resolve));
    const issuerUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/realms/community`;
    const oidcPodium = await startTestPodium(database.url, { OIDC_ISSUER: issuerUrl, OIDC_CLIENT_ID: "podium", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Keycloak" });
    try {
      expect(oidcPodium.services.oidcName).toBe("Keycloak");
      const response = await oidcPodium.services.auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-in/oauth2`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN },
          body: JSON.stringify({ providerId: "oidc", callbackURL: "/" }),
        }),
      );
      expect(response.status).toBe(200);
      const { url } = (await response.json()) as { url: string };
      const target = new URL(url);
      expect(`${target.origin}${target.pathname}`).toBe(`${issuerUrl}/protocol/openid-connect/auth`);
      expect(target.searchParams.get("client_id")).toBe("podium");
      expect(target.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/oauth2/callback/oidc`);
      expect(target.searchParams.get("scope")).toContain("openid");
    } finally {
      await oidcPodium.stop();
      await new Promise((resolve) => issuer.close(resolve));
    }
  });
});
