// The people in the deck, in the header: me first, then everyone else.
import { PersonAvatar } from "./person-avatar";
import type { Peer } from "./use-presence";

const SHOWN = 6;

export function PresenceBar({ peers }: { peers: Peer[] }) {
  const shown = peers.slice(0, SHOWN);
  const hidden = peers.slice(SHOWN);
  const others = peers.filter((peer) => !peer.isMe).length;
  return (
    <div className="presence-bar" data-testid="presence-bar" aria-label={`${others} other ${others === 1 ? "person" : "people"} in this deck`} role="group">
      {shown.map((peer) => (
        <span key={peer.clientId} className={peer.isMe ? "presence-me" : undefined} data-testid="presence-person">
          <PersonAvatar name={peer.name} color={peer.color} title={peer.isMe ? `${peer.name} (you)` : peer.name} />
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="avatar avatar-more" title={hidden.map((peer) => peer.name).join(", ")}>
          +{hidden.length}
        </span>
      )}
    </div>
  );
}
