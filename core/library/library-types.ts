// The library's shapes, shared by the REST routes, the library UI and tests (docs/api.md).
import type { DeckSummary } from "../api/decks";

export const LIBRARY_VIEWS = ["active", "archived", "trash", "templates"] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

export const LIBRARY_SORTS = ["updated", "created", "title", "relevance", "call"] as const;
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
  /** Default: relevance when searching, else updated; "call": by call date, latest first. */
  sort?: LibrarySort;
  /** Leave out the decks of a series (the library shows each series as one entry instead). */
  groupSeries?: boolean;
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
  /** The date of its call (YYYY-MM-DD), from its series or its import. */
  callDate: string | null;
  series: { id: string; name: string; url: string } | null;
  /** Without a call date, what tells it from decks of the same title: a date in its title slide, or its first heading. */
  distinction: string | null;
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
