// Sharing by email reaches only the verified owner of the address: a share with any other address
// waits as a pending invitation, and whoever registered the address first gets nothing from it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessRoute from "../../app/api/decks/[id]/access/route";
import * as grantsRoute from "../../app/api/decks/[id]/access/grants/route";
import * as pendingRoute from "../../app/api/decks/[id]/access/pending/route";
import * as acceptRoute from "../../app/api/invitations/[token]/route";
import type { DeckAccessSettings } from "../../core/access";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { asBrowser, signUpByEmail, tokenOf } from "../support/sign-up";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let owner: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  // Open sign-up: the squatter below registers an address that is not theirs. Members see nothing by default.
  podium = await startTestPodium(database.url, { SIGN_UP: "open", DEFAULT_MEMBER_ACCESS: "none" });
  owner = await createTestUser(podium, { name: "Owner" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function share(deckId: string, email: string, level: "read" | "write"): Promise<DeckAccessSettings> {
  const response = await grantsRoute.POST(
    new Request(`http://podium.test/api/decks/${deckId}/access/grants`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ email, level }),
    }),
    params(deckId),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as DeckAccessSettings;
}

async function roleOf(cookie: string, deckId: string): Promise<number | string> {
  const response = await accessRoute.GET(asBrowser(cookie, `/api/decks/${deckId}/access`), params(deckId));
  if (!response.ok) return response.status;
  return ((await response.json()) as { role: string }).role;
}

describe("sharing by email", () => {
  it("new decks give members DEFAULT_MEMBER_ACCESS", async () => {
    const { id } = await podium.services.decks.create("# Mine\n", owner.user.id);
    expect((await podium.services.access.settings(id))?.memberAccess).toBe("none");
  });

  it("a verified address (made by an admin) gets the grant at once", async () => {
    const colleague = await createTestUser(podium, { name: "Colleague" });
    const { id } = await podium.services.decks.create("# Shared\n", owner.user.id);
    const settings = await share(id, colleague.user.email, "write");
    expect(settings.grants).toEqual([expect.objectContaining({ email: colleague.user.email, level: "write" })]);
    expect(settings.pending).toEqual([]);
  });

  it("whoever registered an address first does not get what is shared with it; its real owner does, through the invitation", async () => {
    const { id } = await podium.services.decks.create("# Board notes\n", owner.user.id);
    const squatter = await signUpByEmail(podium, "treasurer@community.example");
    expect(squatter.status).toBe(200);

    const settings = await share(id, "Treasurer@Community.example", "write");
    expect(settings.grants).toEqual([]);
    expect(settings.pending).toEqual([{ email: "treasurer@community.example", level: "write", invitePath: expect.stringMatching(/^\/invite\/[A-Za-z0-9_-]{43}$/) }]);
    expect(await roleOf(squatter.cookie!, id)).toBe(403);

    // A share with an address nobody has: its owner signs up through the link, verified, with the grant.
    const second = await share(id, "secretary@community.example", "read");
    const link = second.pending.find((pending) => pending.email === "secretary@community.example")!.invitePath!;
    const wrongPerson = await signUpByEmail(podium, "mallory@community.example", { invitation: tokenOf(link) });
    expect(wrongPerson.status).toBe(403);
    const secretary = await signUpByEmail(podium, "secretary@community.example", { invitation: tokenOf(link) });
    expect(secretary.status).toBe(200);
    expect(await roleOf(secretary.cookie!, id)).toBe("read");
    const after = (await podium.services.access.settings(id))!;
    expect(after.grants.map((grant) => grant.email)).toEqual(["secretary@community.example"]);
    expect(after.pending.map((pending) => pending.email)).toEqual(["treasurer@community.example"]);
  });

  it("an account that holds the address accepts the invitation sent to it and gets the share; others cannot accept it", async () => {
    const { id } = await podium.services.decks.create("# Agenda\n", owner.user.id);
    const holder = await signUpByEmail(podium, "chair@community.example");
    const settings = await share(id, "chair@community.example", "read");
    const token = tokenOf(settings.pending[0]!.invitePath!);
    const accept = (cookie: string) => acceptRoute.POST(asBrowser(cookie, `/api/invitations/${token}`, { method: "POST", body: {} }), { params: Promise.resolve({ token }) });

    const other = await signUpByEmail(podium, "vice-chair@community.example");
    const refused = await accept(other.cookie!);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("This invitation is for chair@community.example");
    expect(await roleOf(other.cookie!, id)).toBe(403);

    expect(await roleOf(holder.cookie!, id)).toBe(403);
    const accepted = await accept(holder.cookie!);
    expect(await accepted.json()).toMatchObject({ verified: true });
    expect(await roleOf(holder.cookie!, id)).toBe("read");
    expect((await podium.services.prisma.user.findUniqueOrThrow({ where: { email: "chair@community.example" } })).emailVerified).toBe(true);
    // Verified now: the next share reaches them at once.
    const { id: next } = await podium.services.decks.create("# Next week\n", owner.user.id);
    expect((await share(next, "chair@community.example", "write")).grants).toHaveLength(1);
  });

  it("the owner withdraws a pending share; its invitation then hands out nothing", async () => {
    const { id } = await podium.services.decks.create("# Draft\n", owner.user.id);
    const settings = await share(id, "maybe@community.example", "write");
    const response = await pendingRoute.DELETE(
      new Request(`http://podium.test/api/decks/${id}/access/pending?email=maybe@community.example`, { method: "DELETE", headers: owner.headers }),
      params(id),
    );
    expect(response.status).toBe(204);
    expect((await podium.services.access.settings(id))!.pending).toEqual([]);
    const maybe = await signUpByEmail(podium, "maybe@community.example", { invitation: tokenOf(settings.pending[0]!.invitePath!) });
    expect(maybe.status).toBe(200);
    expect(await roleOf(maybe.cookie!, id)).toBe(403);
  });

  it("an account an admin creates for the address receives what waited for it", async () => {
    const { id } = await podium.services.decks.create("# Budget\n", owner.user.id);
    await share(id, "new-lead@community.example", "write");
    const lead = await createTestUser(podium, { email: "new-lead@community.example" });
    expect(await podium.services.access.deckRole({ kind: "user", via: "token", user: lead.user }, id)).toBe("write");
  });

  it("refuses a malformed address with a clear 400", async () => {
    const { id } = await podium.services.decks.create("", owner.user.id);
    const response = await grantsRoute.POST(
      new Request(`http://podium.test/api/decks/${id}/access/grants`, {
        method: "POST",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ email: "not-an-address", level: "read" }),
      }),
      params(id),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("is not an email address");
  });
});
