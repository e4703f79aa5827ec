// Decks: /api/decks, /api/decks/<id>, …/markdown, …/duplicate, …/export (docs/api.md).

export interface DeckSummary {
  id: string;
  title: string;
  tags: string[];
  /** ISO 8601 */
  updatedAt: string;
}

/** GET /api/decks/<id>, and PATCH's answer. */
export interface DeckMetadata extends DeckSummary {
  /** ISO 8601 */
  createdAt: string;
  url: string;
}

/** POST /api/decks and POST /api/decks/<id>/duplicate: 201. */
export interface CreatedDeck {
  id: string;
  url: string;
}

/** POST /api/decks: an empty deck, this text, or a copy of a template (shipped name or deck id). */
export interface CreateDeckRequest {
  markdown?: string;
  templateId?: string;
}

/** PATCH /api/decks/<id>: title and isTemplate need write access, pinned (the caller's own pin) read. */
export interface UpdateDeckRequest {
  title?: string;
  isTemplate?: boolean;
  pinned?: boolean;
}

/** GET /api/decks/<id>/export?format= */
export const EXPORT_FORMATS = ["md", "html", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function deckUrl(id: string): string {
  return `/d/${id}`;
}
