"use client";

import type { LibraryFacets, LibraryQuery, LibrarySort, LibraryView } from "@/core/library/library-types";

const VIEWS: { view: LibraryView; label: string; adminOnly?: boolean }[] = [
  { view: "active", label: "Decks" },
  { view: "templates", label: "Templates" },
  { view: "archived", label: "Archived" },
  { view: "trash", label: "Trash", adminOnly: true },
];

const SORTS: { sort: LibrarySort; label: string }[] = [
  { sort: "updated", label: "Last edited" },
  { sort: "created", label: "Newest" },
  { sort: "title", label: "Title" },
  { sort: "call", label: "Call date" },
  { sort: "relevance", label: "Best match" },
];

export function LibraryToolbar({
  query,
  facets,
  canSeeTrash,
  onChange,
}: {
  query: LibraryQuery;
  facets: LibraryFacets;
  canSeeTrash: boolean;
  onChange: (patch: Partial<LibraryQuery>) => void;
}) {
  const view = query.view ?? "active";
  return (
    <div className="library-toolbar">
      <nav className="library-views" aria-label="Views">
        {VIEWS.filter((entry) => !entry.adminOnly || canSeeTrash).map((entry) => (
          <button
            key={entry.view}
            type="button"
            className={entry.view === view ? "view-tab active" : "view-tab"}
            aria-pressed={entry.view === view}
            onClick={() => onChange({ view: entry.view === "active" ? undefined : entry.view })}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <div className="library-filters">
        <input
          type="search"
          className="library-search"
          placeholder="Search titles and text…"
          aria-label="Search decks"
          value={query.q ?? ""}
          onChange={(event) => onChange({ q: event.target.value || undefined })}
        />
        <select aria-label="Tag" value={query.tag ?? ""} onChange={(event) => onChange({ tag: event.target.value || undefined })}>
          <option value="">All tags</option>
          {facets.tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
        <select aria-label="Owner" value={query.owner ?? ""} onChange={(event) => onChange({ owner: event.target.value || undefined })}>
          <option value="">Anyone</option>
          {facets.owners.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort"
          value={query.sort ?? (query.q ? "relevance" : "updated")}
          onChange={(event) => onChange({ sort: event.target.value as LibrarySort })}
        >
          {SORTS.filter((entry) => entry.sort !== "relevance" || query.q).map((entry) => (
            <option key={entry.sort} value={entry.sort}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
