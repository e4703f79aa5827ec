// The library's shapes, shared by the REST routes, the library UI and tests (docs/api.md).
import type { DeckSummary } from "../api-types";

export const LIBRARY_VIEWS = ["active", "archived", "trash", "templates"] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

export const LIBRARY_SORTS = ["updated", "created", "title", "relevance"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface LibraryQuery {
  /** Full-text search (websearch syntax: words, "phrases", -excluded, or). */
  q?: string;
  tag?: string;
  /** A user id. */
  owner?: string;
  view?: LibraryView;
  /** Default: relevance when searching, else updated. */
  sort?: LibrarySort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface LibraryDeck extends DeckSummary {
  createdAt: string;
  owner: PersonRef | null;
  lastEditor: PersonRef | null;
  pinned: boolean;
  isTemplate: boolean;
  archivedAt: string | null;
  deletedAt: string | null;
  /** Search results: the matching passage, with <mark>…</mark> around the hits (already HTML-escaped). */
  snippet?: string;
}

export interface LibraryPage {
  decks: LibraryDeck[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LibraryFacets {
  tags: { tag: string; count: number }[];
  owners: PersonRef[];
}
