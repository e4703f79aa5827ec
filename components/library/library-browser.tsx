"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LibraryFacets, LibraryPage, LibraryQuery, LibraryView } from "@/core/library/library-types";
import { DeckRow } from "./deck-row";
import { LibraryToolbar } from "./library-toolbar";
import { Pagination } from "./pagination";
import { libraryApi } from "./library-client";

const SEARCH_DELAY_MS = 200;

/** The library: search, filters, views, sort and pages over GET /api/decks, with each deck's actions. */
export function LibraryBrowser({ initial, facets, canArchive }: { initial: LibraryPage; facets: LibraryFacets; canArchive: boolean }) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [page, setPage] = useState<LibraryPage>(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const first = useRef(true);
  const current = useRef(query);
  useEffect(() => {
    current.current = query;
  }, [query]);

  const load = useCallback(async (next: LibraryQuery) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await libraryApi.list(next);
      // Answers can overtake each other while typing: only the newest one counts.
      if (ticket !== latest.current) return;
      setPage(result);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure instanceof Error ? failure.message : "Could not load the decks.");
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void load(query), query.q !== undefined ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [query, load]);

  // The page was refreshed on the server (after an import): reload what is shown now.
  const initialSeen = useRef(initial);
  useEffect(() => {
    if (initialSeen.current === initial) return;
    initialSeen.current = initial;
    void load(current.current);
  }, [initial, load]);

  const change = (patch: Partial<LibraryQuery>) => setQuery((current) => ({ ...current, page: 1, ...patch }));
  const view: LibraryView = query.view ?? "active";

  return (
    <section className="library-browser" aria-busy={loading}>
      <LibraryToolbar query={query} facets={facets} canSeeTrash={canArchive} onChange={change} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="library-count muted" aria-live="polite">
        {countLabel(page.total, view, query.q)}
      </p>
      {page.decks.length === 0 ? (
        <p className="empty-library">{emptyLabel(view, Boolean(query.q || query.tag || query.owner))}</p>
      ) : (
        <ul className="deck-list library-list" aria-label="Decks">
          {page.decks.map((deck) => (
            <DeckRow key={deck.id} deck={deck} canArchive={canArchive} onChanged={() => void load(query)} />
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onPage={(next) => setQuery((current) => ({ ...current, page: next }))} />
    </section>
  );
}

function countLabel(total: number, view: LibraryView, q: string | undefined): string {
  const noun = total === 1 ? "deck" : "decks";
  const where = view === "archived" ? " in the archive" : view === "trash" ? " in the trash" : view === "templates" ? " marked as templates" : "";
  return q ? `${total} ${noun}${where} match “${q}”` : `${total} ${noun}${where}`;
}

function emptyLabel(view: LibraryView, filtered: boolean): string {
  if (filtered) return "No deck matches. Try fewer words or another filter.";
  if (view === "archived") return "Nothing is archived.";
  if (view === "trash") return "The trash is empty.";
  if (view === "templates") return "No deck is marked as a template yet. Mark one from its menu.";
  return "No decks yet. Create the first one with “New deck”, or import your old ones.";
}
