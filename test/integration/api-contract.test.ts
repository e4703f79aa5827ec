// The REST contract (docs/api.md), exercised through the real route handlers on a real server's
// services and database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deckRoute from "../../app/api/decks/[id]/route";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import * as decksRoute from "../../app/api/decks/route";
import * as healthRoute from "../../app/api/health/route";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync } from "../support/yjs-client";

const MAX_CHARS = 5_000;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let owner: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { MAX_DECK_CHARS: String(MAX_CHARS) });
  owner = await createTestUser(podium);
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
/** A request by the deck owner's API token (access itself is tested in authorization-matrix.test.ts). */
const authed = (url: string, init: RequestInit = {}) =>
  new Request(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...owner.headers } });
const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  decksRoute.POST(authed("http://podium.test/api/decks", { method: "POST", body, headers }));
const put = (id: string, body: BodyInit, headers: Record<string, string> = { "content-type": "text/markdown" }) =>
  markdownRoute.PUT(authed(`http://podium.test/api/decks/${id}/markdown`, { method: "PUT", body, headers }), params(id));

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe("REST contract", () => {
  it("GET /api/health answers ok while the database answers", async () => {
    const response = await healthRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("creates, lists, reads, replaces and deletes a deck", async () => {
    const created = await post(JSON.stringify({ markdown: "---\ntitle: Weekly call\ntags: [ops, iaas]\n---\n# Hello\n" }));
    expect(created.status).toBe(201);
    const { id, url } = (await created.json()) as { id: string; url: string };
    expect(url).toBe(`/d/${id}`);

    const list = (await (await decksRoute.GET(authed("http://podium.test/api/decks"))).json()) as { decks: Array<Record<string, unknown>> };
    // The library adds fields (owner, last editor, pins…: docs/api.md); these four stay.
    expect(list.decks.find((deck) => deck.id === id)).toMatchObject({
      id,
      title: "Weekly call",
      tags: ["ops", "iaas"],
      updatedAt: expect.any(String),
    });

    const meta = await deckRoute.GET(authed(`http://podium.test/api/decks/${id}`), params(id));
    expect(await meta.json()).toMatchObject({ id, title: "Weekly call", url });

    const markdown = await markdownRoute.GET(authed(`http://podium.test/api/decks/${id}/markdown`), params(id));
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await markdown.text()).toContain("# Hello");

    const editor = connectClient(podium.url, id, { headers: owner.headers });
    await waitForSync(editor);
    expect((await put(id, "# Replaced ✓\n")).status).toBe(204);
    await eventually(() => expect(editor.text.toString()).toBe("# Replaced ✓\n"));
    editor.destroy();
    const after = await markdownRoute.GET(authed(`http://podium.test/api/decks/${id}/markdown`), params(id));
    expect(await after.text()).toBe("# Replaced ✓\n");
    const renamed = await deckRoute.GET(authed(`http://podium.test/api/decks/${id}`), params(id));
    expect(await renamed.json()).toMatchObject({ title: "Replaced ✓" });

    const deleted = await deckRoute.DELETE(authed(`http://podium.test/api/decks/${id}`, { method: "DELETE" }), params(id));
    expect(deleted.status).toBe(204);
    await expectError(await deckRoute.GET(authed("http://podium.test/"), params(id)), 404, "not_found");
  });

  it("creates an empty deck from an empty body", async () => {
    const created = await post("");
    expect(created.status).toBe(201);
  });

  it("answers 400 for malformed ids and bodies", async () => {
    await expectError(await deckRoute.GET(authed("http://podium.test/"), params("../etc")), 400, "bad_request");
    await expectError(await markdownRoute.GET(authed("http://podium.test/"), params("a b")), 400, "bad_request");
    await expectError(await post("{not json"), 400, "bad_request");
    await expectError(await post("[1,2]"), 400, "bad_request");
    await expectError(await post(JSON.stringify({ markdown: 42 })), 400, "bad_request");
    await expectError(await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400, "bad_request");
  });

  it("answers 404 for unknown decks", async () => {
    await expectError(await deckRoute.GET(authed("http://podium.test/"), params("nosuchdeck")), 404, "not_found");
    await expectError(await markdownRoute.GET(authed("http://podium.test/"), params("nosuchdeck")), 404, "not_found");
    await expectError(await put("nosuchdeck", "# x"), 404, "not_found");
    await expectError(
      await deckRoute.DELETE(authed("http://podium.test/", { method: "DELETE" }), params("nosuchdeck")),
      404,
      "not_found",
    );
  });

  it("answers 413 for decks over the size limit, on create and on replace, storing nothing", async () => {
    await expectError(await post(JSON.stringify({ markdown: "x".repeat(MAX_CHARS + 1) })), 413, "payload_too_large");
    const { id } = (await (await post(JSON.stringify({ markdown: "keep me" }))).json()) as { id: string };
    await expectError(await put(id, "y".repeat(MAX_CHARS + 1)), 413, "payload_too_large");
    await expectError(await put(id, "z".repeat(MAX_CHARS * 3 + 1)), 413, "payload_too_large");
    await expectError(await put(id, "z", { "content-type": "text/plain", "content-length": String(10 ** 9) }), 413, "payload_too_large");
    expect(await podium.services.decks.markdown(id)).toBe("keep me");
  });

  it("answers 415 for a PUT that is not text", async () => {
    const { id } = (await (await post("{}")).json()) as { id: string };
    await expectError(await put(id, "{}", { "content-type": "application/json" }), 415, "unsupported_media_type");
  });
});
