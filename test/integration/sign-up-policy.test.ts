// Who may join (SIGN_UP, SIGN_UP_DOMAINS, invitations), through better-auth's real sign-up handler
// and our route handlers, on a real server and PostgreSQL. The OIDC side is in oidc.test.ts.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as invitationRoute from "../../app/api/admin/invitations/[id]/route";
import * as invitationsRoute from "../../app/api/admin/invitations/route";
import * as acceptRoute from "../../app/api/invitations/[token]/route";
import { loadConfig } from "../../server/config";
import type { PodiumServer } from "../../server/podium";
import { createTestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { asBrowser, signUpByEmail, tokenOf } from "../support/sign-up";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

interface Instance {
  podium: PodiumServer;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
}

async function start(env: Record<string, string>): Promise<Instance> {
  const database = await createTestDatabase();
  return { database, podium: await startTestPodium(database.url, env) };
}

async function stop(instance: Instance | undefined): Promise<void> {
  await instance?.podium.stop();
  await instance?.database.drop();
}

const stored = (instance: Instance, email: string) =>
  instance.podium.services.prisma.user.findUniqueOrThrow({ where: { email }, select: { role: true, emailVerified: true } });

it("defaults to invitations only, and members get read access to new decks", () => {
  const config = loadConfig({ NODE_ENV: "test" });
  expect(config.SIGN_UP).toBe("invite");
  expect(config.DEFAULT_MEMBER_ACCESS).toBe("read");
  expect(config.OIDC_SIGN_UP).toBe("policy");
});

describe("SIGN_UP=invite", () => {
  let instance: Instance;
  let adminCookie: string;
  const create = (body: Record<string, unknown>) =>
    invitationsRoute.POST(asBrowser(adminCookie, "/api/admin/invitations", { method: "POST", body })).then(async (response) => {
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as { id: string; path: string; status: string };
    });

  beforeAll(async () => {
    instance = await start({ SIGN_UP: "invite" });
  });
  afterAll(() => stop(instance));

  it("lets the first account of a fresh instance in as its admin, and nobody after it without an invitation", async () => {
    const first = await signUpByEmail(instance.podium, "founder@podium.test");
    expect(first.status).toBe(200);
    adminCookie = first.cookie!;
    expect(await stored(instance, "founder@podium.test")).toEqual({ role: "admin", emailVerified: false });

    const stranger = await signUpByEmail(instance.podium, "stranger@elsewhere.example");
    expect(stranger.status).toBe(403);
    expect(stranger.message).toMatch(/invitation only/);
    expect(await instance.podium.services.prisma.user.count({ where: { email: "stranger@elsewhere.example" } })).toBe(0);
  });

  it("a single-use link lets one person in, as the role it names, and refuses the next", async () => {
    const invitation = await create({ role: "member", maxUses: 1, expiresInDays: 7 });
    expect((await signUpByEmail(instance.podium, "one@podium.test", { invitation: tokenOf(invitation.path) })).status).toBe(200);
    expect(await stored(instance, "one@podium.test")).toEqual({ role: "member", emailVerified: false });
    const again = await signUpByEmail(instance.podium, "two@podium.test", { invitation: tokenOf(invitation.path) });
    expect(again.status).toBe(403);
    expect(again.message).toMatch(/not valid any more/);

    const admins = await create({ role: "admin", maxUses: null });
    for (const email of ["a1@podium.test", "a2@podium.test"]) {
      expect((await signUpByEmail(instance.podium, email, { invitation: tokenOf(admins.path) })).status).toBe(200);
      expect((await stored(instance, email)).role).toBe("admin");
    }
  });

  it("two people racing for a single-use link: exactly one gets in", async () => {
    const invitation = await create({ maxUses: 1 });
    const results = await Promise.all(
      ["race1@podium.test", "race2@podium.test", "race3@podium.test"].map((email) => signUpByEmail(instance.podium, email, { invitation: tokenOf(invitation.path) })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 403, 403]);
  });

  it("a link for one address verifies it, and refuses any other address", async () => {
    const invitation = await create({ email: "Invited@Podium.test", maxUses: 1 });
    const other = await signUpByEmail(instance.podium, "someone-else@podium.test", { invitation: tokenOf(invitation.path) });
    expect(other.status).toBe(403);
    expect(other.message).toMatch(/another email address/);
    expect((await signUpByEmail(instance.podium, "invited@podium.test", { invitation: tokenOf(invitation.path) })).status).toBe(200);
    expect(await stored(instance, "invited@podium.test")).toEqual({ role: "member", emailVerified: true });
  });

  it("revoked, expired and made-up links let nobody in", async () => {
    const revoked = await create({ maxUses: null });
    const response = await invitationRoute.DELETE(asBrowser(adminCookie, `/api/admin/invitations/${revoked.id}`, { method: "DELETE" }), {
      params: Promise.resolve({ id: revoked.id }),
    });
    expect(((await response.json()) as { status: string }).status).toBe("revoked");
    expect((await signUpByEmail(instance.podium, "late@podium.test", { invitation: tokenOf(revoked.path) })).status).toBe(403);

    const expired = await create({ maxUses: null });
    await instance.podium.services.prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const tooLate = await signUpByEmail(instance.podium, "later@podium.test", { invitation: tokenOf(expired.path) });
    expect(tooLate.status).toBe(403);
    expect(tooLate.message).toMatch(/expired, was revoked or was used up/);

    const madeUp = await signUpByEmail(instance.podium, "guess@podium.test", { invitation: "x".repeat(43) });
    expect(madeUp.status).toBe(403);
    expect(await instance.podium.services.prisma.user.count({ where: { email: { in: ["late@podium.test", "later@podium.test", "guess@podium.test"] } } })).toBe(0);
  });

  it("only admins list and create invitations", async () => {
    const member = await createTestUser(instance.podium);
    const request = new Request("http://podium.test/api/admin/invitations", {
      method: "POST",
      headers: { ...member.headers, "content-type": "application/json" },
      body: JSON.stringify({ maxUses: null }),
    });
    expect((await invitationsRoute.POST(request)).status).toBe(403);
    const listing = await invitationsRoute.GET(asBrowser(adminCookie, "/api/admin/invitations"));
    const body = (await listing.json()) as { signUp: { mode: string }; invitations: unknown[] };
    expect(body.signUp.mode).toBe("invite");
    expect(body.invitations.length).toBeGreaterThan(3);
  });

  it("bad invitation settings get a clear 400", async () => {
    for (const body of [{ expiresInDays: 0 }, { expiresInDays: 9999 }, { maxUses: 0 }, { maxUses: 1.5 }, { email: "not an address" }, { role: "owner" }]) {
      const response = await invitationsRoute.POST(asBrowser(adminCookie, "/api/admin/invitations", { method: "POST", body }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    }
  });

  it("a signed-in member accepts an admin invitation and becomes admin; a used-up one is refused", async () => {
    const member = await signUpByEmail(instance.podium, "promoted@podium.test", { invitation: tokenOf((await create({ maxUses: 1 })).path) });
    const invitation = await create({ role: "admin", maxUses: 1 });
    const accept = () => acceptRoute.POST(asBrowser(member.cookie!, invitation.path.replace("/invite/", "/api/invitations/"), { method: "POST", body: {} }), {
      params: Promise.resolve({ token: tokenOf(invitation.path) }),
    });
    const accepted = await accept();
    expect(accepted.status).toBe(200);
    expect((await stored(instance, "promoted@podium.test")).role).toBe("admin");
    const again = await accept();
    expect(again.status).toBe(409);
  });

  it("the CLI creates, lists and revokes invitations", async () => {
    const env = { ...process.env, DATABASE_URL: instance.database.url, AUTH_SECRET: "test-secret-test-secret-test-secret-0123", PUBLIC_URL: "https://podium.example", NODE_ENV: "test" as const, LOG_LEVEL: "silent" };
    const cli = (...args: string[]) => exec(process.execPath, ["--import", "tsx", "server/cli.ts", ...args], { cwd: ROOT, env });
    const created = await cli("invite", "create", "--email", "cli@podium.test", "--role", "admin", "--days", "3");
    const link = created.stdout.trim().split("\n").pop()!;
    expect(link).toMatch(/^https:\/\/podium\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    expect((await signUpByEmail(instance.podium, "cli@podium.test", { invitation: link.split("/").pop()! })).status).toBe(200);
    expect(await stored(instance, "cli@podium.test")).toEqual({ role: "admin", emailVerified: true });

    const multi = await cli("invite", "create", "--unlimited");
    const id = /Invitation ([0-9a-f-]{36})/.exec(multi.stdout)![1]!;
    expect((await instance.podium.services.invitations.list()).find((invitation) => invitation.id === id)).toMatchObject({ status: "active", maxUses: null });
    expect((await cli("invite", "revoke", id)).stdout).toContain(`Revoked invitation ${id}`);
    expect((await instance.podium.services.invitations.list()).find((invitation) => invitation.id === id)?.status).toBe("revoked");
  }, 180_000);
});

describe("SIGN_UP=open with SIGN_UP_DOMAINS", () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await start({ SIGN_UP: "open", SIGN_UP_DOMAINS: "community.example, @Partner.example" });
    await createTestUser(instance.podium, { admin: true });
  });
  afterAll(() => stop(instance));

  it("lets in addresses at the listed domains only, unverified", async () => {
    expect((await signUpByEmail(instance.podium, "lead@community.example")).status).toBe(200);
    expect((await signUpByEmail(instance.podium, "guest@partner.example")).status).toBe(200);
    expect(await stored(instance, "lead@community.example")).toEqual({ role: "member", emailVerified: false });
    const outsider = await signUpByEmail(instance.podium, "mallory@community.example.evil");
    expect(outsider.status).toBe(403);
    expect(outsider.message).toMatch(/community's own domains/);
  });
});

describe("SIGN_UP=closed", () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await start({ SIGN_UP: "closed" });
  });
  afterAll(() => stop(instance));

  it("refuses every sign-up, the first and invited ones too; admins still create accounts", async () => {
    const first = await signUpByEmail(instance.podium, "first@podium.test");
    expect(first.status).toBe(403);
    expect(first.message).toMatch(/does not take new accounts/);
    const admin = await createTestUser(instance.podium, { admin: true });
    const invitation = await instance.podium.services.invitations.create({ createdById: admin.user.id });
    expect((await signUpByEmail(instance.podium, "invited@podium.test", { invitation: tokenOf(invitation.path) })).status).toBe(403);
    expect(await stored(instance, admin.user.email)).toEqual({ role: "admin", emailVerified: true });
  });
});
