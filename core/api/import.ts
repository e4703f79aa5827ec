// POST /api/import: .md files and .zip archives of them become decks (docs/api.md).
import type { DateSource } from "../library/deck-date";
import type { MojibakeRepair } from "../library/mojibake-repair";

export type { MojibakeRepair };

export interface ImportedDeckReport {
  id: string;
  url: string;
  path: string;
  title: string;
  repairs: MojibakeRepair[];
  /** Image links pointed at media from the same upload. */
  linkedMedia: number;
  /** The call's date (YYYY-MM-DD) and where it was found; null when none was. */
  callDate: string | null;
  dateSource: DateSource | null;
  /** Dates that were there but not used, and why ("“20241301” is not a real date"). */
  dateNotes: string[];
  /** The series it joined, by name. */
  series: string | null;
}

/** A file that was skipped, and why. */
export interface ImportProblem {
  path: string;
  message: string;
}

export interface ImportReport {
  decks: ImportedDeckReport[];
  /** Images stored. */
  media: number;
  problems: ImportProblem[];
}
