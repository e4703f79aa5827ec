"use client";

import { useRef } from "react";
import type { LibraryDeck } from "@/core/library/library-types";

/** The "⋯" menu of a library row: what may be done with the deck (the server decides again). */
export function DeckRowMenu({
  deck,
  canArchive,
  onRename,
  onDelete,
  onDuplicate,
  onToggleTemplate,
  onArchive,
  onRestore,
}: {
  deck: LibraryDeck;
  canArchive: boolean;
  onRename: () => void;
  onDelete: () => void;
  onDuplicate: () => void;
  onToggleTemplate: () => void;
  onArchive: () => void;
  onRestore: () => void;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pick = (action: () => void) => () => {
    menu.current?.removeAttribute("open");
    action();
  };
  const exportUrl = (format: string) => `/api/decks/${deck.id}/export?format=${format}`;
  const title = deck.title || "Untitled";
  if (deck.deletedAt) {
    return canArchive ? (
      <button type="button" className="button secondary row-action" onClick={onRestore}>
        Restore
      </button>
    ) : null;
  }
  const editable = !deck.archivedAt;
  return (
    <details className="row-menu" ref={menu}>
      <summary aria-label={`Actions for ${title}`}>⋯</summary>
      <div className="row-menu-panel" role="menu">
        {editable && (
          <button type="button" role="menuitem" onClick={pick(onRename)}>
            Rename…
          </button>
        )}
        <button type="button" role="menuitem" onClick={pick(onDuplicate)}>
          Duplicate
        </button>
        {editable && (
          <button type="button" role="menuitem" onClick={pick(onToggleTemplate)}>
            {deck.isTemplate ? "Stop offering as template" : "Mark as template"}
          </button>
        )}
        <span className="row-menu-label">Export</span>
        <a role="menuitem" href={exportUrl("md")} download>
          Markdown (.md)
        </a>
        <a role="menuitem" href={exportUrl("html")} download>
          Offline slides (.html)
        </a>
        <a role="menuitem" href={exportUrl("zip")} download>
          Bundle with images (.zip)
        </a>
        {canArchive && (
          <button type="button" role="menuitem" onClick={pick(onArchive)}>
            {deck.archivedAt ? "Restore from archive" : "Archive"}
          </button>
        )}
        {editable && (
          <button type="button" role="menuitem" className="danger" onClick={pick(onDelete)}>
            Delete…
          </button>
        )}
      </div>
    </details>
  );
}
