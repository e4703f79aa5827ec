"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { LibraryDeck } from "@/core/library/library-types";
import { CallDate } from "@/components/series/call-date";
import { ConfirmDialog } from "./confirm-dialog";
import { DeckRowMenu } from "./deck-row-menu";
import { RenameDialog } from "./rename-dialog";
import { libraryApi } from "./library-client";
import { RelativeTime } from "./relative-time";

type Dialog = "rename" | "delete" | null;

/** One deck in the library: title, tags, owner, last editor and time, pin, and its actions. */
export function DeckRow({ deck, canArchive, onChanged }: { deck: LibraryDeck; canArchive: boolean; onChanged: () => void }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "That did not work.");
    }
  }

  const title = deck.title || "Untitled";
  const inTrash = deck.deletedAt !== null;
  return (
    <li className={deck.pinned ? "deck-row pinned" : "deck-row"} data-deck-id={deck.id}>
      <button
        type="button"
        className={deck.pinned ? "pin-button on" : "pin-button"}
        aria-label={deck.pinned ? `Unpin ${title}` : `Pin ${title}`}
        aria-pressed={deck.pinned}
        title={deck.pinned ? "Unpin" : "Pin to the top"}
        disabled={inTrash}
        onClick={() => void run(() => libraryApi.update(deck.id, { pinned: !deck.pinned }))}
      >
        {deck.pinned ? "★" : "☆"}
      </button>
      <div className="deck-main">
        <div className="deck-heading">
          {deck.callDate && <CallDate date={deck.callDate} />}
          {inTrash ? (
            <span className={deck.title ? "deck-title" : "deck-title untitled"}>{title}</span>
          ) : (
            <Link className={deck.title ? "deck-title" : "deck-title untitled"} href={`/d/${deck.id}`}>
              {title}
            </Link>
          )}
          {!deck.callDate &&
            deck.distinction &&
            (/^\d{4}-\d{2}-\d{2}$/.test(deck.distinction) ? <CallDate date={deck.distinction} /> : <span className="deck-distinction">{deck.distinction}</span>)}
          {deck.series && (
            <Link className="badge series" href={deck.series.url}>
              {deck.series.name}
            </Link>
          )}
          {deck.isTemplate && <span className="badge template">Template</span>}
          {deck.archivedAt && <span className="badge archived">Archived</span>}
          {deck.tags.map((tag) => (
            <span className="tag" key={tag}>
              {tag}
            </span>
          ))}
        </div>
        {deck.snippet && <p className="deck-snippet" dangerouslySetInnerHTML={{ __html: deck.snippet }} />}
        <p className="deck-meta">
          {deck.owner ? <span>{deck.owner.name}</span> : <span>Community</span>}
          <span aria-hidden="true"> · </span>
          {inTrash ? (
            <span>
              deleted <RelativeTime iso={deck.deletedAt!} />
            </span>
          ) : (
            <span>
              edited <RelativeTime iso={deck.updatedAt} />
              {deck.lastEditor && ` by ${deck.lastEditor.name}`}
            </span>
          )}
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      <DeckRowMenu
        deck={deck}
        canArchive={canArchive}
        onRename={() => setDialog("rename")}
        onDelete={() => setDialog("delete")}
        onDuplicate={() => void run(async () => router.push((await libraryApi.duplicate(deck.id)).url))}
        onToggleTemplate={() => void run(() => libraryApi.update(deck.id, { isTemplate: !deck.isTemplate }))}
        onArchive={() => void run(() => (deck.archivedAt ? libraryApi.unarchive(deck.id) : libraryApi.archive(deck.id)))}
        onRestore={() => void run(() => libraryApi.restore(deck.id))}
      />
      {dialog === "rename" && (
        <RenameDialog
          title={deck.title}
          onClose={() => setDialog(null)}
          onRename={async (next) => {
            await libraryApi.update(deck.id, { title: next });
            onChanged();
          }}
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          title={`Delete “${title}”?`}
          confirmLabel="Delete"
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await libraryApi.trash(deck.id);
            onChanged();
          }}
        >
          Everyone editing it is disconnected. An admin can restore it from the trash for 30 days; after that it is gone for good.
        </ConfirmDialog>
      )}
    </li>
  );
}
