// Publishing to git through the real routes, a real PostgreSQL and real git: a bare repository made
// in the test and a smart-HTTP server (`git http-backend`) with token auth. What lands in the
// repository is read back with git itself (ls-tree, show, log).
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publishRoute from "../../app/api/admin/publishing/publish/route";
import * as publishingRoute from "../../app/api/admin/publishing/route";
import type { PublishingState, PublishRunResult } from "../../core/api/publishing";
import type { PodiumServer } from "../../server/podium";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startGitHttpServer, type GitHttpServer } from "../support/git-http-server";
import { startTestPodium } from "../support/podium";
import { eventually } from "../support/yjs-client";

const ORIGIN = "http://podium.test";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 600 }, (_, i) => (i * 7) % 256)]);
/** A moment past any backoff: what the worker sees once the retry is due. */
const later = (days = 1) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let admin: TestUser;
let ada: TestUser;
let grace: TestUser;
let work: string;
let gitServer: GitHttpServer;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "podium-publishing-"));
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { DATA_DIR: path.join(work, "data") });
  admin = await createTestUser(podium, { admin: true, name: "Admin" });
  ada = await createTestUser(podium, { name: "Ada Lovelace", email: "ada.private@example.org" });
  grace = await createTestUser(podium, { name: "Grace Hopper", email: "grace.private@example.org" });
  mkdirSync(path.join(work, "served"));
  gitServer = await startGitHttpServer(path.join(work, "served"));
});

afterAll(async () => {
  await gitServer?.close();
  await podium?.stop();
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
});

const as = (user: TestUser, method: string, urlPath: string, body?: unknown) =>
  new Request(`${ORIGIN}${urlPath}`, {
    method,
    headers: { ...user.headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "Other", GIT_AUTHOR_EMAIL: "other@example.org", GIT_COMMITTER_NAME: "Other", GIT_COMMITTER_EMAIL: "other@example.org" },
  });
}

function bareRepository(at: string): string {
  mkdirSync(at, { recursive: true });
  git(at, "init", "-q", "--bare", "-b", "main");
  return at;
}

async function connect(body: Record<string, unknown>): Promise<Response> {
  return publishingRoute.PUT(as(admin, "PUT", "/api/admin/publishing", body));
}

async function publish(deckIds?: string[]): Promise<PublishRunResult> {
  const response = await publishRoute.POST(as(admin, "POST", "/api/admin/publishing/publish", deckIds ? { deckIds } : {}));
  expect(response.status).toBe(200);
  return (await response.json()) as PublishRunResult;
}

async function state(): Promise<PublishingState> {
  const response = await publishingRoute.GET(as(admin, "GET", "/api/admin/publishing"));
  expect(response.status).toBe(200);
  return (await response.json()) as PublishingState;
}

async function edit(deckId: string, markdown: string, editor: TestUser): Promise<void> {
  expect(await podium.services.decks.replaceMarkdown(deckId, markdown, editor.user.id)).toBe(true);
  await podium.updateLog.flush();
  await podium.services.prisma.deck.update({ where: { id: deckId }, data: { lastEditorId: editor.user.id, updatedAt: new Date() } });
}

/** A series deck with an image, edited by Ada (a revision) and Grace (last editor), and a deck outside any series. */
async function makeDecks(folder: string, callDate: string) {
  const { prisma, media, decks } = podium.services;
  const image = await media.put(PNG, ada.user.id);
  const series = await prisma.series.create({ data: { id: `series-${folder}`, name: "Community Call", folder } });
  const call = await decks.create(`---\ntitle: Community Call\ntype: slide\n---\n\n# Community Call\n\n![](${image.url} =600x)\n\n---\n\n## Team Ops\n\n<img src="${image.url}">\n`, admin.user.id);
  await prisma.deck.update({ where: { id: call.id }, data: { seriesId: series.id, callDate: new Date(`${callDate}T00:00:00Z`), lastEditorId: grace.user.id } });
  await prisma.revision.create({ data: { id: `rev-${call.id}`, deckId: call.id, authorId: ada.user.id, markdown: "# old" } });
  const loose = await decks.create("---\ntitle: Retro 2024-05-02 notes\n---\n\n# Retro\n", ada.user.id);
  await prisma.deck.update({ where: { id: loose.id }, data: { lastEditorId: ada.user.id } });
  return { call, loose, image };
}

describe("publishing to a bare repository on this machine", () => {
  let bare: string;
  let ids: Awaited<ReturnType<typeof makeDecks>>;

  it("refuses what is not a repository, with the reason, and keeps the connection as it was", async () => {
    const notRepo = path.join(work, "plain-folder");
    mkdirSync(notRepo);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ url: notRepo }, /not a git repository/i],
      [{ url: path.join(work, "missing") }, /no folder/i],
      [{ url: "ftp://example.org/minutes.git" }, /https/],
      [{ url: "http://example.org/minutes.git" }, /https/],
      [{ url: "https://user:secret@example.org/minutes.git" }, /token field/],
      [{ url: "ext::sh -c touch% /tmp/pwned" }, /https/],
      [{ url: "minutes.git" }, /neither an absolute local path nor an https/],
      [{ url: 42 }, /"url" must be/],
      [{ url: "http://127.0.0.1:1/minutes.git" }, /could not be reached/],
      [{ url: notRepo, branch: "../main" }, /branch name/],
    ];
    for (const [body, message] of cases) {
      const response = await connect(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const working = path.join(work, "working-copy");
    mkdirSync(working);
    git(working, "init", "-q");
    const refused = await connect({ url: working });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/not a bare repository/);
    expect((await state()).repository).toBeNull();
    const member = await publishingRoute.GET(as(ada, "GET", "/api/admin/publishing"));
    expect(member.status).toBe(403);
  });

  it("commits each deck as <series folder>/<YYYYMMDD>.md with its images beside it, editors as co-authors", async () => {
    bare = bareRepository(path.join(work, "minutes.git"));
    const response = await connect({ url: bare });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ url: bare, branch: "main", hasToken: false, publishOnArchive: true });
    ids = await makeDecks("community-call", "2024-07-18");

    const result = await publish([ids.call.id, ids.loose.id]);
    expect(result).toEqual({ committed: 2, unchanged: 0, pushed: true, failed: [] });

    const imageFile = ids.image.url.slice("/media/".length);
    expect(git(bare, "ls-tree", "-r", "--name-only", "main").trim().split("\n").sort()).toEqual(
      ["community-call/20240718.md", `community-call/${imageFile}`, "decks/20240502-retro-notes.md"].sort(),
    );
    const markdown = git(bare, "show", "main:community-call/20240718.md");
    expect(markdown).toContain(`![](${imageFile} =600x)`);
    expect(markdown).toContain(`<img src="${imageFile}">`);
    expect(markdown).not.toContain("/media/");
    expect(Buffer.from(execFileSync("git", ["show", `main:community-call/${imageFile}`], { cwd: bare }))).toEqual(Buffer.from(PNG));

    const messages = git(bare, "log", "--format=%B%x00", "main").split("\0").map((message) => message.trim()).filter(Boolean);
    expect(messages).toHaveLength(2);
    const callMessage = messages.find((message) => message.startsWith("community-call/20240718.md"))!;
    expect(callMessage).toContain(`Co-authored-by: Ada Lovelace <${ada.user.id}@users.noreply.podium.test>`);
    expect(callMessage).toContain(`Co-authored-by: Grace Hopper <${grace.user.id}@users.noreply.podium.test>`);
    expect(messages.join("\n")).not.toMatch(/private@example\.org/);
    expect(git(bare, "log", "-1", "--format=%an <%ae>", "main").trim()).toBe("Podium <podium@noreply.podium.test>");

    const { decks } = await state();
    expect(decks.map((deck) => [deck.deckId, deck.status, deck.path]).sort()).toEqual(
      [[ids.call.id, "published", "community-call/20240718.md"], [ids.loose.id, "published", "decks/20240502-retro-notes.md"]].sort(),
    );
  });

  it("publishing again changes nothing; a deck edited after publication is committed again", async () => {
    const before = git(bare, "rev-parse", "main").trim();
    expect(await publish()).toEqual({ committed: 0, unchanged: 2, pushed: false, failed: [] });
    expect(git(bare, "rev-parse", "main").trim()).toBe(before);

    await edit(ids.loose.id, "---\ntitle: Retro 2024-05-02 notes\n---\n\n# Retro\n\nAction items.\n", grace);
    expect((await state()).decks.find((deck) => deck.deckId === ids.loose.id)?.changedSincePublished).toBe(true);
    expect(await publish()).toEqual({ committed: 1, unchanged: 1, pushed: true, failed: [] });
    expect(git(bare, "rev-list", "--count", "main").trim()).toBe("3");
    expect(git(bare, "show", "main:decks/20240502-retro-notes.md")).toContain("Action items.");
    expect(git(bare, "log", "-1", "--format=%B", "main")).toContain(`Co-authored-by: Grace Hopper <${grace.user.id}@users.noreply.podium.test>`);
    expect((await state()).decks.every((deck) => deck.status === "published" && !deck.changedSincePublished)).toBe(true);
  });

  it("reports a run's progress deck by deck, and no run once it is over", async () => {
    const seen: { done: number; total: number }[] = [];
    const stop = podium.services.publishing.onProgress((progress) => seen.push({ done: progress.done, total: progress.total }));
    // Changed in Podium since publication, so both are committed again.
    await edit(ids.loose.id, "---\ntitle: Retro 2024-05-02 notes\n---\n\n# Retro\n\nAction items, done.\n", grace);
    await edit(ids.call.id, `${(await podium.services.decks.markdown(ids.call.id))!}\n\nOne more line.\n`, grace);
    try {
      expect(await publish([ids.loose.id, ids.call.id])).toMatchObject({ committed: 2, pushed: true });
    } finally {
      stop();
    }
    expect(seen.map(({ done, total }) => `${done}/${total}`)).toEqual(["0/2", "1/2", "2/2"]);
    expect((await state()).run).toBeNull();
  });

  it("moves a deck whose call date changed, removing its old file", async () => {
    await podium.services.prisma.deck.update({ where: { id: ids.call.id }, data: { callDate: new Date("2024-07-25T00:00:00Z") } });
    expect(await publish([ids.call.id])).toMatchObject({ committed: 1, pushed: true });
    const tree = git(bare, "ls-tree", "-r", "--name-only", "main");
    expect(tree).toContain("community-call/20240725.md");
    expect(tree).not.toContain("community-call/20240718.md");
    // The moved deck still shows the image beside it.
    expect(tree).toContain(`community-call/${ids.image.url.slice("/media/".length)}`);
  });

  it("archiving a deck publishes it", async () => {
    await podium.services.prisma.series.create({ data: { id: "series-ops-call", name: "Ops Call", folder: "ops-call" } });
    const archived = await podium.services.decks.create("# Archived later\n", admin.user.id);
    await podium.services.prisma.deck.update({ where: { id: archived.id }, data: { seriesId: "series-ops-call", callDate: new Date("2024-08-08T00:00:00Z") } });
    await podium.services.library.archive(archived.id);
    await eventually(async () => {
      expect(git(bare, "ls-tree", "-r", "--name-only", "main")).toContain("ops-call/20240808.md");
    });
    await eventually(async () => {
      expect((await state()).decks.find((deck) => deck.deckId === archived.id)?.status).toBe("published");
    });
  });

  it("reports a deck trashed while queued, and does not retry it", async () => {
    const doomed = await podium.services.decks.create("# Doomed\n", admin.user.id);
    await podium.services.publishing.enqueue([doomed.id]);
    await podium.services.library.trash(doomed.id);
    const result = await podium.services.publishing.runDue();
    expect(result?.failed).toEqual([{ deckId: doomed.id, error: expect.stringMatching(/in the trash/) }]);
    expect((await state()).decks.find((deck) => deck.deckId === doomed.id)).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(await podium.services.publishing.runDue(later(30))).toBeNull();
  });
});

describe("publishing to an HTTPS-style remote with a token", () => {
  let remote: string;
  let deckId: string;
  const url = () => `${gitServer.url}/minutes.git`;

  it("refuses a token without push rights, and a wrong one, before connecting", async () => {
    await publishingRoute.DELETE(as(admin, "DELETE", "/api/admin/publishing"));
    remote = bareRepository(path.join(work, "served", "minutes.git"));
    gitServer.readTokens.add("read-only-token");
    gitServer.writeTokens.add("write-token-1");

    const readOnly = await connect({ url: url(), token: "read-only-token" });
    expect(readOnly.status).toBe(400);
    const readOnlyText = await readOnly.text();
    expect(readOnlyText).toMatch(/may read the repository but not push/);
    expect(readOnlyText).not.toContain("read-only-token");

    const wrong = await connect({ url: url(), token: "nonsense-token" });
    expect(wrong.status).toBe(400);
    const wrongText = await wrong.text();
    expect(wrongText).toMatch(/refused the credentials/);
    expect(wrongText).not.toContain("nonsense-token");

    const missing = await connect({ url: `${gitServer.url}/nothing-here.git`, token: "write-token-1" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/not a git repository|not found/i);
    expect((await state()).repository).toBeNull();
  });

  it("pushes over HTTP; the token is stored encrypted and never returned", async () => {
    const response = await connect({ url: url(), token: "write-token-1" });
    const body = await response.text();
    expect(response.status, body).toBe(200);
    expect(body).not.toContain("write-token-1");
    expect(JSON.parse(body)).toMatchObject({ hasToken: true });
    const row = await podium.services.prisma.publishRepository.findUniqueOrThrow({ where: { id: "default" } });
    expect(row.tokenCiphertext).not.toContain("write-token-1");
    expect(row.tokenCiphertext).not.toContain(Buffer.from("write-token-1").toString("base64"));
    expect(JSON.stringify(await state())).not.toContain("write-token-1");
    expect(gitServer.requests.every((request) => !request.url.includes("write-token-1"))).toBe(true);

    const deck = await podium.services.decks.create("# Weekly\n", ada.user.id);
    deckId = deck.id;
    await podium.services.prisma.series.create({ data: { id: "series-weekly", name: "Weekly", folder: "weekly" } });
    await podium.services.prisma.deck.update({ where: { id: deckId }, data: { seriesId: "series-weekly", callDate: new Date("2025-01-09T00:00:00Z"), lastEditorId: ada.user.id } });
    expect(await publish([deckId])).toEqual({ committed: 1, unchanged: 0, pushed: true, failed: [] });
    expect(git(remote, "ls-tree", "-r", "--name-only", "main").trim()).toBe("weekly/20250109.md");
  });

  it("reports a push refused for lack of rights, keeps the commit, and retries it with backoff once the token is fixed", async () => {
    // The token loses its push rights (it may still read).
    gitServer.writeTokens.delete("write-token-1");
    gitServer.readTokens.add("write-token-1");
    await edit(deckId, "# Weekly\n\nMinutes.\n", grace);
    const result = await publish([deckId]);
    expect(result).toMatchObject({ committed: 1, pushed: false });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.error).toMatch(/refused the credentials.*403/);
    expect(result.failed[0]!.error).not.toContain("write-token-1");

    const failed = (await state()).decks.find((deck) => deck.deckId === deckId)!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toMatch(/Committed, not pushed/);
    expect(new Date(failed.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());
    expect((await state()).repository?.pushError).toMatch(/credentials/);
    expect(git(remote, "rev-list", "--count", "main").trim()).toBe("1");
    // Not due yet: the worker leaves it alone until its backoff is over.
    expect(await podium.services.publishing.runDue()).toBeNull();

    // The admin enters a token that may push; the retry (the worker's run once the backoff is over) pushes the kept commit.
    gitServer.writeTokens.add("write-token-2");
    expect((await connect({ url: url(), token: "write-token-2" })).status).toBe(200);
    expect(await podium.services.publishing.runDue(later())).toEqual({ committed: 0, unchanged: 1, pushed: true, failed: [] });
    expect(git(remote, "rev-list", "--count", "main").trim()).toBe("2");
    expect(git(remote, "show", "main:weekly/20250109.md")).toContain("Minutes.");
    expect(git(remote, "log", "-1", "--format=%B", "main")).toContain(`Co-authored-by: Grace Hopper <${grace.user.id}@users.noreply.podium.test>`);
    const published = (await state()).decks.find((deck) => deck.deckId === deckId)!;
    expect(published).toMatchObject({ status: "published", error: null, attempts: 0 });
    expect((await state()).repository?.pushError).toBeNull();
  });

  it("keeps a deck queued while the repository refuses the token altogether, and publishes it once fixed", async () => {
    gitServer.writeTokens.delete("write-token-2");
    await edit(deckId, "# Weekly\n\nMinutes, revised.\n", ada);
    const result = await publish([deckId]);
    expect(result).toMatchObject({ committed: 0, pushed: false });
    expect(result.failed[0]?.error).toMatch(/refused the credentials/);
    expect((await state()).decks.find((deck) => deck.deckId === deckId)).toMatchObject({ status: "failed", attempts: 1 });

    gitServer.writeTokens.add("write-token-3");
    expect((await connect({ url: url(), token: "write-token-3" })).status).toBe(200);
    expect(await podium.services.publishing.runDue(later())).toEqual({ committed: 1, unchanged: 0, pushed: true, failed: [] });
    expect(git(remote, "show", "main:weekly/20250109.md")).toContain("revised");
  });

  it("integrates commits another clone pushed meanwhile", async () => {
    const other = path.join(work, "other-clone");
    git(work, "clone", "-q", remote, other);
    git(other, "commit", "-q", "--allow-empty", "-m", "Someone else's commit");
    execFileSync("sh", ["-c", "echo '# Minutes' > README.md"], { cwd: other });
    git(other, "add", "README.md");
    git(other, "commit", "-q", "-m", "README");
    git(other, "push", "-q", "origin", "main");

    await edit(deckId, "# Weekly\n\nMinutes, corrected.\n", ada);
    expect(await publish([deckId])).toMatchObject({ committed: 1, pushed: true, failed: [] });
    const log = git(remote, "log", "--format=%s", "main");
    expect(log).toContain("README");
    expect(log).toContain("weekly/20250109.md");
    expect(git(remote, "ls-tree", "-r", "--name-only", "main")).toContain("README.md");
  });

  it("reports a change made in the repository that conflicts with a commit not pushed yet, and pushes once it is undone there", async () => {
    gitServer.writeTokens.delete("write-token-3");
    gitServer.readTokens.add("write-token-3");
    await edit(deckId, "# Weekly\n\nMinutes, corrected twice.\n", ada);
    expect((await publish([deckId])).failed[0]?.error).toMatch(/Committed, not pushed.*refused the credentials/);

    const other = path.join(work, "other-clone");
    git(other, "pull", "-q", "--ff-only");
    execFileSync("sh", ["-c", "echo 'edited by hand' > weekly/20250109.md"], { cwd: other });
    git(other, "commit", "-q", "-am", "Hand edit");
    git(other, "push", "-q", "origin", "main");

    gitServer.writeTokens.add("write-token-4");
    expect((await connect({ url: url(), token: "write-token-4" })).status).toBe(200);
    const conflicted = await podium.services.publishing.runDue(later());
    expect(conflicted?.pushed).toBe(false);
    expect(conflicted?.failed[0]?.error).toMatch(/changed weekly\/20250109\.md/);
    expect((await state()).decks.find((deck) => deck.deckId === deckId)).toMatchObject({ status: "failed", attempts: 2 });
    expect(git(remote, "show", "main:weekly/20250109.md")).toContain("edited by hand");

    git(other, "revert", "--no-edit", "HEAD");
    git(other, "push", "-q", "origin", "main");
    expect(await podium.services.publishing.runDue(later(2))).toMatchObject({ pushed: true, failed: [] });
    expect(git(remote, "show", "main:weekly/20250109.md")).toContain("corrected twice");
    expect((await state()).decks.find((deck) => deck.deckId === deckId)?.status).toBe("published");
  });
});
