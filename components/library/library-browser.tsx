"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SeriesList } from "@/components/series/series-list";
import type { SeriesSummary } from "@/core/api/series";
import type { LibraryFacets, LibraryPage, LibraryQuery, LibraryView } from "@/core/library/library-types";
import { libraryPageHref, libraryQueryFromUrl, showsSeriesGrouped } from "@/core/library/library-url";
import { DeckRow } from "./deck-row";
import { LibraryToolbar } from "./library-toolbar";
import { Pagination } from "./pagination";
import { libraryApi } from "./library-client";

const SEARCH_DELAY_MS = 200;

/**
 * The library: search, filters, views, sort and pages over GET /api/decks, with each deck's actions.
 * Its state lives in the page URL (core/library/library-url.ts): reload, Back and shared links
 * show the same decks. The plain library shows each series as one entry instead of its decks.
 */
export function LibraryBrowser({
  initial,
  facets,
  canArchive,
  series,
}: {
  initial: LibraryPage;
  facets: LibraryFacets;
  canArchive: boolean;
  series: SeriesSummary[];
}) {
  const searchParams = useSearchParams();
  const query = useMemo(() => libraryQueryFromUrl(new URLSearchParams(searchParams.toString())), [searchParams]);
  const href = libraryPageHref(query);
  // The search box answers each keystroke; the URL (and the list) follow after a pause.
  const [text, setText] = useState(query.q ?? "");
  const [page, setPage] = useState<LibraryPage>(initial);
  // The query the shown page answers (the URL runs ahead of it while the next page loads).
  const [pageQuery, setPageQuery] = useState<LibraryQuery>(query);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  // What the page shows now: the server rendered it for this URL.
  const shown = useRef(href);
  const current = useRef(query);
  useEffect(() => {
    // Only the URL as it is now: a render for a URL already replaced by a newer change is stale.
    if (href === libraryPageHref(libraryQueryFromUrl(new URLSearchParams(window.location.search)))) current.current = query;
  }, [href, query]);

  const load = useCallback(async (next: LibraryQuery) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await libraryApi.list({ ...next, ...(showsSeriesGrouped(next) ? { groupSeries: true } : {}) });
      // Answers can overtake each other while typing: only the newest one counts.
      if (ticket !== latest.current) return;
      setPage(result);
      setPageQuery(next);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure instanceof Error ? failure.message : "Could not load the decks.");
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // The URL changed (a filter, a page, Back or Forward): show what it says.
  useEffect(() => {
    if (shown.current === href) return;
    shown.current = href;
    void load(query);
  }, [href, query, load]);

  // Back or Forward to another search: the box shows it.
  const typed = useRef(text);
  useEffect(() => {
    if ((query.q ?? "") !== typed.current) {
      typed.current = query.q ?? "";
      setText(query.q ?? "");
    }
  }, [query.q]);

  const navigate = useCallback((next: LibraryQuery, replace: boolean) => {
    const target = libraryPageHref(next);
    if (target === libraryPageHref(current.current)) return;
    // Next.js keeps useSearchParams in step with the History API, without a server round trip.
    if (replace) window.history.replaceState(null, "", target);
    else window.history.pushState(null, "", target);
    // The URL reaches useSearchParams a render later: a second change made before then (clear the
    // tag, then type a search) must build on this one, not on the query still shown.
    current.current = next;
  }, []);

  useEffect(() => {
    if (text === (current.current.q ?? "")) return;
    const timer = setTimeout(() => {
      typed.current = text;
      const { q: _q, page: _page, ...rest } = current.current;
      // The first keystroke of a search is a step Back can return from; the next ones refine it.
      navigate({ ...rest, ...(text ? { q: text } : {}) }, Boolean(current.current.q) && Boolean(text));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, navigate]);

  // The page was refreshed on the server (after an import): reload what is shown now.
  const initialSeen = useRef(initial);
  useEffect(() => {
    if (initialSeen.current === initial) return;
    initialSeen.current = initial;
    void load(current.current);
  }, [initial, load]);

  const change = (patch: Partial<LibraryQuery>) => {
    if ("q" in patch) {
      setText(patch.q ?? "");
      return;
    }
    const { page: _page, ...rest } = current.current;
    navigate({ ...rest, ...patch }, false);
  };
  const view: LibraryView = query.view ?? "active";
  const grouped = showsSeriesGrouped(pageQuery);

  return (
    <section className="library-browser" aria-busy={loading}>
      <LibraryToolbar query={{ ...query, ...(text ? { q: text } : { q: undefined }) }} facets={facets} canSeeTrash={canArchive} onChange={change} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {grouped && page.page === 1 && <SeriesList series={series} />}
      <p className="library-count muted" aria-live="polite">
        {countLabel(page.total, pageQuery.view ?? "active", pageQuery.q, grouped && series.length > 0)}
      </p>
      {page.decks.length === 0 ? (
        <p className="empty-library">{emptyLabel(view, Boolean(query.q || query.tag || query.owner))}</p>
      ) : (
        <ul className="deck-list library-list" aria-label="Decks">
          {page.decks.map((deck) => (
            <DeckRow key={deck.id} deck={deck} canArchive={canArchive} onChanged={() => void load(current.current)} />
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onPage={(next) => navigate({ ...current.current, page: next }, false)} />
    </section>
  );
}

function countLabel(total: number, view: LibraryView, q: string | undefined, besideSeries: boolean): string {
  const noun = total === 1 ? "deck" : "decks";
  const where =
    view === "archived" ? " in the archive" : view === "trash" ? " in the trash" : view === "templates" ? " marked as templates" : besideSeries ? " outside a series" : "";
  return q ? `${total} ${noun}${where} match “${q}”` : `${total} ${noun}${where}`;
}

function emptyLabel(view: LibraryView, filtered: boolean): string {
  if (filtered) return "No deck matches. Try fewer words or another filter.";
  if (view === "archived") return "Nothing is archived.";
  if (view === "trash") return "The trash is empty.";
  if (view === "templates") return "No deck is marked as a template yet. Mark one from its menu.";
  return "No decks yet. Create the first one with “New deck”, or import your old ones.";
}
