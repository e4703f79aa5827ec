// The library's CLI twins against the same database as a running server: import a folder, archive
// by age (dry run first), export the archive as a verified zip and purge it.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { runCli } from "../support/cli";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.resolve(ROOT, "../shared/fixtures/decks");
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let work: string;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  work = mkdtempSync(path.join(tmpdir(), "podium-cli-"));
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
  rmSync(work, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(database.url, ...args);

describe("library cli", () => {
  it("imports a folder of minutes, archives the old ones (after a dry run), exports them verified and purges them", async () => {
    const folder = path.join(work, "community-call");
    mkdirSync(folder);
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith(".md"));
    for (const name of names) copyFileSync(path.join(FIXTURES, name), path.join(folder, name));
    writeFileSync(path.join(folder, "notes.bin.md"), Buffer.from([0, 1, 2]));

    const imported = await cli("import", folder);
    expect(imported.stdout).toContain(`${names.length} decks imported, 0 images stored, 1 files skipped.`);
    expect(imported.stdout).toMatch(/skipped community-call\/notes\.bin\.md: this is a binary file/);
    expect(imported.stdout.match(/\(repaired /g)).toHaveLength(2);
    const ids = (await podium.services.prisma.deck.findMany({ select: { id: true } })).map((deck) => deck.id);
    expect(ids).toHaveLength(names.length);

    const old = ids.slice(0, 2);
    await podium.services.prisma.deck.updateMany({ where: { id: { in: old } }, data: { updatedAt: new Date(Date.now() - 120 * 86_400_000) } });
    const dry = await cli("archive", "--older-than", "90d", "--dry-run");
    expect(dry.stdout).toContain("2 decks would be archived (dry run: nothing changed).");
    expect(await podium.services.prisma.deck.count({ where: { archivedAt: { not: null } } })).toBe(0);
    await cli("archive", "--older-than", "90d");
    const archived = await podium.services.prisma.deck.findMany({ where: { archivedAt: { not: null } }, select: { id: true } });
    expect(archived.map((deck) => deck.id).sort()).toEqual([...old].sort());

    const out = path.join(work, "archive.zip");
    const exported = await cli("export", "--archived", "--out", out, "--purge");
    expect(exported.stdout).toContain("2 decks, every checksum verified.");
    expect(exported.stdout).toContain("2 decks purged.");
    const files = Object.keys(unzipSync(readFileSync(out)));
    expect(files.filter((file) => file.endsWith(".md"))).toHaveLength(2);
    expect(files).toContain("manifest.json");
    expect(await podium.services.prisma.deck.count()).toBe(names.length - 2);

    await expect(cli("archive", "--older-than", "soon")).rejects.toMatchObject({ stderr: expect.stringMatching(/"soon" is not an age/) });
  });
});
