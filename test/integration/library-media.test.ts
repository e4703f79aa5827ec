// Uploads through POST /api/media and back through GET /media/<sha256>.<ext>: bytes intact, type
// read from the bytes, HTML dressed as PNG refused, SVG served in a CSP sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mediaRoute from "../../app/api/media/route";
import * as mediaFileRoute from "../../app/media/[file]/route";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4000 }, (_, i) => (i * 31) % 256)]);
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { MEDIA_MAX_BYTES: "8192" });
  alice = await createTestUser(podium);
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

function upload(body: BodyInit, headers: Record<string, string>, query = ""): Promise<Response> {
  return mediaRoute.POST(new Request(`${ORIGIN}/api/media${query}`, { method: "POST", body, headers }));
}

async function fetchMedia(url: string): Promise<Response> {
  return mediaFileRoute.GET(new Request(`${ORIGIN}${url}`), { params: Promise.resolve({ file: url.slice("/media/".length) }) });
}

describe("media upload", () => {
  it("round-trips an image byte for byte, with its sniffed type, nosniff and immutable caching", async () => {
    const response = await upload(Buffer.from(PNG), { ...alice.headers, "content-type": "application/octet-stream" }, "?name=photo.jpg");
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { url: string; type: string };
    expect(stored.type).toBe("image/png");
    expect(stored.url).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    const served = await fetchMedia(stored.url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
  });

  it("takes a multipart form as the browser sends it", async () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(PNG)], { type: "image/png" }), "pasted.png");
    const response = await upload(form, alice.headers);
    expect(response.status).toBe(201);
  });

  it("refuses an HTML file renamed .png, files over the limit, and guests without a deck they may write", async () => {
    const html = await upload("<!doctype html><html><script>alert(document.cookie)</script></html>", { ...alice.headers, "content-type": "image/png" }, "?name=cat.png");
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: { message: string } }).error.message).toMatch(/^cat\.png: Only PNG, JPEG/);
    expect((await upload(Buffer.from(new Uint8Array(9000)), alice.headers)).status).toBe(413);
    expect((await upload(Buffer.from(PNG), {})).status).toBe(401);
    const { id } = await podium.services.decks.create("# open to guests");
    await podium.services.access.updateSettings(id, { guestAccess: "write" });
    expect((await upload(Buffer.from(PNG), {}, `?deck=${id}`)).status).toBe(201);
    await podium.services.access.updateSettings(id, { guestAccess: "read" });
    expect((await upload(Buffer.from(PNG), {}, `?deck=${id}`)).status).toBe(401);
  });

  it("serves an SVG carrying a script only inside a CSP sandbox that runs and loads nothing", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>';
    const response = await upload(svg, { ...alice.headers, "content-type": "image/svg+xml" });
    expect(response.status).toBe(201);
    const served = await fetchMedia(((await response.json()) as { url: string }).url);
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    expect(served.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; style-src 'unsafe-inline'");
    expect(served.headers.get("content-disposition")).toBe("inline");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 404 for unknown or malformed media names", async () => {
    expect((await fetchMedia(`/media/${"0".repeat(64)}.png`)).status).toBe(404);
    expect((await fetchMedia("/media/..%2Fetc%2Fpasswd")).status).toBe(404);
  });
});
