// Signing in with OpenID Connect against a real provider (oidc-provider on 127.0.0.1), through
// Podium's real better-auth handler: the redirect to the provider, its login and consent pages,
// the code exchange and userinfo (server to server, over HTTP), email_verified true and false, the
// sign-up policy (invite, OIDC_SIGN_UP=open, invitation links) and signing out. A cookie jar plays
// the browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { createTestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { CookieJar, startOidcProvider, type TestProvider } from "../support/oidc-provider";
import { startTestPodium } from "../support/podium";
import { TEST_ORIGIN } from "../support/sign-up";

const CALLBACK = `${TEST_ORIGIN}/api/auth/oauth2/callback/oidc`;
let provider: TestProvider;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  provider = await startOidcProvider(CALLBACK);
  provider.accounts.set("ada", { email: "ada@idp.example", email_verified: true, name: "Ada" });
  provider.accounts.set("unverified", { email: "bob@idp.example", email_verified: false, name: "Bob" });
  provider.accounts.set("carol", { email: "carol@idp.example", email_verified: true, name: "Carol" });
  provider.accounts.set("dave", { email: "dave@idp.example", email_verified: true, name: "Dave" });
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await provider?.stop();
});

async function startPodium(env: Record<string, string>): Promise<PodiumServer> {
  const database = await createTestDatabase();
  const podium = await startTestPodium(database.url, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    DEFAULT_MEMBER_ACCESS: "none",
    ...env,
  });
  cleanup.push(async () => {
    await podium.stop();
    await database.drop();
  });
  // An admin exists already: nobody signing in below is the instance's first account.
  await createTestUser(podium, { admin: true });
  return podium;
}

/** Requests to Podium go to its better-auth handler (the app is not served over HTTP in these tests). */
async function podiumRequest(podium: PodiumServer, jar: CookieJar, url: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header(url), origin: TEST_ORIGIN };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await podium.services.auth.handler(
    new Request(url, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: "manual" }),
  );
  jar.store(url, response);
  return response;
}

/** The whole browser side of a sign-in: Podium → provider login + consent → Podium's callback. Returns where Podium sends the browser. */
async function signInWithProvider(podium: PodiumServer, jar: CookieJar, login: string): Promise<URL> {
  const start = await podiumRequest(podium, jar, `${TEST_ORIGIN}/api/auth/sign-in/oauth2`, {
    method: "POST",
    body: { providerId: "oidc", callbackURL: "/d/welcome", errorCallbackURL: "/sign-in?next=/d/welcome" },
  });
  expect(start.status, await start.clone().text()).toBe(200);
  let url = ((await start.json()) as { url: string }).url;
  expect(url.startsWith(`${provider.issuer}/auth?`)).toBe(true);
  expect(new URL(url).searchParams.get("code_challenge_method")).toBe("S256");

  let body: URLSearchParams | null = null;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(TEST_ORIGIN)) break;
    const response: Response = await fetch(url, {
      method: body ? "POST" : "GET",
      headers: { cookie: jar.header(url), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: body ?? undefined,
      redirect: "manual",
    });
    jar.store(url, response);
    body = null;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    // The provider's login or consent page: fill in its form as a person would.
    const html: string = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt: string | undefined = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page from the provider (${response.status}):\n${html.slice(0, 500)}`);
    url = new URL(action, url).toString();
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  expect(url.startsWith(`${CALLBACK}?`), url).toBe(true);
  expect(new URL(url).searchParams.get("code")).toBeTruthy();
  const callback = await podiumRequest(podium, jar, url);
  expect(callback.status).toBe(302);
  return new URL(callback.headers.get("location")!, TEST_ORIGIN);
}

async function sessionEmail(podium: PodiumServer, jar: CookieJar): Promise<string | null> {
  const response = await podiumRequest(podium, jar, `${TEST_ORIGIN}/api/auth/get-session`);
  const session = (await response.json()) as { user?: { email: string } } | null;
  return session?.user?.email ?? null;
}

const userRow = (podium: PodiumServer, email: string) => podium.services.prisma.user.findUnique({ where: { email }, select: { emailVerified: true, role: true } });

describe("OIDC sign-in with SIGN_UP=invite and OIDC_SIGN_UP=policy", () => {
  let podium: PodiumServer;
  beforeAll(async () => {
    podium = await startPodium({ SIGN_UP: "invite", OIDC_SIGN_UP: "policy" });
  });

  it("refuses a provider account without an invitation, and says why on the sign-in page", async () => {
    const landing = await signInWithProvider(podium, new CookieJar(), "ada");
    expect(landing.pathname).toBe("/sign-in");
    expect(landing.searchParams.get("error")).toBe("invitation_required");
    expect(landing.searchParams.get("next")).toBe("/d/welcome");
    expect(await userRow(podium, "ada@idp.example")).toBeNull();
  });

  it("lets it in through an invitation link; email_verified makes the address verified and hands over what waited for it", async () => {
    const owner = await createTestUser(podium);
    const { id } = await podium.services.decks.create("# Shared before she joined\n", owner.user.id);
    await podium.services.access.grant(id, "carol@idp.example", "write", owner.user.id);
    const invitation = await podium.services.invitations.create({ maxUses: 1 });
    const jar = new CookieJar();
    jar.set(TEST_ORIGIN, "podium_invitation", invitation.path.split("/").pop()!);

    const landing = await signInWithProvider(podium, jar, "carol");
    expect(landing.pathname).toBe("/d/welcome");
    expect(await sessionEmail(podium, jar)).toBe("carol@idp.example");
    expect(await userRow(podium, "carol@idp.example")).toEqual({ emailVerified: true, role: "member" });
    const carol = (await podium.services.accounts.findByEmail("carol@idp.example"))!;
    expect(await podium.services.access.deckRole({ kind: "user", via: "session", user: carol }, id)).toBe("write");

    // Signing out ends the session; signing in again needs no invitation (the account exists).
    const out = await podiumRequest(podium, jar, `${TEST_ORIGIN}/api/auth/sign-out`, { method: "POST", body: {} });
    expect(out.status).toBe(200);
    expect(await sessionEmail(podium, jar)).toBeNull();
    expect((await signInWithProvider(podium, jar, "carol")).pathname).toBe("/d/welcome");
    expect(await sessionEmail(podium, jar)).toBe("carol@idp.example");
  });
});

describe("OIDC sign-in with OIDC_SIGN_UP=open", () => {
  let podium: PodiumServer;
  beforeAll(async () => {
    podium = await startPodium({ SIGN_UP: "closed", OIDC_SIGN_UP: "open" });
  });

  it("lets every provider account in while local sign-up is closed; email_verified true verifies the address", async () => {
    const jar = new CookieJar();
    expect((await signInWithProvider(podium, jar, "ada")).pathname).toBe("/d/welcome");
    expect(await sessionEmail(podium, jar)).toBe("ada@idp.example");
    expect(await userRow(podium, "ada@idp.example")).toEqual({ emailVerified: true, role: "member" });
  });

  it("email_verified false: the account is made, but its address is not verified, so shares with it wait", async () => {
    const owner = await createTestUser(podium);
    const { id } = await podium.services.decks.create("# Not for whoever claims the address\n", owner.user.id);
    await podium.services.access.grant(id, "bob@idp.example", "read", owner.user.id);
    const jar = new CookieJar();
    expect((await signInWithProvider(podium, jar, "unverified")).pathname).toBe("/d/welcome");
    expect(await userRow(podium, "bob@idp.example")).toEqual({ emailVerified: false, role: "member" });
    const bob = (await podium.services.accounts.findByEmail("bob@idp.example"))!;
    expect(await podium.services.access.deckRole({ kind: "user", via: "session", user: bob }, id)).toBe("none");
    expect((await podium.services.access.settings(id))!.pending.map((pending) => pending.email)).toEqual(["bob@idp.example"]);
  });

  it("an address that already has a password account is not taken over by a provider account", async () => {
    await createTestUser(podium, { email: "dave@idp.example" });
    const landing = await signInWithProvider(podium, new CookieJar(), "dave");
    expect(landing.pathname).toBe("/sign-in");
    expect(landing.searchParams.get("error")).toBe("account_not_linked");
  });
});
