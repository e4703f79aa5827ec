import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodiumServer } from "../podium";
import { createTestDatabase } from "../../test/support/database";
import { createTestUser } from "../../test/support/auth";
import { startTestPodium } from "../../test/support/podium";
import { connectClient, eventually, waitForSync } from "../../test/support/yjs-client";
import { RevisionService } from "./revision-service";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let revisions: RevisionService;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
  revisions = new RevisionService(podium.services.prisma, podium.services.decks, { activityIntervalMs: 60_000, maxAutomatic: 3 });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

describe("revisions", () => {
  it("restores a named revision through the live document: a connected editor sees it and it equals the snapshot", async () => {
    const { id } = await podium.services.decks.create("# Call\n\nTeam IaaS: nothing yet\n");
    const editor = connectClient(podium.url, id, { headers: (await createTestUser(podium)).headers });
    await waitForSync(editor);
    const named = await revisions.takeNamed(id, "before the call", null);
    expect(named).toMatchObject({ name: "before the call" });

    editor.text.insert(editor.text.length, "Team Ops: a long report\n");
    await eventually(async () => expect(await podium.services.decks.markdown(id)).toContain("Team Ops"));

    await revisions.restore(id, named!.id);
    await eventually(() => expect(editor.text.toString()).toBe("# Call\n\nTeam IaaS: nothing yet\n"));
    expect(await podium.services.decks.markdown(id)).toBe((await revisions.get(id, named!.id)).markdown);
    editor.destroy();
  });

  it("takes automatic revisions only when the text changed, and keeps the newest few", async () => {
    const { id } = await podium.services.decks.create("v0");
    expect(await revisions.takeAutomatic(id)).not.toBeNull();
    expect(await revisions.takeAutomatic(id)).toBeNull();
    for (let version = 1; version <= 4; version++) {
      await podium.services.decks.replaceMarkdown(id, `v${version}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await revisions.takeAutomatic(id);
    }
    await revisions.takeNamed(id, "kept", null);
    const list = await revisions.list(id);
    expect(list.filter((entry) => entry.name === null)).toHaveLength(3);
    expect(list.map((entry) => entry.name)).toContain("kept");
    const texts = await Promise.all(list.map(async (entry) => (await revisions.get(id, entry.id)).markdown));
    expect(texts).toEqual(["v4", "v4", "v3", "v2"]);
  });

  it("refuses a revision of another deck", async () => {
    const a = await podium.services.decks.create("a");
    const b = await podium.services.decks.create("b");
    const revision = await revisions.takeNamed(a.id, "a's", null);
    await expect(revisions.get(b.id, revision!.id)).rejects.toThrow(/No such revision/);
  });
});
