// The library's state in its page URL (`/?q=&tag=&owner=&sort=&page=&view=`), so a search is
// kept on reload and Back, and can be shared. Read leniently: a bad value in a hand-edited or old
// link is dropped (the library shows its default), never an error page.
import { LIBRARY_SORTS, LIBRARY_VIEWS, type LibraryQuery, type LibrarySort, type LibraryView } from "./library-types";

const MAX_TEXT = 500;
const MAX_PAGE = 1_000_000;

export function libraryQueryFromUrl(params: URLSearchParams): LibraryQuery {
  const query: LibraryQuery = {};
  const text = (key: string) => {
    const value = params.get(key);
    return value && value.length <= MAX_TEXT ? value : undefined;
  };
  const q = text("q");
  if (q) query.q = q;
  const tag = text("tag");
  if (tag) query.tag = tag;
  const owner = text("owner");
  if (owner) query.owner = owner;
  const sort = params.get("sort");
  if (sort && (LIBRARY_SORTS as readonly string[]).includes(sort)) query.sort = sort as LibrarySort;
  const view = params.get("view");
  if (view && view !== "active" && (LIBRARY_VIEWS as readonly string[]).includes(view)) query.view = view as LibraryView;
  const page = params.get("page");
  if (page && /^\d{1,7}$/.test(page) && Number(page) > 1 && Number(page) <= MAX_PAGE) query.page = Number(page);
  return query;
}

/** The library page's URL for a query; defaults are left out, so the plain library is just "/". */
export function libraryPageHref(query: LibraryQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.tag) params.set("tag", query.tag);
  if (query.owner) params.set("owner", query.owner);
  if (query.sort) params.set("sort", query.sort);
  if (query.view && query.view !== "active") params.set("view", query.view);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

/** The plain library (no search or filter) shows each series as one entry instead of its decks. */
export function showsSeriesGrouped(query: LibraryQuery): boolean {
  return (query.view ?? "active") === "active" && !query.q && !query.tag && !query.owner;
}
