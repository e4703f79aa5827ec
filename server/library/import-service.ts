// Imports what a user uploads — .md files, or .zip archives of a folder of them with their images
// — as decks owned by that user: images become stored media and the decks' links to them are
// rewritten, mojibake is repaired (and reported), and each bad file is reported by name without
// stopping the others. Each deck keeps its date (file name, title slide or zip entry time), and
// decks of one folder of calls join a series (ImportPlacement, server/series/series-import.ts).
import { extractDeckMetadata } from "../../core/deck-metadata";
import { findDeckDate } from "../../core/library/deck-date";
import type { DeckService } from "../decks/deck-service";
import { ImportBudget, type ImportBudgetLimits } from "./import-budget";
import { linkImportedMedia } from "./import-linker";
import { readImport, readImportBounded, type ImportLimits, type UploadedFile } from "./import-reader";
import type { MediaStore } from "./media-store";
import { PodiumError } from "../../core/api/errors";
import type { ImportedDeckReport, ImportReport } from "../../core/api/import";
export type { ImportedDeckReport, ImportReport };

export interface PlacedDeck {
  id: string;
  path: string;
  title: string;
  callDate: string | null;
}

/** Records imported decks' dates and groups them into series; returns deck id → series name. */
export interface ImportPlacement {
  place(decks: PlacedDeck[], ownerId: string | null): Promise<Map<string, string>>;
}

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
    /** Where dates and series are stored; without it (the CLI) dates are reported, not kept. */
    private readonly placement?: ImportPlacement,
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
          const found = findDeckDate({ path: deck.path, markdown, entryTime: deck.entryTime ?? null });
          decks.push({
            ...created,
            path: deck.path,
            title: extractDeckMetadata(markdown).title,
            repairs: deck.repairs,
            linkedMedia: linked,
            callDate: found.date,
            dateSource: found.source,
            dateNotes: found.notes,
            series: null,
          });
        } catch (error) {
          if (!(error instanceof Error && error.name === "DeckTooLargeError")) throw error;
          problems.push({ path: deck.path, message: error.message });
        }
      }
      const seriesOf = (await this.placement?.place(decks, ownerId)) ?? new Map<string, string>();
      for (const deck of decks) deck.series = seriesOf.get(deck.id) ?? null;
    } catch (error) {
      // Nothing half-imported: the decks this import made so far go again.
      for (const created of decks) await this.decks.delete(created.id).catch(() => undefined);
      throw error;
    }
    problems.sort((a, b) => a.path.localeCompare(b.path));
    return { decks, media: urlByPath.size, problems };
  }
}
