// Imports what a user uploads — .md files, or .zip archives of a folder of them with their images
// — as decks owned by that user: images become stored media and the decks' links to them are
// rewritten, mojibake is repaired (and reported), and each bad file is reported by name without
// stopping the others.
import { extractDeckMetadata } from "../../core/deck-metadata";
import type { MojibakeRepair } from "../../core/library/mojibake-repair";
import type { DeckService } from "../decks/deck-service";
import { linkImportedMedia } from "./import-linker";
import { readImport, type ImportLimits, type ImportProblem, type UploadedFile } from "./import-reader";
import type { MediaStore } from "./media-store";

export interface ImportedDeckReport {
  id: string;
  url: string;
  path: string;
  title: string;
  repairs: MojibakeRepair[];
  /** Image links pointed at media from the same upload. */
  linkedMedia: number;
}

export interface ImportReport {
  decks: ImportedDeckReport[];
  /** Images stored. */
  media: number;
  problems: ImportProblem[];
}

export class ImportService {
  constructor(
    private readonly decks: DeckService,
    private readonly media: MediaStore,
    private readonly limits: ImportLimits,
  ) {}

  async import(files: UploadedFile[], ownerId: string | null): Promise<ImportReport> {
    const contents = readImport(files, this.limits);
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
    problems.sort((a, b) => a.path.localeCompare(b.path));
    return { decks, media: urlByPath.size, problems };
  }
}
