// What can be done to decks as library entries, whoever asks (REST, pages, CLI): duplicate, rename,
// templates, pins, the trash (soft delete, restored by admins for 30 days) and archiving. Access is
// decided before these are called (server/access); text changes go through the live document.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CreatedDeck } from "../../core/api/decks";
import { RenameError, setFrontmatterTitle } from "../../core/library/frontmatter-title";
import { fillTemplate } from "../../core/library/template-fill";
import { extractDeckMetadata } from "../../core/deck-metadata";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { AccessControl } from "../access/access-control";
import type { PrismaClient } from "../db/prisma";
import type { DeckService } from "../decks/deck-service";
import { PROJECT_ROOT } from "../project-root";
import type { RoomRegistry } from "../sync/room-registry";
import type { ManifestEntry } from "./deck-bundle";
import { PodiumError } from "../../core/api/errors";
import type { StaleDeck } from "../../core/api/admin";
import type { TemplateInfo } from "../../core/api/library";
export type { StaleDeck, TemplateInfo };

export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Templates that ship with Podium, offered beside the decks marked as templates. */
export const SHIPPED_TEMPLATES = [
  { id: "community-call", title: "Community call", file: path.join(PROJECT_ROOT, "server", "library", "templates", "community-call.md") },
] as const;

export class LibraryError extends PodiumError {
  override name = "LibraryError";
  constructor(code: "not_found" | "bad_request" | "conflict", message: string) {
    super(code, message);
  }
}

export class LibraryService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly decks: DeckService,
    private readonly rooms: RoomRegistry,
    private readonly access: AccessControl,
  ) {}

  /** A copy of the deck owned by `ownerId`; its frontmatter title (if any) says it is a copy. */
  async duplicate(deckId: string, ownerId: string): Promise<CreatedDeck> {
    const markdown = await this.requireMarkdown(deckId);
    const { title } = extractDeckMetadata(markdown);
    let copy = markdown;
    if (title && markdown.startsWith("---")) {
      try {
        copy = setFrontmatterTitle(markdown, `${title} (copy)`);
      } catch (error) {
        // A frontmatter the YAML parser refuses: the copy keeps the original title.
        if (!(error instanceof RenameError)) throw error;
      }
    }
    return this.decks.create(copy, ownerId);
  }

  /** Sets the frontmatter title through the live document (open editors see it at once). */
  async rename(deckId: string, title: string, editorId: string | null): Promise<void> {
    const markdown = await this.requireMarkdown(deckId);
    if (!(await this.decks.replaceMarkdown(deckId, setFrontmatterTitle(markdown, title), editorId))) {
      throw new LibraryError("not_found", "No deck with this id.");
    }
  }

  templates(readableTemplateDecks: { id: string; title: string }[]): TemplateInfo[] {
    return [
      ...SHIPPED_TEMPLATES.map((template) => ({ id: template.id, title: template.title, shipped: true })),
      ...readableTemplateDecks.map((deck) => ({ id: deck.id, title: deck.title || "Untitled", shipped: false })),
    ];
  }

  /** The text of a shipped template, or null when there is none by this name. */
  shippedTemplate(name: string): string | null {
    const template = SHIPPED_TEMPLATES.find((candidate) => candidate.id === name);
    return template ? readFileSync(template.file, "utf8") : null;
  }

  /** A new deck from a template's text, its {{date}} and {{author}} filled in. */
  async createFromTemplate(templateMarkdown: string, owner: { id: string; name: string }, now = new Date()): Promise<CreatedDeck> {
    return this.decks.create(fillTemplate(templateMarkdown, { now, author: owner.name }), owner.id);
  }

  async setTemplate(deckId: string, isTemplate: boolean): Promise<void> {
    await this.update(deckId, { isTemplate });
  }

  async setPinned(userId: string, deckId: string, pinned: boolean): Promise<void> {
    if (pinned) {
      await this.prisma.deckPin.upsert({ where: { userId_deckId: { userId, deckId } }, create: { userId, deckId }, update: {} });
    } else {
      await this.prisma.deckPin.deleteMany({ where: { userId, deckId } });
    }
  }

  /** Moves a deck to the trash: gone for everyone but admins, its open editors closed (4404). */
  async trash(deckId: string): Promise<void> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) throw new LibraryError("not_found", "No deck with this id.");
    this.rooms.evict(deckId, WsCloseCode.deckDeleted, "This deck was deleted.");
  }

  async restoreFromTrash(deckId: string): Promise<void> {
    const since = new Date(Date.now() - TRASH_RETENTION_DAYS * DAY_MS);
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, deletedAt: { gte: since } }, data: { deletedAt: null } });
    if (count === 0) throw new LibraryError("not_found", `No deck with this id in the trash (decks are kept there for ${TRASH_RETENTION_DAYS} days).`);
  }

  /** Deletes for good what has been in the trash longer than the retention; returns how many. */
  async purgeExpiredTrash(now = new Date()): Promise<number> {
    const expired = await this.prisma.deck.findMany({
      where: { deletedAt: { lt: new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS) } },
      select: { id: true },
    });
    for (const { id } of expired) await this.decks.delete(id);
    return expired.length;
  }

  /** Archives a deck: read-only for everyone, open editors downgraded at once. */
  async archive(deckId: string): Promise<void> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, deletedAt: null }, data: { archivedAt: new Date() } });
    if (count === 0) throw new LibraryError("not_found", "No deck with this id.");
    this.access.announce({ deckId });
    for (const listener of this.archivedListeners) listener(deckId);
  }

  private readonly archivedListeners = new Set<(deckId: string) => void>();

  /** Calls `listener` after each archive (publishing to git attaches here); returns how to stop. */
  whenArchived(listener: (deckId: string) => void): () => void {
    this.archivedListeners.add(listener);
    return () => this.archivedListeners.delete(listener);
  }

  async unarchive(deckId: string): Promise<void> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, deletedAt: null }, data: { archivedAt: null } });
    if (count === 0) throw new LibraryError("not_found", "No deck with this id.");
    this.access.announce({ deckId });
  }

  /** Active decks nobody has edited for `days` days, oldest first: what a bulk archive would take. */
  async staleDecks(days: number, now = new Date()): Promise<StaleDeck[]> {
    if (!Number.isFinite(days) || days < 0) throw new LibraryError("bad_request", "The age must be a number of days (0 or more).");
    const rows = await this.prisma.deck.findMany({
      where: { archivedAt: null, deletedAt: null, updatedAt: { lt: new Date(now.getTime() - days * DAY_MS) } },
      orderBy: { updatedAt: "asc" },
      select: { id: true, title: true, updatedAt: true },
    });
    return rows.map((row) => ({ id: row.id, title: row.title, updatedAt: row.updatedAt.toISOString() }));
  }

  /**
   * Deletes for good the decks of a verified export, each only if it has not changed since it was
   * exported (its updatedAt is the manifest's); the others are reported and kept.
   */
  async purgeExported(manifest: ManifestEntry[]): Promise<{ purged: string[]; kept: { deckId: string; reason: string }[] }> {
    const purged: string[] = [];
    const kept: { deckId: string; reason: string }[] = [];
    for (const entry of manifest) {
      const deck = await this.prisma.deck.findUnique({ where: { id: entry.deckId }, select: { updatedAt: true, archivedAt: true } });
      if (!deck) {
        kept.push({ deckId: entry.deckId, reason: "no such deck (already purged?)" });
      } else if (!deck.archivedAt) {
        kept.push({ deckId: entry.deckId, reason: "not archived: only archived decks are purged" });
      } else if (deck.updatedAt.toISOString() !== entry.updatedAt) {
        kept.push({ deckId: entry.deckId, reason: "changed since this export; export it again" });
      } else {
        await this.decks.delete(entry.deckId);
        purged.push(entry.deckId);
      }
    }
    return { purged, kept };
  }

  /** Archived decks (or those given) with what an export needs. */
  async exportable(deckIds?: string[]) {
    return this.prisma.deck.findMany({
      where: deckIds ? { id: { in: deckIds }, deletedAt: null } : { archivedAt: { not: null }, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, tags: true, createdAt: true, updatedAt: true },
    });
  }

  private async update(deckId: string, data: { isTemplate?: boolean }): Promise<void> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, deletedAt: null }, data });
    if (count === 0) throw new LibraryError("not_found", "No deck with this id.");
  }

  private async requireMarkdown(deckId: string): Promise<string> {
    const markdown = await this.decks.markdown(deckId);
    if (markdown === null) throw new LibraryError("not_found", "No deck with this id.");
    return markdown;
  }
}
