// One budget per import request, over all its files: how many files, zip entries and decks, and
// how many bytes unpacked. Going over any of them refuses the whole request (413, naming the
// setting), so a zip bomb or a flood of files never gets half-imported.
import { PodiumError } from "../../core/api/errors";

export interface ImportBudgetLimits {
  /** Files in one request, zips counted once (IMPORT_MAX_FILES). */
  maxFiles: number;
  /** Bytes of all files of the request once unpacked (IMPORT_MAX_UNPACKED_BYTES). */
  maxUnpackedBytes: number;
  /** Entries of all zips of the request (IMPORT_MAX_ENTRIES). */
  maxEntries: number;
  /** Decks one request may create (IMPORT_MAX_DECKS). */
  maxDecks: number;
}

export class ImportLimitError extends PodiumError {
  override name = "ImportLimitError";
  constructor(
    readonly setting: string,
    readonly limit: number,
    what: string,
  ) {
    super("payload_too_large", `This import holds more than ${limit} ${what} (the limit ${setting}); nothing was imported.`);
  }
}

export class ImportBudget {
  private entries = 0;
  private unpacked = 0;

  constructor(readonly limits: ImportBudgetLimits) {}

  files(count: number): void {
    if (count > this.limits.maxFiles) throw new ImportLimitError("IMPORT_MAX_FILES", this.limits.maxFiles, "files");
  }

  /** What is left for the next zip. */
  remaining(): { entries: number; bytes: number } {
    return { entries: this.limits.maxEntries - this.entries, bytes: this.limits.maxUnpackedBytes - this.unpacked };
  }

  spend(entries: number, bytes: number): void {
    this.entries += entries;
    this.unpacked += bytes;
    if (this.entries > this.limits.maxEntries) throw this.overEntries();
    if (this.unpacked > this.limits.maxUnpackedBytes) throw this.overBytes();
  }

  decks(count: number): void {
    if (count > this.limits.maxDecks) throw new ImportLimitError("IMPORT_MAX_DECKS", this.limits.maxDecks, "decks");
  }

  overEntries(): ImportLimitError {
    return new ImportLimitError("IMPORT_MAX_ENTRIES", this.limits.maxEntries, "zip entries");
  }

  overBytes(): ImportLimitError {
    return new ImportLimitError("IMPORT_MAX_UNPACKED_BYTES", this.limits.maxUnpackedBytes, "bytes unpacked");
  }
}
