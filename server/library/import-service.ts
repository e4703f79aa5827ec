// Imports what a user uploads — .md files, or .zip archives of a folder of them with their images
// — as decks owned by that user: images become stored media and the decks' links to them are
// rewritten, mojibake is repaired (and reported), and each bad file is reported by name without
// stopping the others.
import { extractDeckMetadata } from "../../core/deck-metadata";
import type { DeckService } from "../decks/deck-service";
import { ImportBudget, type ImportBudgetLimits } from "./import-budget";
import { linkImportedMedia } from "./import-linker";
import { readImport, readImportBounded, type ImportLimits, type UploadedFile } from "./import-reader";
import type { MediaStore } from "./media-store";
import { PodiumError } from "../../core/api/errors";
import type { ImportedDeckReport, ImportReport } from "../../core/api/import";
export type { ImportedDeckReport, ImportReport };

/** Refused for now (429 with Retry-After): the account's earlier import still runs, or it imported too often. */
export class ImportThrottledError extends PodiumError {
  override name = "ImportThrottledError";
  constructor(message: string, retryAfterSeconds: number) {
    super("too_many_requests", message, { retryAfterSeconds });
  }
}

const HOUR_MS = 60 * 60_000;

export class ImportService {
  /** Accounts with an import in progress (guests and the CLI share one key). */
  private running = new Set<string>();
  /** When each account's imports of the last hour started (IMPORTS_PER_HOUR). */
  private recent = new Map<string, number[]>();

  constructor(
    private readonly decks: DeckService,
    private readonly media: MediaStore,
    private readonly limits: ImportLimits,
    /** A request's budget; without one (the CLI) zips are read in-process, unbounded but per zip. */
    private readonly budget?: ImportBudgetLimits,
    /** Imports one account may start per hour; 0: no limit. */
    private readonly perHour = 0,
  ) {}

  async import(files: UploadedFile[], ownerId: string | null): Promise<ImportReport> {
    const key = ownerId ?? "";
    if (this.running.has(key)) throw new ImportThrottledError("Your previous import is still running; try again once it is done.", 5);
    this.countAgainstRate(key);
    this.running.add(key);
    try {
      return await this.importNow(files, ownerId);
    } finally {
      this.running.delete(key);
    }
  }

  private countAgainstRate(key: string): void {
    if (this.perHour === 0) return;
    const now = Date.now();
    const started = (this.recent.get(key) ?? []).filter((at) => at > now - HOUR_MS);
    if (started.length >= this.perHour) {
      const retryAfterSeconds = Math.ceil((started[0]! + HOUR_MS - now) / 1000);
      throw new ImportThrottledError(`At most ${this.perHour} imports an hour (IMPORTS_PER_HOUR); try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
    }
    started.push(now);
    this.recent.set(key, started);
  }

  private async importNow(files: UploadedFile[], ownerId: string | null): Promise<ImportReport> {
    const contents = this.budget ? await readImportBounded(files, this.limits, new ImportBudget(this.budget)) : readImport(files, this.limits);
    const problems = [...contents.problems];
    const urlByPath = new Map<string, string>();
    for (const item of contents.media) {
      try {
        urlByPath.set(item.path, (await this.media.put(item.bytes, ownerId)).url);
      } catch (error) {
        if (!(error instanceof Error && error.name === "MediaRejectedError")) throw error;
        problems.push({ path: item.path, message: error.message });
      }
    }
    const decks: ImportedDeckReport[] = [];
    try {
      for (const deck of contents.decks) {
        const { markdown, linked } = linkImportedMedia(deck, urlByPath);
        try {
          const created = await this.decks.create(markdown, ownerId);
          decks.push({ ...created, path: deck.path, title: extractDeckMetadata(markdown).title, repairs: deck.repairs, linkedMedia: linked });
        } catch (error) {
          if (!(error instanceof Error && error.name === "DeckTooLargeError")) throw error;
          problems.push({ path: deck.path, message: error.message });
        }
      }
    } catch (error) {
      // Nothing half-imported: the decks this import made so far go again.
      for (const created of decks) await this.decks.delete(created.id).catch(() => undefined);
      throw error;
    }
    problems.sort((a, b) => a.path.localeCompare(b.path));
    return { decks, media: urlByPath.size, problems };
  }
}
