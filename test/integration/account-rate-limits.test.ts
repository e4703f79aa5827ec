// Per-account rate limits on new decks, API tokens and image uploads: 429 with Retry-After and a
// message naming the setting, counted per account (another account is unaffected) in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decksRoute from "../../app/api/decks/route";
import * as mediaRoute from "../../app/api/media/route";
import * as tokensRoute from "../../app/api/tokens/route";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { DECKS_PER_HOUR: "3", API_TOKENS_PER_HOUR: "2", MEDIA_UPLOADS_PER_HOUR: "2" });
  alice = await createTestUser(podium);
  bob = await createTestUser(podium);
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const json = (user: TestUser, path: string, body: unknown) =>
  new Request(`http://podium.test${path}`, { method: "POST", headers: { ...user.headers, "content-type": "application/json" }, body: JSON.stringify(body) });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => i % 256)]);
const image = (user: TestUser, seed: number) =>
  new Request("http://podium.test/api/media", { method: "POST", headers: { ...user.headers, "content-type": "application/octet-stream" }, body: Buffer.from([...PNG, seed]) });

async function expectLimited(response: Response, setting: string) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(3000);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("too_many_requests");
  expect(body.error.message).toContain(setting);
}

describe("per-account rate limits", () => {
  it("new decks: DECKS_PER_HOUR, then 429; another account still may", async () => {
    const statuses = await Promise.all(Array.from({ length: 5 }, () => decksRoute.POST(json(alice, "/api/decks", { markdown: "# x" })).then((response) => response.status)));
    expect(statuses.sort()).toEqual([201, 201, 201, 429, 429]);
    await expectLimited(await decksRoute.POST(json(alice, "/api/decks", {})), "DECKS_PER_HOUR");
    expect(await podium.services.prisma.deck.count({ where: { ownerId: alice.user.id } })).toBe(3);
    expect((await decksRoute.POST(json(bob, "/api/decks", {}))).status).toBe(201);
  });

  it("API tokens: API_TOKENS_PER_HOUR, then 429", async () => {
    for (let i = 0; i < 2; i++) expect((await tokensRoute.POST(json(alice, "/api/tokens", { name: `script ${i}` }))).status).toBe(201);
    await expectLimited(await tokensRoute.POST(json(alice, "/api/tokens", { name: "one too many" })), "API_TOKENS_PER_HOUR");
    expect((await podium.services.tokens.list(alice.user.id)).map((token) => token.name)).not.toContain("one too many");
  });

  it("image uploads: MEDIA_UPLOADS_PER_HOUR, then 429", async () => {
    for (let i = 0; i < 2; i++) expect((await mediaRoute.POST(image(alice, i))).status).toBe(201);
    await expectLimited(await mediaRoute.POST(image(alice, 9)), "MEDIA_UPLOADS_PER_HOUR");
    expect((await mediaRoute.POST(image(bob, 9))).status).toBe(201);
  });

  it("a new window starts once the hour is over", async () => {
    await podium.services.prisma.accountRateLimit.updateMany({ where: { key: `decks:${alice.user.id}` }, data: { windowStart: new Date(Date.now() - 3_601_000) } });
    expect((await decksRoute.POST(json(alice, "/api/decks", {}))).status).toBe(201);
  });
});
