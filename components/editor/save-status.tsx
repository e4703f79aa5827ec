import type { ConnectionState } from "./use-deck-session";

const changes = (count: number) => `${count} ${count === 1 ? "change" : "changes"}`;

/** Whether my edits have reached the server's database, or are kept in this browser meanwhile. */
export function SaveStatus({ status, synced, unsaved }: { status: ConnectionState; synced: boolean; unsaved: number }) {
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
