// Saved states of a deck's text: /api/decks/<id>/revisions[/<rid>[/restore]] (docs/api.md).
import type { DiffLine } from "../library/line-diff";

export type { DiffLine };

/** One entry of the list; also POST /api/decks/<id>/revisions' 201. */
export interface RevisionSummary {
  id: string;
  /** null for automatic snapshots. */
  name: string | null;
  authorId: string | null;
  authorName: string | null;
  /** ISO 8601 */
  createdAt: string;
  /** Characters of text. */
  size: number;
}

/** A revision with its text (the service's answer; the REST route adds the diff). */
export interface Revision extends RevisionSummary {
  markdown: string;
}

/** GET /api/decks/<id>/revisions/<rid>: with the line diff from it to the current text. */
export interface RevisionWithDiff extends Revision {
  diff: DiffLine[];
}

/** GET /api/decks/<id>/revisions: newest first. */
export interface RevisionList {
  revisions: RevisionSummary[];
}

/** POST /api/decks/<id>/revisions */
export interface CreateRevisionRequest {
  name: string;
}
