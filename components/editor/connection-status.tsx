import { connectionPhase, type ConnectionPhase, type ConnectionState } from "@/components/sync/deck-connection";

// An ended session is offline for good; its reason shows in the editor's notice.
const LABELS: Record<ConnectionPhase, string> = {
  synced: "Connected",
  syncing: "Syncing…",
  connecting: "Reconnecting…",
  offline: "Offline: edits are kept",
  ended: "Offline: edits are kept",
};

export function ConnectionStatus({ status, synced, ended = false }: { status: ConnectionState; synced: boolean; ended?: boolean }) {
  return (
    <span className="connection-status" data-status={status} data-testid="connection-status" role="status">
      {LABELS[connectionPhase(status, synced, ended)]}
    </span>
  );
}
