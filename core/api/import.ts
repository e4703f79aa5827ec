// POST /api/import: .md files and .zip archives of them become decks (docs/api.md).
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
