// "New from template", through the REST route: the shipped community-call template and a deck
// marked as a template, their placeholders filled for the person who asked; a template nobody may
// read is not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decksRoute from "../../app/api/decks/route";
import type { CreatedDeck } from "../../core/api/decks";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { DEFAULT_MEMBER_ACCESS: "none" });
  alice = await createTestUser(podium, { name: "Alice" });
  bob = await createTestUser(podium, { name: "Bob" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

function createDeck(user: TestUser, body: unknown): Promise<Response> {
  return decksRoute.POST(new Request(`${ORIGIN}/api/decks`, { method: "POST", headers: { ...user.headers, "content-type": "application/json" }, body: JSON.stringify(body) }));
}

const today = () => new Date().toISOString().slice(0, 10);

describe("new from template", () => {
  it("fills the shipped community-call template: its series' name, today's date, the author", async () => {
    const response = await createDeck(alice, { templateId: "community-call" });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as CreatedDeck;
    const deck = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id } });
    expect(deck.ownerId).toBe(alice.user.id);
    // Around midnight UTC the date may be yesterday's or today's; either way no placeholder is left.
    expect(deck.title).toMatch(/^Community Call \d{4}-\d{2}-\d{2}$/);
    expect(deck.title.slice(-10) <= today()).toBe(true);
    expect(deck.markdown).not.toMatch(/\{\{\s*(date|author|series)/);
    expect(deck.markdown).toContain('<font color="#2557d6">Community Call</font>');
  });

  it("fills a deck marked as a template, for whoever may read it; others get 404", async () => {
    const { id: templateId } = (await podium.services.decks.create("# Retro {{date}}\n\nModeration: {{author}}\n", alice.user.id)) as CreatedDeck;
    await podium.services.library.setTemplate(templateId, true);
    const mine = (await (await createDeck(alice, { templateId })).json()) as CreatedDeck;
    expect(await podium.services.decks.markdown(mine.id)).toMatch(/^# Retro \d{4}-\d{2}-\d{2}\n\nModeration: Alice\n$/);
    // Bob may not read Alice's template (members get no access here): it does not exist for him.
    const refused = await createDeck(bob, { templateId });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await createDeck(alice, { templateId: "no-such-template" })).status).toBe(404);
  });
});
