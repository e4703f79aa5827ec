import type { ConnectionState } from "./use-deck-session";

const LABELS: Record<ConnectionState, string> = {
  connected: "Connected",
  connecting: "Reconnecting…",
  disconnected: "Offline: edits are kept",
};

export function ConnectionStatus({ status, synced }: { status: ConnectionState; synced: boolean }) {
  const label = status === "connected" && !synced ? "Syncing…" : LABELS[status];
  return (
    <span className="connection-status" data-status={status} data-testid="connection-status" role="status">
      {label}
    </span>
  );
}
