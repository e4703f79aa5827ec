import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../db/prisma";
import { createMigratedDatabase } from "../../test/support/database";
import { MediaRejectedError, MediaStore } from "./media-store";

let database: Awaited<ReturnType<typeof createMigratedDatabase>>;
let prisma: PrismaClient;
let store: MediaStore;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => i % 256)]);

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
  store = new MediaStore(prisma, 1024);
});

afterAll(() => database.drop());

describe("MediaStore", () => {
  it("stores an image once, by its content hash, and returns it byte for byte", async () => {
    const first = await store.put(PNG, null);
    const again = await store.put(PNG, null);
    expect(first).toEqual(again);
    expect(first.url).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    expect(await prisma.media.count()).toBe(1);
    const read = await store.get(first.id);
    expect(read?.type).toBe("image/png");
    expect(Buffer.from(read!.bytes).equals(Buffer.from(PNG))).toBe(true);
  });

  it("refuses HTML renamed to an image, and files over the limit", async () => {
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    await expect(store.put(html, null)).rejects.toThrow(MediaRejectedError);
    await expect(store.put(html, null)).rejects.toMatchObject({ status: 415 });
    await expect(store.put(new Uint8Array(2048), null)).rejects.toMatchObject({ status: 413 });
  });

  it("answers null for unknown media", async () => {
    expect(await store.get("0".repeat(64))).toBeNull();
  });
});
