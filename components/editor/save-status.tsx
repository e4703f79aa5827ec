"use client";

import { useUnsaved, type ConnectionState, type DeckSession } from "./use-deck-session";

const changes = (count: number) => `${count} ${count === 1 ? "change" : "changes"}`;

const count = (unsaved: number) => unsaved;
/** The count shown lags this much behind typing, so the screen does not re-render per keystroke. */
const REFRESH_MS = 200;

/**
 * Whether my edits have reached the server's database, or are kept in this browser meanwhile. It
 * follows the count itself: the count changes with every keystroke, the rest of the screen need not.
 */
export function SaveStatus({ status, synced, session }: { status: ConnectionState; synced: boolean; session: DeckSession | null }) {
  const unsaved = useUnsaved(session, count, REFRESH_MS);
  const online = status === "connected" && synced;
  let state: "saved" | "saving" | "kept";
  let label: string;
  if (!online) {
    state = "kept";
    label = unsaved > 0 ? `Offline — ${changes(unsaved)} kept` : "Offline — edits will be kept";
  } else if (unsaved > 0) {
    state = "saving";
    label = `${changes(unsaved)} not yet saved`;
  } else {
    state = "saved";
    label = "All changes saved";
  }
  return (
    <span className="save-status" data-state={state} data-testid="save-status" role="status" aria-live="polite">
      {label}
    </span>
  );
}
