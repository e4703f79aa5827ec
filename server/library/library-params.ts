// GET /api/decks's query parameters, checked: a bad value is a 400 naming it, never a guess.
import { LIBRARY_SORTS, LIBRARY_VIEWS, MAX_PAGE_SIZE, type LibraryQuery, type LibrarySort, type LibraryView } from "../../core/library/library-types";
import { ApiError } from "../http/api-response";

const MAX_QUERY_LENGTH = 500;

export function parseLibraryQuery(params: URLSearchParams): LibraryQuery {
  const query: LibraryQuery = {};
  const q = params.get("q");
  if (q) {
    if (q.length > MAX_QUERY_LENGTH) throw bad(`"q" may be at most ${MAX_QUERY_LENGTH} characters.`);
    query.q = q;
  }
  const tag = params.get("tag");
  if (tag) query.tag = tag;
  const owner = params.get("owner");
  if (owner) query.owner = owner;
  const view = params.get("view");
  if (view) {
    if (!(LIBRARY_VIEWS as readonly string[]).includes(view)) throw bad(`"view" must be one of ${LIBRARY_VIEWS.join(", ")}.`);
    query.view = view as LibraryView;
  }
  const sort = params.get("sort");
  if (sort) {
    if (!(LIBRARY_SORTS as readonly string[]).includes(sort)) throw bad(`"sort" must be one of ${LIBRARY_SORTS.join(", ")}.`);
    query.sort = sort as LibrarySort;
  }
  const groupSeries = params.get("groupSeries");
  if (groupSeries !== null) {
    if (groupSeries !== "true" && groupSeries !== "false") throw bad('"groupSeries" must be true or false.');
    query.groupSeries = groupSeries === "true";
  }
  const page = params.get("page");
  if (page !== null) query.page = positiveInteger("page", page, 1_000_000);
  const pageSize = params.get("pageSize");
  if (pageSize !== null) query.pageSize = positiveInteger("pageSize", pageSize, MAX_PAGE_SIZE);
  return query;
}

function positiveInteger(name: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) throw bad(`"${name}" must be a whole number from 1 to ${max}.`);
  return number;
}

function bad(message: string): ApiError {
  return new ApiError("bad_request", message);
}
