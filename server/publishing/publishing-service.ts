// Publishing decks to the community's minutes repository in git: an admin connects a repository
// (a bare repository's local path, or an HTTPS remote with a token); archiving or "Publish" queues
// decks; a run commits each changed deck (one commit, its editors as co-authors) in a local clone
// under DATA_DIR and pushes. A failed push leaves the commits in the clone and the decks in the
// queue, retried with backoff; nothing is lost. Runs are serialized within this process.
import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { deckUrl } from "../../core/api/decks";
import type {
  ConnectRepositoryRequest,
  DeckPublicationInfo,
  PublicationStatus,
  PublishingState,
  PublishRepositoryInfo,
  PublishRunResult,
  PublishRunProgress,
} from "../../core/api/publishing";
import type { PrismaClient } from "../db/prisma";
import type { MediaReader } from "../library/deck-bundle";
import type { Logger } from "../log";
import { coAuthorTrailers, commitMessage, deckFiles, disambiguate, preferredPath } from "./deck-files";
import { pushClone, syncClone } from "./clone";
import { describeFailure, PublishingError } from "./errors";
import { GitRunner } from "./git";
import { checkRepository, parseRepositoryUrl } from "./repository-check";
import { TokenCipher } from "./token-cipher";

/** A deck waiting in the queue, as the run reads it. */
type DueDeck = Awaited<ReturnType<PrismaClient["deckPublication"]["findMany"]>>[number];

export { PublishingError };

export interface DeckTextSource {
  /** The deck's current text (live edits included), or null when it does not exist. */
  markdown(id: string): Promise<string | null>;
}

export interface PublishingOptions {
  /** Where the local clones live (DATA_DIR/publishing). */
  dataDir: string;
  /** AUTH_SECRET: the token's encryption key is derived from it. */
  secret: string;
  publicUrl: string;
  log: Logger;
  /** When given, runs are serialized across every instance sharing this database. */
  databaseUrl?: string;
  /** First retry after this long, doubling per failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How often the worker looks for due retries. */
  pollMs?: number;
}

const REPOSITORY_ID = "default";
/** pg advisory lock key of publishing runs ("podium-publish"). */
const ADVISORY_LOCK = 0x70756231;
const MAX_TOKEN_LENGTH = 1_000;
/** The retry time of a failure that retrying cannot fix. */
const NEVER = new Date("9999-12-31T00:00:00Z");

export class PublishingService {
  private readonly cipher: TokenCipher;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** The run going on here, deck by deck, for the admin page (which polls while one runs). */
  private progress: PublishRunProgress | null = null;
  private readonly progressListeners = new Set<(progress: PublishRunProgress) => void>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly decks: DeckTextSource,
    private readonly media: MediaReader,
    private readonly options: PublishingOptions,
  ) {
    this.cipher = new TokenCipher(options.secret);
    this.backoffMs = options.backoffMs ?? 30_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000;
  }

  /** Starts the retry worker (server/podium.ts). */
  start(): void {
    if (this.timer) return;
    const tick = () => void this.runDue().catch((error: unknown) => this.options.log.error({ err: error }, "publishing run failed"));
    this.timer = setInterval(tick, this.options.pollMs ?? 30_000);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  /** Calls `listener` at a run's start and after each deck; returns how to stop. */
  onProgress(listener: (progress: PublishRunProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private reportProgress(progress: PublishRunProgress | null): void {
    this.progress = progress;
    if (progress) for (const listener of this.progressListeners) listener({ ...progress });
  }

  async state(): Promise<PublishingState> {
    const repository = await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID } });
    const rows = await this.prisma.deckPublication.findMany({ orderBy: { queuedAt: "desc" } });
    const decks = await this.prisma.deck.findMany({ where: { id: { in: rows.map((row) => row.deckId) } }, select: { id: true, title: true, updatedAt: true } });
    const byId = new Map(decks.map((deck) => [deck.id, deck]));
    return {
      repository: repository ? repositoryInfo(repository) : null,
      run: this.progress ? { ...this.progress } : null,
      decks: rows.map((row): DeckPublicationInfo => {
        const deck = byId.get(row.deckId);
        return {
          deckId: row.deckId,
          title: deck?.title || "Untitled",
          status: row.status as PublicationStatus,
          path: row.path,
          commitSha: row.commitSha,
          publishedAt: row.publishedAt?.toISOString() ?? null,
          error: row.error,
          attempts: row.attempts,
          nextAttemptAt: row.status === "published" || row.nextAttemptAt >= NEVER ? null : row.nextAttemptAt.toISOString(),
          changedSincePublished: Boolean(row.publishedAt && deck && deck.updatedAt > row.publishedAt),
        };
      }),
    };
  }

  /**
   * Connects (or changes) the repository after checking that it is one and that Podium may push
   * to it; on any error the previous connection stays as it was.
   */
  async connect(request: ConnectRepositoryRequest): Promise<PublishRepositoryInfo> {
    const target = parseRepositoryUrl(request.url);
    const branch = request.branch ?? "main";
    if (typeof branch !== "string" || !/^[A-Za-z0-9._/-]{1,100}$/.test(branch) || branch.includes("..") || /^[-/.]|[/.]$|\/\/|\.lock$/.test(branch)) {
      throw new PublishingError("bad_request", `"${String(branch).slice(0, 100)}" is not a branch name git accepts.`);
    }
    if (request.token !== undefined && request.token !== null && (typeof request.token !== "string" || request.token.length > MAX_TOKEN_LENGTH || /[\s\0-\x1f]/.test(request.token) || request.token === "")) {
      throw new PublishingError("bad_request", "The token must be one line of at most 1000 characters, without spaces.");
    }
    const existing = await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID } });
    let token: string | null;
    if (request.token !== undefined) token = request.token;
    else if (existing?.tokenCiphertext && sameOrigin(existing.url, target.url)) token = this.cipher.decrypt(existing.tokenCiphertext);
    else token = null;
    if (target.kind === "local" && token) throw new PublishingError("bad_request", "A local repository takes no token.");
    await checkRepository(target, token);
    const moved = existing !== null && (existing.url !== target.url || existing.branch !== branch);
    const data = {
      url: target.url,
      branch,
      tokenCiphertext: token ? this.cipher.encrypt(token) : null,
      publishOnArchive: request.publishOnArchive ?? existing?.publishOnArchive ?? true,
      ...(moved || !existing ? { pushError: null, pushAttempts: 0, nextPushAt: null, lastPushAt: null } : {}),
    };
    const saved = await this.serialized(async () => {
      const row = await this.prisma.publishRepository.upsert({ where: { id: REPOSITORY_ID }, create: { id: REPOSITORY_ID, ...data }, update: data });
      // What was published belongs to the old repository; its clone (and any unpushed commit) stays on disk.
      if (moved) await this.prisma.deckPublication.deleteMany({});
      return row;
    });
    this.options.log.info({ url: target.url, branch, withToken: token !== null }, "publishing repository connected");
    return repositoryInfo(saved);
  }

  async disconnect(): Promise<void> {
    await this.serialized(async () => {
      await this.prisma.publishRepository.deleteMany({ where: { id: REPOSITORY_ID } });
      await this.prisma.deckPublication.deleteMany({});
    });
  }

  /** Queues decks: they are (re)committed by the next run, now. */
  async enqueue(deckIds: string[]): Promise<void> {
    const now = new Date();
    for (const deckId of new Set(deckIds)) {
      await this.prisma.deckPublication.upsert({
        where: { deckId },
        create: { deckId, status: "pending", nextAttemptAt: now, queuedAt: now },
        update: { status: "pending", attempts: 0, error: null, nextAttemptAt: now, queuedAt: now },
      });
    }
  }

  /** Queues the given decks, or every archived deck and every deck published before; then runs. */
  async publish(deckIds?: string[]): Promise<PublishRunResult> {
    if (!(await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID } }))) {
      throw new PublishingError("conflict", "Connect a git repository first.");
    }
    let ids = deckIds;
    if (ids) {
      const found = await this.prisma.deck.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true } });
      const missing = ids.filter((id) => !found.some((deck) => deck.id === id));
      if (missing.length > 0) throw new PublishingError("not_found", `No deck with id ${missing.join(", ")}.`);
    } else {
      const archived = await this.prisma.deck.findMany({ where: { archivedAt: { not: null }, deletedAt: null }, select: { id: true } });
      const published = await this.prisma.deckPublication.findMany({ select: { deckId: true } });
      const live = await this.prisma.deck.findMany({ where: { id: { in: published.map((row) => row.deckId) }, deletedAt: null }, select: { id: true } });
      ids = [...archived.map((deck) => deck.id), ...live.map((deck) => deck.id)];
    }
    await this.enqueue(ids);
    return (await this.runDue()) ?? { committed: 0, unchanged: 0, pushed: false, failed: [] };
  }

  /** The archive action's hook: publishes the deck in the background when the repository asks for it. */
  async onArchived(deckId: string): Promise<void> {
    const repository = await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID } });
    if (!repository?.publishOnArchive) return;
    await this.enqueue([deckId]);
    void this.runDue().catch((error: unknown) => this.options.log.error({ err: error, deckId }, "publishing an archived deck failed"));
  }

  /** One run over what is due at `now` (and a push retry, if due); null when there was nothing to do. */
  runDue(now = new Date()): Promise<PublishRunResult | null> {
    return this.serialized(async () => ((await this.hasWork(now)) ? this.acrossInstances(() => this.run(now)) : null));
  }

  /** Cheap check first, so that the worker's idle ticks cost one query, not a lock. */
  private async hasWork(now: Date): Promise<boolean> {
    const repository = await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID }, select: { nextPushAt: true } });
    if (!repository) return false;
    if (repository.nextPushAt && repository.nextPushAt <= now) return true;
    return (await this.prisma.deckPublication.count({ where: { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } } })) > 0;
  }

  /** Several instances share the queue: one runs at a time (a session advisory lock), the others skip. */
  private async acrossInstances(work: () => Promise<PublishRunResult | null>): Promise<PublishRunResult | null> {
    if (!this.options.databaseUrl) return work();
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [ADVISORY_LOCK]);
      if (!rows[0]?.locked) return null;
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]);
      }
    } finally {
      await client.end();
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(now: Date): Promise<PublishRunResult | null> {
    const repository = await this.prisma.publishRepository.findUnique({ where: { id: REPOSITORY_ID } });
    if (!repository) return null;
    const due = await this.prisma.deckPublication.findMany({
      where: { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } },
      orderBy: { queuedAt: "asc" },
    });
    const pushDue = repository.nextPushAt !== null && repository.nextPushAt <= now;
    if (due.length === 0 && !pushDue) return null;
    const token = repository.tokenCiphertext ? this.cipher.decrypt(repository.tokenCiphertext) : null;
    if (repository.tokenCiphertext && token === null) {
      return this.failAll(due, repository.pushAttempts, "The stored token cannot be decrypted (AUTH_SECRET changed?): enter it again.", now);
    }
    const git = new GitRunner({ token }, { name: "Podium", email: `podium@noreply.${publicHost(this.options.publicUrl)}` });
    const dir = path.join(this.options.dataDir, createHash("sha256").update(repository.url).digest("hex").slice(0, 16));
    const result: PublishRunResult = { committed: 0, unchanged: 0, pushed: false, failed: [] };
    try {
      await syncClone(git, repository.url, repository.branch, dir);
    } catch (error) {
      return this.failAll(due, repository.pushAttempts, describeFailure(error), now);
    }

    const processed: string[] = [];
    const progress: PublishRunProgress = { total: due.length, done: 0, startedAt: new Date().toISOString() };
    this.reportProgress(progress);
    try {
      return await this.commitAndPush(git, dir, repository, due, processed, result, progress, now);
    } finally {
      this.reportProgress(null);
    }
  }

  /** The run's deck-by-deck part: one commit per deck, then one push. */
  private async commitAndPush(
    git: GitRunner,
    dir: string,
    repository: { branch: string; pushAttempts: number },
    due: DueDeck[],
    processed: string[],
    result: PublishRunResult,
    progress: PublishRunProgress,
    now: Date,
  ): Promise<PublishRunResult> {
    for (const row of due) {
      try {
        const outcome = await this.commitDeck(git, dir, row);
        if (outcome === "committed") result.committed++;
        else result.unchanged++;
        processed.push(row.deckId);
      } catch (error) {
        const reason = error instanceof PublishingError ? error.message : describeFailure(error);
        // A deck gone or in the trash is not retried: publishing it again (after a restore) queues it anew.
        if (error instanceof PublishingError) {
          await this.prisma.deckPublication.update({ where: { deckId: row.deckId }, data: { status: "failed", error: reason, attempts: row.attempts + 1, nextAttemptAt: NEVER } });
        } else await this.scheduleRetry([row.deckId], row.attempts + 1, reason, now);
        result.failed.push({ deckId: row.deckId, error: reason });
        // A half-written deck must not end up in the next deck's commit.
        await git.run(["reset", "-q", "--hard"], { cwd: dir, allowFailure: true });
        await git.run(["clean", "-fdq"], { cwd: dir, allowFailure: true });
      }
      progress.done++;
      this.reportProgress(progress);
    }

    try {
      result.pushed = await pushClone(git, dir, repository.branch);
    } catch (error) {
      const reason = `Committed, not pushed: ${describeFailure(error)}`;
      const attempts = repository.pushAttempts + 1;
      await this.prisma.publishRepository.update({
        where: { id: REPOSITORY_ID },
        data: { pushError: reason, pushAttempts: attempts, nextPushAt: new Date(now.getTime() + this.delay(attempts)) },
      });
      await this.scheduleRetry(processed, attempts, reason, now);
      this.options.log.warn({ reason }, "publishing: push failed, will retry");
      return { ...result, pushed: false, failed: [...result.failed, ...processed.map((deckId) => ({ deckId, error: reason }))] };
    }
    const pushedAt = new Date();
    await this.prisma.publishRepository.update({
      where: { id: REPOSITORY_ID },
      data: { pushError: null, pushAttempts: 0, nextPushAt: null, ...(result.pushed ? { lastPushAt: pushedAt } : {}) },
    });
    await this.prisma.deckPublication.updateMany({
      where: { deckId: { in: processed } },
      data: { status: "published", error: null, attempts: 0, publishedAt: pushedAt },
    });
    return result;
  }

  /** Writes one deck's files into the clone and commits them, unless nothing changed. */
  private async commitDeck(
    git: GitRunner,
    dir: string,
    previous: { deckId: string; files: string[]; path: string | null; contentHash: string | null; commitSha: string | null },
  ): Promise<"committed" | "unchanged"> {
    const { deckId, files: previousFiles } = previous;
    const deck = await this.prisma.deck.findUnique({
      where: { id: deckId },
      select: { id: true, title: true, createdAt: true, callDate: true, deletedAt: true, lastEditorId: true, series: { select: { folder: true } } },
    });
    if (!deck) throw new PublishingError("not_found", "The deck no longer exists.");
    if (deck.deletedAt) throw new PublishingError("conflict", "The deck is in the trash: restore it to publish it.");
    const markdown = await this.decks.markdown(deckId);
    if (markdown === null) throw new PublishingError("not_found", "The deck no longer exists.");
    const info = { id: deck.id, title: deck.title, createdAt: deck.createdAt, callDate: deck.callDate, seriesFolder: deck.series?.folder ?? null };
    let target = preferredPath(info);
    const holder = await this.prisma.deckPublication.findUnique({ where: { path: target }, select: { deckId: true } });
    if (holder && holder.deckId !== deckId) target = disambiguate(target, deckId);
    const files = await deckFiles({ ...info, markdown }, target, this.media);
    // Unchanged in Podium since its last commit: leave the repository alone (a hand edit made there stays).
    if (previous.commitSha && previous.path === target && previous.contentHash === files.hash) return "unchanged";

    // Files this deck wrote before and no longer needs (it moved, an image was removed), unless another deck uses them.
    const wanted = new Set(files.files.map((file) => file.path));
    const stale = previousFiles.filter((file) => !wanted.has(file));
    const sharedRows = stale.length > 0 ? await this.prisma.deckPublication.findMany({ where: { deckId: { not: deckId }, files: { hasSome: stale } }, select: { files: true } }) : [];
    const shared = new Set(sharedRows.flatMap((row) => row.files));
    const removed = stale.filter((file) => !shared.has(file));
    for (const file of removed) await rm(inside(dir, file), { force: true });
    for (const file of files.files) {
      const absolute = inside(dir, file.path);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, file.bytes);
    }
    if (removed.length > 0) await git.run(["rm", "-q", "--cached", "--ignore-unmatch", "--", ...removed], { cwd: dir });
    await git.run(["add", "--", ...wanted], { cwd: dir });
    const changed = (await git.run(["diff", "--cached", "--quiet"], { cwd: dir, allowFailure: true })).code !== 0;
    let commitSha: string | undefined;
    if (changed) {
      const trailers = coAuthorTrailers(await this.editors(deckId, deck.lastEditorId), publicHost(this.options.publicUrl));
      const message = commitMessage(deck, target, `${this.options.publicUrl}${deckUrl(deckId)}`, trailers);
      await git.run(["commit", "-q", "--no-verify", "-m", message], { cwd: dir });
      commitSha = (await git.run(["rev-parse", "HEAD"], { cwd: dir })).stdout.trim();
    }
    await this.prisma.deckPublication.update({
      where: { deckId },
      data: { path: target, files: [...wanted], contentHash: files.hash, ...(commitSha ? { commitSha } : {}) },
    });
    return changed ? "committed" : "unchanged";
  }

  /** Whoever saved a revision of the deck, and its last editor. */
  private async editors(deckId: string, lastEditorId: string | null): Promise<{ id: string; name: string }[]> {
    const authors = await this.prisma.revision.findMany({ where: { deckId, authorId: { not: null } }, distinct: ["authorId"], select: { authorId: true } });
    const ids = new Set(authors.map((row) => row.authorId!));
    if (lastEditorId) ids.add(lastEditorId);
    if (ids.size === 0) return [];
    return this.prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  }

  private async failAll(rows: { deckId: string; attempts: number }[], pushAttempts: number, reason: string, now: Date): Promise<PublishRunResult> {
    const attempts = Math.max(pushAttempts, ...rows.map((row) => row.attempts)) + 1;
    await this.scheduleRetry(rows.map((row) => row.deckId), attempts, reason, now);
    // Nothing could be pushed either: the repository's line says why, until a run gets through.
    await this.prisma.publishRepository.updateMany({ where: { id: REPOSITORY_ID }, data: { nextPushAt: new Date(now.getTime() + this.delay(attempts)), pushAttempts: attempts, pushError: reason } });
    this.options.log.warn({ reason }, "publishing: repository unavailable, will retry");
    return { committed: 0, unchanged: 0, pushed: false, failed: rows.map((row) => ({ deckId: row.deckId, error: reason })) };
  }

  private async scheduleRetry(deckIds: string[], attempts: number, reason: string, now: Date): Promise<void> {
    if (deckIds.length === 0) return;
    await this.prisma.deckPublication.updateMany({
      where: { deckId: { in: deckIds } },
      data: { status: "failed", error: reason, attempts, nextAttemptAt: new Date(now.getTime() + this.delay(attempts)) },
    });
  }

  /** 30 s, 1 min, 2 min, … up to an hour. */
  private delay(attempts: number): number {
    return Math.min(this.maxBackoffMs, this.backoffMs * 2 ** Math.max(0, attempts - 1));
  }

}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function publicHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || "podium.invalid";
  } catch {
    return "podium.invalid";
  }
}

/** A path inside the clone (the deck paths are built from checked segments; this is the last guard). */
function inside(dir: string, relative: string): string {
  const absolute = path.resolve(dir, relative);
  if (!absolute.startsWith(`${path.resolve(dir)}${path.sep}`) || relative.split("/").includes(".git")) {
    throw new PublishingError("bad_request", `Refusing to write outside the repository: ${relative}`);
  }
  return absolute;
}

function repositoryInfo(row: {
  url: string;
  branch: string;
  tokenCiphertext: string | null;
  publishOnArchive: boolean;
  lastPushAt: Date | null;
  pushError: string | null;
  nextPushAt: Date | null;
}): PublishRepositoryInfo {
  return {
    url: row.url,
    branch: row.branch,
    hasToken: row.tokenCiphertext !== null,
    publishOnArchive: row.publishOnArchive,
    lastPushAt: row.lastPushAt?.toISOString() ?? null,
    pushError: row.pushError,
    nextPushAt: row.nextPushAt?.toISOString() ?? null,
  };
}
