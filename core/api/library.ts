// The library: GET /api/decks (list, search, views) and GET /api/templates (docs/api.md).
// The list's shapes live beside the query parser in core/library/library-types.ts.
export type { LibraryDeck, LibraryFacets, LibraryPage, LibraryQuery, LibrarySort, LibraryView, PersonRef } from "../library/library-types";

/** One entry of "New from template". */
export interface TemplateInfo {
  /** A shipped template's name ("community-call"), or a deck id. */
  id: string;
  title: string;
  shipped: boolean;
}

/** GET /api/templates */
export interface TemplateList {
  templates: TemplateInfo[];
}
