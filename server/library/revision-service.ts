// Revisions: saved states of a deck's text. Automatic ones are taken after a stretch of activity
// and when the last editor leaves (only when the text changed since the last revision); named ones
// on request ("before the call"). Restoring one replaces the text through the live document, so it
// is a new change that connected editors see and that can itself be undone by another restore.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/prisma";
import type { DeckService } from "../decks/deck-service";
import { PodiumError } from "../../core/api/errors";
import type { RevisionSummary, Revision } from "../../core/api/revisions";
export type { RevisionSummary, Revision };

export class RevisionNotFoundError extends PodiumError {
  override name = "RevisionNotFoundError";
  constructor(message: string) {
    super("not_found", message);
  }
}

export interface RevisionPolicy {
  /** Take an automatic revision once a deck has been edited for this long since the last one. */
  activityIntervalMs: number;
  /** Keep at most this many automatic revisions per deck (named ones are always kept). */
  maxAutomatic: number;
}

export class RevisionService {
  private lastAutomatic = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly decks: DeckService,
    private readonly policy: RevisionPolicy,
  ) {}

  async list(deckId: string): Promise<RevisionSummary[]> {
    // The sizes come from PostgreSQL: a history of large decks is not read whole to be listed.
    const rows = await this.prisma.$queryRaw<
      { id: string; name: string | null; authorId: string | null; authorName: string | null; createdAt: Date; size: number }[]
    >`SELECT r.id, r.name, r.author_id AS "authorId", u.name AS "authorName", r.created_at AS "createdAt",
             length(r.markdown)::int AS size
      FROM revision r LEFT JOIN "user" u ON u.id = r.author_id
      WHERE r.deck_id = ${deckId}
      ORDER BY r.created_at DESC`;
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  async get(deckId: string, revisionId: string): Promise<Revision> {
    const row = await this.prisma.revision.findFirst({
      where: { id: revisionId, deckId },
      include: { author: { select: { name: true } } },
    });
    if (!row) throw new RevisionNotFoundError("No such revision of this deck.");
    return {
      id: row.id,
      name: row.name,
      authorId: row.authorId,
      authorName: row.author?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      size: row.markdown.length,
      markdown: row.markdown,
    };
  }

  /** A named revision of the current text. */
  async takeNamed(deckId: string, name: string, authorId: string | null): Promise<RevisionSummary | null> {
    const markdown = await this.decks.markdown(deckId);
    if (markdown === null) return null;
    return this.insert(deckId, markdown, name.trim().slice(0, 120) || null, authorId);
  }

  /** An automatic revision, when the text differs from the newest revision. */
  async takeAutomatic(deckId: string): Promise<RevisionSummary | null> {
    const markdown = await this.decks.markdown(deckId);
    if (markdown === null) return null;
    const newest = await this.prisma.revision.findFirst({
      where: { deckId },
      orderBy: { createdAt: "desc" },
      select: { markdown: true },
    });
    if (newest?.markdown === markdown) return null;
    this.lastAutomatic.set(deckId, Date.now());
    const taken = await this.insert(deckId, markdown, null, null);
    await this.pruneAutomatic(deckId);
    return taken;
  }

  /** Called as edits are stored: takes an automatic revision after a stretch of activity. */
  noteActivity(deckId: string): void {
    const now = Date.now();
    const last = this.lastAutomatic.get(deckId);
    if (last === undefined) {
      this.lastAutomatic.set(deckId, now);
      return;
    }
    if (now - last >= this.policy.activityIntervalMs) {
      this.lastAutomatic.set(deckId, now);
      void this.takeAutomatic(deckId).catch(() => this.lastAutomatic.delete(deckId));
    }
  }

  /** Called when the last editor has left a deck. */
  async onDeckIdle(deckId: string): Promise<void> {
    await this.takeAutomatic(deckId);
    this.lastAutomatic.delete(deckId);
  }

  /** Replaces the deck's text with the revision's, through the live document. `editorId`: who restored it. */
  async restore(deckId: string, revisionId: string, editorId: string | null = null): Promise<void> {
    const revision = await this.get(deckId, revisionId);
    await this.decks.replaceMarkdown(deckId, revision.markdown, editorId);
  }

  private async insert(deckId: string, markdown: string, name: string | null, authorId: string | null): Promise<RevisionSummary> {
    const row = await this.prisma.revision.create({
      data: { id: randomUUID(), deckId, markdown, name, authorId },
      select: { id: true, createdAt: true, author: { select: { name: true } } },
    });
    return { id: row.id, name, authorId, authorName: row.author?.name ?? null, createdAt: row.createdAt.toISOString(), size: markdown.length };
  }

  private async pruneAutomatic(deckId: string): Promise<void> {
    const stale = await this.prisma.revision.findMany({
      where: { deckId, name: null },
      orderBy: { createdAt: "desc" },
      skip: this.policy.maxAutomatic,
      select: { id: true },
    });
    if (stale.length > 0) await this.prisma.revision.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  }
}
