import type { LiveAccess } from "./use-live-access";

/** "Read only" and why, while I may read but not edit. */
export function AccessBadge({ access }: { access: LiveAccess }) {
  if (!access.readOnly || access.endedReason) return null;
  return (
    <span className="read-only" data-testid="read-only-badge" role="status" title={access.reason ?? undefined}>
      <span className="read-only-badge">Read only</span>
      {access.reason && <span className="read-only-reason">{access.reason}</span>}
    </span>
  );
}
