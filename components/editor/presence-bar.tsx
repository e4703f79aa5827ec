// The people in the deck, in the header: me first, then everyone else who may edit; read-only
// viewers as a count ("+ 312 watching"), since the server counts them rather than sharing them.
import { PersonAvatar } from "./person-avatar";
import type { Peer } from "./use-presence";

const SHOWN = 6;

export function PresenceBar({ peers, watching = 0 }: { peers: Peer[]; watching?: number }) {
  const shown = peers.slice(0, SHOWN);
  const hidden = peers.slice(SHOWN);
  const others = peers.filter((peer) => !peer.isMe).length;
  const label = `${others} other ${others === 1 ? "person" : "people"} in this deck` + (watching > 0 ? `, ${watching} watching` : "");
  return (
    <div className="presence-bar" data-testid="presence-bar" aria-label={label} role="group">
      {watching > 0 && (
        <span className="presence-watching" data-testid="presence-watching" title={`${watching} read-only ${watching === 1 ? "viewer" : "viewers"}`}>
          + {watching.toLocaleString("en")} watching
        </span>
      )}
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
