// `npm run cli`: adds users and prints tokens that work, against the same database as the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as markdownRoute from "../../app/api/decks/[id]/markdown/route";
import type { PodiumServer } from "../../server/podium";
import { runCli } from "../support/cli";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url);
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

const cli = (...args: string[]) => runCli(database.url, ...args);

describe("cli", () => {
  it("adds an admin and creates a token for them, printed as the last line", async () => {
    const added = await cli("user", "add", "--email", "Lead@Podium.test", "--password", "long enough", "--admin");
    expect(added.stdout).toContain("Created admin lead@podium.test");
    expect(await podium.services.accounts.findByEmail("lead@podium.test")).toMatchObject({ role: "admin" });

    const created = await cli("token", "create", "--email", "lead@podium.test");
    const token = created.stdout.trim().split("\n").pop()!;
    expect(token).toMatch(/^podium_[A-Za-z0-9_-]{43}$/);
    const { id } = await podium.services.decks.create("# CLI\n");
    const response = await markdownRoute.GET(
      new Request(`http://podium.test/api/decks/${id}/markdown`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(200);
  });

  it("refuses bad input with a message and exit code 1", async () => {
    await expect(cli("user", "add", "--email", "x@podium.test")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("needs --email and --password") });
    await expect(cli("user", "add", "--email", "y@podium.test", "--password", "short")).rejects.toMatchObject({ stderr: expect.stringContaining("at least 8 characters") });
    await expect(cli("token", "create", "--email", "nobody@podium.test")).rejects.toMatchObject({ stderr: expect.stringContaining("No account") });
    await expect(cli("frobnicate")).rejects.toMatchObject({ stderr: expect.stringContaining("Usage:") });
  });
});
